import { Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ActionFormFrame, DateAndNote } from '../../../components/event-forms/event-form-frame';
import { ApprovalFields, approvalDefaults, approvalRules, toApproval, useApprovalDateFollows, type ApprovalValues } from '../../../components/fields/approval-fields';
import { CabinetSelect } from '../../../components/fields/cabinet-select';
import { PersonNameInput } from '../../../components/fields/person-name-input';
import { PersonSelect } from '../../../components/fields/person-select';
import { useMutation } from '../../../hooks/use-mutation';
import { today } from '../../../lib/dates';
import { focusFirstError } from '../../../lib/focus-first-error';
import { chosen, required, validDate, wholeNumber } from '../../../lib/form-rules';
import { notifySuccess } from '../../../lib/notify';
import { toPersonRef } from '../../../lib/person-ref';
import { useDirectory } from '../../../shell/directory';
import { useLedger } from '../../../shell/ledger-context';
import type { ActionFormProps } from './action-form';

const KINDS = ['copy', 'excerpt', 'compilation'] as const;

interface CopyValues {
  kind: (typeof KINDS)[number];
  count: number | string;
  copyNumbers: string;
  custodianId: string;
  cabinetId: string | null;
  destination: string;
  applicant: string;
  maker: string;
  occurredOn: string;
  note: string;
  approval: ApprovalValues;
}

/** Copy numbers typed as `A-1, A-2` (comma, 、 or space separated). */
export const splitCopyNumbers = (s: string): string[] =>
  s
    .split(/[,，、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * 复制/摘录/汇编: 绝密 needs the originating authority's approval, 机密 and
 * 秘密 the unit leader's. Each copy becomes a carrier of its own, with its own number.
 */
export function CopyForm({ carrier, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { summary } = useLedger();
  const { run, error, busy } = useMutation();
  const on = today();
  const form = useForm<CopyValues>({
    initialValues: {
      kind: 'copy',
      count: 1,
      copyNumbers: '',
      custodianId: carrier.custodianId ?? '',
      cabinetId: carrier.cabinetId,
      destination: '',
      applicant: '',
      maker: summary.officerName,
      occurredOn: on,
      note: '',
      approval: approvalDefaults(carrier.level === 'juemi' ? 'originator' : 'leader', on),
    },
    validate: {
      count: wholeNumber(t, t('copy.count'), 1, 100),
      copyNumbers: (v, values) => {
        const n = splitCopyNumbers(v).length;
        return n === 0 || n === Number(values.count) ? null : t('copy.countMismatch', { numbers: n, count: values.count });
      },
      custodianId: chosen(t, t('copy.custodian')),
      applicant: required(t, t('copy.applicant')),
      maker: required(t, t('copy.maker')),
      occurredOn: validDate(t, t('copy.occurredOn')),
      approval: approvalRules(t),
    },
  });
  useApprovalDateFollows(form);
  const submit = form.onSubmit(async (v) => {
    const numbers = splitCopyNumbers(v.copyNumbers);
    const done = await run(() =>
      window.api.carriers.copy({
        carrierId: carrier.id,
        kind: v.kind,
        count: Number(v.count),
        ...(numbers.length ? { copyNumbers: numbers } : {}),
        custodianId: v.custodianId,
        cabinetId: v.cabinetId,
        destination: v.destination,
        applicant: toPersonRef(v.applicant, people),
        maker: toPersonRef(v.maker, people),
        occurredOn: v.occurredOn,
        note: v.note,
        approval: toApproval(v.approval, people),
      }),
    );
    if (!done) return;
    notifySuccess(t('copy.made', { numbers: done.value.map((c) => c.number).join('、') }));
    onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('copy.submit')} onCancel={onCancel}>
      <Text size="sm" c="dimmed">
        {t('copy.keepsMarking', { marking: carrier.marking })}
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('copy.kind')}
        </Text>
        <SegmentedControl
          aria-label={t('copy.kind')}
          data={KINDS.map((k) => ({ value: k, label: t(`copyKind.${k}`) }))}
          {...form.getInputProps('kind')}
        />
      </Stack>
      <Group grow align="flex-start">
        <NumberInput label={t('copy.count')} withAsterisk min={1} max={100} allowDecimal={false} autoFocus {...form.getInputProps('count')} />
        <TextInput label={t('copy.copyNumbers')} description={t('copy.copyNumbersHint')} maxLength={300} {...form.getInputProps('copyNumbers')} />
      </Group>
      <Group grow align="flex-start">
        <PersonSelect label={t('copy.custodian')} withAsterisk {...form.getInputProps('custodianId')} />
        <CabinetSelect label={t('copy.cabinet')} {...form.getInputProps('cabinetId')} />
        <TextInput label={t('copy.destination')} maxLength={100} {...form.getInputProps('destination')} />
      </Group>
      <Group grow align="flex-start">
        <PersonNameInput label={t('copy.applicant')} withAsterisk {...form.getInputProps('applicant')} />
        <PersonNameInput label={t('copy.maker')} withAsterisk {...form.getInputProps('maker')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('copy.occurredOn')} />
      <ApprovalFields form={form} legend={carrier.level === 'juemi' ? t('copy.approvalJuemi') : t('copy.approvalOther')} />
    </ActionFormFrame>
  );
}
