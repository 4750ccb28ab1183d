import { Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../hooks/use-mutation';
import type { Level } from '../../lib/carrier-enums';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { required, validDate } from '../../lib/form-rules';
import { ActionFormFrame, DateAndNote, type SharedFormProps } from './event-form-frame';

interface LostReport {
  reportedTo: string;
  circumstances: string;
  occurredOn: string;
  note: string;
}

interface LostReportFormProps extends SharedFormProps<LostReport> {
  /** The item's level sets the leak deadline the warning names. */
  level: Level;
  submitLabel: string;
}

/** 报告下落不明 for anything with a level: carriers and media share the timers. */
export function LostReportForm({ level, submitLabel, record, onDone, onCancel }: LostReportFormProps) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const form = useForm<LostReport>({
    initialValues: { reportedTo: '', circumstances: '', occurredOn: today(), note: '' },
    validate: {
      reportedTo: required(t, t('lost.reportedTo')),
      circumstances: required(t, t('lost.circumstances')),
      occurredOn: validDate(t, t('lost.occurredOn')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    if (await run(() => record(v))) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={submitLabel} onCancel={onCancel}>
      <Text size="sm" c="red.8">
        {t('lost.warning', { days: level === 'juemi' ? 10 : 60 })}
      </Text>
      <TextInput label={t('lost.reportedTo')} withAsterisk autoFocus maxLength={100} {...form.getInputProps('reportedTo')} />
      <Textarea label={t('lost.circumstances')} withAsterisk maxLength={500} autosize minRows={2} {...form.getInputProps('circumstances')} />
      <DateAndNote form={form} dateLabel={t('lost.occurredOn')} />
    </ActionFormFrame>
  );
}
