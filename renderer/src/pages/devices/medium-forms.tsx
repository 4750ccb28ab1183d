import { Checkbox, Group, Select, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { MediumRow } from '../../../../src/ledger/devices/device-queries';
import { CheckInForm } from '../../components/event-forms/check-in-form';
import { ActionFormFrame, DateAndNote, type EventFormCallbacks } from '../../components/event-forms/event-form-frame';
import { ApprovalFields, approvalDefaults, approvalRules, toApproval, useApprovalDateFollows, type ApprovalValues } from '../../components/fields/approval-fields';
import { DateField } from '../../components/fields/date-field';
import { PersonSelect } from '../../components/fields/person-select';
import { useMutation } from '../../hooks/use-mutation';
import { addDays, today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { chosen, required, validDate } from '../../lib/form-rules';
import { useDirectory } from '../../shell/directory';
import { checkInKind } from './device-enums';
import { computerLabel, useComputers } from './use-device-lists';

export interface MediumFormProps extends EventFormCallbacks {
  medium: MediumRow;
}

/** 配发: to a named person who signs for it, with the date of their 保密承诺书. */
export function IssueForm({ medium, onDone, onCancel }: MediumFormProps) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { run, error, busy } = useMutation();
  const on = today();
  const form = useForm({
    initialValues: { recipientId: '', recipientSigned: false, pledgeOn: on, occurredOn: on, note: '' },
    validate: {
      recipientId: chosen(t, t('media.issue.recipient')),
      pledgeOn: validDate(t, t('media.issue.pledgeOn')),
      occurredOn: validDate(t, t('media.issue.occurredOn')),
      recipientSigned: (v) => (v ? null : t('media.issue.signRequired')),
    },
  });
  // The person's pledge on file is the one that covers the medium, when there is one.
  const pick = (id: string | null) => {
    form.setFieldValue('recipientId', id ?? '');
    const pledge = people.find((p) => p.id === id)?.pledgeOn;
    if (pledge) form.setFieldValue('pledgeOn', pledge);
  };
  const submit = form.onSubmit(async (v) => {
    if (await run(() => window.api.media.issue({ mediumId: medium.id, ...v }))) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('media.issue.submit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <PersonSelect label={t('media.issue.recipient')} withAsterisk autoFocus {...form.getInputProps('recipientId')} onChange={pick} />
        <DateField label={t('media.issue.pledgeOn')} withAsterisk {...form.getInputProps('pledgeOn')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('media.issue.occurredOn')} />
      <Checkbox label={t('media.issue.recipientSigned')} {...form.getInputProps('recipientSigned', { type: 'checkbox' })} />
    </ActionFormFrame>
  );
}

/** 绑定计算机: a computer of the ledger this medium may be used on. */
export function BindForm({ medium, onDone, onCancel }: MediumFormProps) {
  const { t } = useTranslation();
  const { computers } = useComputers();
  const { run, error, busy } = useMutation();
  const form = useForm({
    initialValues: { computerId: '', occurredOn: today(), note: '' },
    validate: { computerId: chosen(t, t('media.bind.computer')), occurredOn: validDate(t, t('form.date')) },
  });
  const submit = form.onSubmit(async (v) => {
    if (await run(() => window.api.media.bind({ mediumId: medium.id, ...v }))) onDone();
  }, focusFirstError);
  const data = (computers ?? [])
    .filter((c) => c.state !== 'destroyed' && !medium.boundComputerIds.includes(c.id))
    .map((c) => ({ value: c.id, label: computerLabel(c, t(`level.${c.level}`)) }));
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('media.bind.submit')} onCancel={onCancel}>
      <Text size="sm">{t('media.bind.intro', { level: t(`level.${medium.level}`) })}</Text>
      <Group grow align="flex-start">
        <Select label={t('media.bind.computer')} withAsterisk autoFocus searchable data={data} nothingFoundMessage={t('media.bind.none')} {...form.getInputProps('computerId')} />
        <DateField label={t('form.date')} withAsterisk {...form.getInputProps('occurredOn')} />
      </Group>
    </ActionFormFrame>
  );
}

interface LoanValues {
  personId: string;
  text: string;
  occurredOn: string;
  dueOn: string;
  note: string;
  approval: ApprovalValues;
}

/** 借用 and 携带外出: approved by someone else, back by a date. */
export function LoanForm({ medium, kind, onDone, onCancel }: MediumFormProps & { kind: 'lend' | 'takeOut' }) {
  const { t } = useTranslation();
  const { people, settings } = useDirectory();
  const { run, error, busy } = useMutation();
  const on = today();
  const k = (key: string) => t(`media.${kind}.${key}`);
  const form = useForm<LoanValues>({
    initialValues: {
      personId: '',
      text: '',
      occurredOn: on,
      dueOn: addDays(on, kind === 'lend' ? 7 : 1),
      note: '',
      // R-13 asks the unit head for 绝密 taken out.
      approval: approvalDefaults(kind === 'takeOut' && medium.level === 'juemi' ? 'unit_head' : 'leader', on),
    },
    validate: {
      personId: chosen(t, k('person')),
      text: required(t, k('text')),
      occurredOn: validDate(t, k('occurredOn')),
      dueOn: validDate(t, k('dueOn')),
      approval: approvalRules(t),
    },
  });
  useApprovalDateFollows(form);
  const submit = form.onSubmit(async (v) => {
    const base = { mediumId: medium.id, occurredOn: v.occurredOn, note: v.note, approval: toApproval(v.approval, people) };
    const done = await run(() =>
      kind === 'lend'
        ? window.api.media.lend({ ...base, borrowerId: v.personId, reason: v.text.trim(), dueOn: v.dueOn })
        : window.api.media.takeOut({ ...base, bearerId: v.personId, destination: v.text.trim(), untilOn: v.dueOn }),
    );
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={k('submit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <PersonSelect label={k('person')} withAsterisk autoFocus {...form.getInputProps('personId')} />
        <TextInput label={k('text')} withAsterisk maxLength={kind === 'lend' ? 200 : 100} {...form.getInputProps('text')} />
      </Group>
      <Group grow align="flex-start">
        <DateField label={k('occurredOn')} withAsterisk {...form.getInputProps('occurredOn')} />
        <DateField
          label={k('dueOn')}
          withAsterisk
          description={kind === 'lend' ? t('lend.dueHint', { days: settings?.maxLoanDays ?? 30 }) : undefined}
          {...form.getInputProps('dueOn')}
        />
        <TextInput label={t('form.note')} maxLength={200} {...form.getInputProps('note')} />
      </Group>
      <ApprovalFields form={form} />
    </ActionFormFrame>
  );
}

/** 归还 / 带回 / 维修完成: checked on arrival by a named person. */
export function MediumCheckInForm({ medium, onDone, onCancel }: MediumFormProps) {
  const { t } = useTranslation();
  const labels = {
    date: t('form.date'),
    intact: t('media.checkIn.intact'),
    damage: t('media.checkIn.damage'),
    describe: t('media.checkIn.describe'),
    submit: t(`media.checkIn.${checkInKind(medium.state)}`),
  };
  return <CheckInForm labels={labels} record={(v) => window.api.media.checkIn({ mediumId: medium.id, ...v })} onDone={onDone} onCancel={onCancel} />;
}
