import { Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ActionFormFrame, DateAndNote } from '../../../components/event-forms/event-form-frame';
import { ApprovalFields, approvalDefaults, approvalRules, toApproval, useApprovalDateFollows, type ApprovalValues } from '../../../components/fields/approval-fields';
import { LevelSelect } from '../../../components/fields/level-select';
import { TermInput, termRule } from '../../../components/fields/term-input';
import { useMutation } from '../../../hooks/use-mutation';
import type { Level } from '../../../lib/carrier-enums';
import { today } from '../../../lib/dates';
import { focusFirstError } from '../../../lib/focus-first-error';
import { chosen, required, validDate } from '../../../lib/form-rules';
import { parseTermText, termToText } from '../../../lib/term-text';
import { useDirectory } from '../../../shell/directory';
import type { ActionFormProps } from './action-form';

interface ReclassifyValues {
  level: Level;
  term: string;
  decidedBy: string;
  reason: string;
  occurredOn: string;
  note: string;
  approval: ApprovalValues;
}

/** 变更密级: the originator's recorded decision; the marking follows. */
export function ReclassifyForm({ carrier, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const { people, settings } = useDirectory();
  const { run, error, busy } = useMutation();
  const on = today();
  const form = useForm<ReclassifyValues>({
    initialValues: {
      level: carrier.level,
      term: termToText(carrier.term),
      decidedBy: carrier.issuer,
      reason: '',
      occurredOn: on,
      note: '',
      approval: approvalDefaults('originator', on),
    },
    validate: {
      level: chosen(t, t('reclassify.level')),
      term: (v, values) => termRule(t, settings)(v, values.level),
      decidedBy: required(t, t('reclassify.decidedBy')),
      reason: required(t, t('reclassify.reason')),
      occurredOn: validDate(t, t('reclassify.occurredOn')),
      approval: approvalRules(t),
    },
  });
  useApprovalDateFollows(form);
  const submit = form.onSubmit(async (v) => {
    const parsed = parseTermText(v.term);
    if (!parsed.ok) return;
    const done = await run(() =>
      window.api.carriers.reclassify({
        carrierId: carrier.id,
        level: v.level,
        term: parsed.term,
        decidedBy: v.decidedBy.trim(),
        reason: v.reason.trim(),
        occurredOn: v.occurredOn,
        note: v.note,
        approval: toApproval(v.approval, people),
      }),
    );
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('reclassify.submit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <LevelSelect label={t('reclassify.level')} withAsterisk autoFocus {...form.getInputProps('level')} />
        <TermInput level={form.values.level} label={t('reclassify.term')} {...form.getInputProps('term')} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t('reclassify.decidedBy')} withAsterisk maxLength={100} {...form.getInputProps('decidedBy')} />
        <TextInput label={t('reclassify.reason')} withAsterisk maxLength={200} {...form.getInputProps('reason')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('reclassify.occurredOn')} />
      <ApprovalFields form={form} />
    </ActionFormFrame>
  );
}

const BASES = ['decision', 'term_expired'] as const;

/** 解密: by the originator's decision, or because the term ran out. */
export function DeclassifyForm({ carrier, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { run, error, busy } = useMutation();
  const on = today();
  const expired = carrier.expiresOn !== null && carrier.expiresOn <= on;
  const form = useForm({
    initialValues: {
      basis: (expired ? 'term_expired' : 'decision') as (typeof BASES)[number],
      decidedBy: carrier.issuer,
      occurredOn: on,
      note: '',
      approval: approvalDefaults('originator', on),
    },
    validate: {
      decidedBy: required(t, t('declassify.decidedBy')),
      occurredOn: validDate(t, t('declassify.occurredOn')),
      approval: approvalRules(t),
    },
  });
  useApprovalDateFollows(form);
  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.carriers.declassify({ carrierId: carrier.id, ...v, decidedBy: v.decidedBy.trim(), approval: toApproval(v.approval, people) }),
    );
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('declassify.submit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <Select
          label={t('declassify.basis')}
          allowDeselect={false}
          autoFocus
          data={BASES.map((b) => ({ value: b, label: t(`declassifyBasis.${b}`) }))}
          {...form.getInputProps('basis')}
        />
        <TextInput label={t('declassify.decidedBy')} withAsterisk maxLength={100} {...form.getInputProps('decidedBy')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('declassify.occurredOn')} />
      <ApprovalFields form={form} />
    </ActionFormFrame>
  );
}
