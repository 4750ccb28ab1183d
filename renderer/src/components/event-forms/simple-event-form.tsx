import { Group, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../hooks/use-mutation';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { validDate } from '../../lib/form-rules';
import { DateField } from '../fields/date-field';
import { ActionFormFrame, type SharedFormProps } from './event-form-frame';

export interface SimpleEvent {
  occurredOn: string;
  note: string;
}

/**
 * A dated entry with an optional note, for carriers (列入清退, 归档, 申请销毁) and devices
 * alike (停用, 申请报废, 送修, 申请销毁, 找回). `intro` names the item and what is recorded.
 */
export function SimpleEventForm({ intro, submitLabel, record, onDone, onCancel }: SharedFormProps<SimpleEvent> & { intro: string; submitLabel: string }) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const form = useForm({
    initialValues: { occurredOn: today(), note: '' },
    validate: { occurredOn: validDate(t, t('form.date')) },
  });
  const submit = form.onSubmit(async (v) => {
    if (await run(() => record(v))) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={submitLabel} onCancel={onCancel}>
      <Text size="sm">{intro}</Text>
      <Group grow align="flex-start">
        <DateField label={t('form.date')} withAsterisk autoFocus {...form.getInputProps('occurredOn')} />
        <TextInput label={t('form.note')} maxLength={200} {...form.getInputProps('note')} />
      </Group>
    </ActionFormFrame>
  );
}
