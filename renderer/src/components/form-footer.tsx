import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
 */
export function FormFooter({ error, busy, submitLabel, onCancel }: FormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      <FormError error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
