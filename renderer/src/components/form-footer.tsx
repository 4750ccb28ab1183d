import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReportPending } from './action-modal';
import { FormError } from './form-error';

interface FormFooterProps {
  error: string | null;
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
}

/**
 * The end of a recording form: main's refusal right above the buttons, so the officer reads
 * it where they will submit again. A fragment, so it sits in the form's own Stack.
 * While the call is pending the form cannot be left (nor its dialog closed): a refusal
 * arriving then would have nowhere to be shown.
 */
export function FormFooter({ error, busy, submitLabel, onCancel }: FormFooterProps) {
  const { t } = useTranslation();
  useReportPending(busy);
  return (
    <>
      <FormError error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
