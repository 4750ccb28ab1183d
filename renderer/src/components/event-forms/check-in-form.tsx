import { Checkbox, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../../src/ledger/people/people';
import { useMutation } from '../../hooks/use-mutation';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { required, validDate } from '../../lib/form-rules';
import { toPersonRef } from '../../lib/person-ref';
import { useDirectory } from '../../shell/directory';
import { useLedger } from '../../shell/ledger-context';
import { DateField } from '../fields/date-field';
import { PersonNameInput } from '../fields/person-name-input';
import { ActionFormFrame, type SharedFormProps } from './event-form-frame';

export interface CheckIn {
  occurredOn: string;
  intact: boolean;
  checkedBy: PersonRef;
  note: string;
}

/** The words differ: a carrier is checked for pages and contents, a medium for damage. */
interface CheckInLabels {
  date: string;
  intact: string;
  /** The note's label once the item is not intact. */
  damage: string;
  /** The error when the item is not intact and nothing says how. */
  describe: string;
  submit: string;
}

/**
 * 归还 / 带回 of a carrier or a medium: checked on arrival by a named person (the officer by
 * default); an item that is not intact needs a note saying what is wrong.
 */
export function CheckInForm({ labels, record, onDone, onCancel }: SharedFormProps<CheckIn> & { labels: CheckInLabels }) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { summary } = useLedger();
  const { run, error, busy } = useMutation();
  const form = useForm({
    initialValues: { occurredOn: today(), intact: true, checkedBy: summary.officerName, note: '' },
    validate: {
      occurredOn: validDate(t, labels.date),
      checkedBy: required(t, t('checkIn.checkedBy')),
      note: (v, values) => (!values.intact && v.trim() === '' ? labels.describe : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() => record({ occurredOn: v.occurredOn, intact: v.intact, checkedBy: toPersonRef(v.checkedBy, people), note: v.note }));
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={labels.submit} onCancel={onCancel}>
      <Group grow align="flex-start">
        <DateField label={labels.date} withAsterisk autoFocus {...form.getInputProps('occurredOn')} />
        <PersonNameInput label={t('checkIn.checkedBy')} withAsterisk {...form.getInputProps('checkedBy')} />
      </Group>
      <Checkbox label={labels.intact} {...form.getInputProps('intact', { type: 'checkbox' })} />
      <TextInput
        label={form.values.intact ? t('form.note') : labels.damage}
        withAsterisk={!form.values.intact}
        maxLength={200}
        {...form.getInputProps('note')}
      />
    </ActionFormFrame>
  );
}
