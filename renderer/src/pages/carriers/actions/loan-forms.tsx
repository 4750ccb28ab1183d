import { Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CheckInForm, type CheckIn } from '../../../components/event-forms/check-in-form';
import { ActionFormFrame, DateAndNote } from '../../../components/event-forms/event-form-frame';
import { ApprovalFields, approvalDefaults, approvalRules, toApproval, useApprovalDateFollows, type ApprovalValues } from '../../../components/fields/approval-fields';
import { DateField } from '../../../components/fields/date-field';
import { PersonSelect } from '../../../components/fields/person-select';
import { useMutation } from '../../../hooks/use-mutation';
import { addDays, today } from '../../../lib/dates';
import { focusFirstError } from '../../../lib/focus-first-error';
import { chosen, required, validDate } from '../../../lib/form-rules';
import { useDirectory } from '../../../shell/directory';
import type { ActionFormProps } from './action-form';

/** Default loan period offered; R-15 caps it at the unit's maximum (30 days by default). */
export const DEFAULT_LOAN_DAYS = 7;

interface LendValues {
  borrowerId: string;
  reason: string;
  occurredOn: string;
  dueOn: string;
  note: string;
  approval: ApprovalValues;
}

/** 借阅: approved by someone other than the borrower, due back within the maximum. */
export function LendForm({ carrier, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const { people, settings } = useDirectory();
  const { run, error, busy } = useMutation();
  const on = today();
  const form = useForm<LendValues>({
    initialValues: { borrowerId: '', reason: '', occurredOn: on, dueOn: addDays(on, DEFAULT_LOAN_DAYS), note: '', approval: approvalDefaults('leader', on) },
    validate: {
      borrowerId: chosen(t, t('lend.borrower')),
      reason: required(t, t('lend.reason')),
      occurredOn: validDate(t, t('lend.occurredOn')),
      dueOn: validDate(t, t('lend.dueOn')),
      approval: approvalRules(t),
    },
  });
  useApprovalDateFollows(form);
  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.carriers.lend({
        carrierId: carrier.id,
        borrowerId: v.borrowerId,
        reason: v.reason.trim(),
        occurredOn: v.occurredOn,
        dueOn: v.dueOn,
        note: v.note,
        approval: toApproval(v.approval, people),
      }),
    );
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('lend.submit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <PersonSelect label={t('lend.borrower')} withAsterisk autoFocus {...form.getInputProps('borrowerId')} />
        <TextInput label={t('lend.reason')} withAsterisk maxLength={200} {...form.getInputProps('reason')} />
      </Group>
      <Group grow align="flex-start">
        <DateField label={t('lend.occurredOn')} withAsterisk {...form.getInputProps('occurredOn')} />
        <DateField
          label={t('lend.dueOn')}
          withAsterisk
          description={t('lend.dueHint', { days: settings?.maxLoanDays ?? 30 })}
          {...form.getInputProps('dueOn')}
        />
        <TextInput label={t('form.note')} maxLength={200} {...form.getInputProps('note')} />
      </Group>
      <ApprovalFields form={form} />
    </ActionFormFrame>
  );
}

/** 传阅: read in the office, back the same day by default. */
export function CirculateForm({ carrier, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const { settings } = useDirectory();
  const { run, error, busy } = useMutation();
  const on = today();
  const form = useForm({
    initialValues: { readerId: '', occurredOn: on, dueOn: on, note: '' },
    validate: {
      readerId: chosen(t, t('circulate.reader')),
      occurredOn: validDate(t, t('circulate.occurredOn')),
      dueOn: validDate(t, t('circulate.dueOn')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() => window.api.carriers.circulate({ carrierId: carrier.id, ...v }));
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('circulate.submit')} onCancel={onCancel}>
      <PersonSelect label={t('circulate.reader')} withAsterisk autoFocus {...form.getInputProps('readerId')} />
      <DateAndNote form={form} dateLabel={t('circulate.occurredOn')}>
        <DateField
          label={t('circulate.dueOn')}
          withAsterisk
          description={t('circulate.dueHint', { days: settings?.maxCirculationDays ?? 30 })}
          {...form.getInputProps('dueOn')}
        />
      </DateAndNote>
    </ActionFormFrame>
  );
}

type CheckInKind = 'returnLoan' | 'returnCirculation' | 'bringBack';

/** 归还 / 传阅归还 / 带回: checked on arrival (pages and contents intact) by a named person. */
export function CarrierCheckInForm({ carrier, kind, onDone, onCancel }: ActionFormProps & { kind: CheckInKind }) {
  const { t } = useTranslation();
  const labels = {
    date: t(`checkIn.${kind}`),
    intact: t('checkIn.intact'),
    damage: t('checkIn.damage'),
    describe: t('checkIn.describeDamage'),
    submit: t(`actions.${kind}`),
  };
  const record = (v: CheckIn) => {
    const input = { carrierId: carrier.id, ...v };
    const api = window.api.carriers;
    return kind === 'returnLoan' ? api.returnLoan(input) : kind === 'returnCirculation' ? api.returnCirculation(input) : api.bringBack(input);
  };
  return <CheckInForm labels={labels} record={record} onDone={onDone} onCancel={onCancel} />;
}
