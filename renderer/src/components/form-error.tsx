import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Main's refusal, shown as it came (it names the rule) above the form's buttons. */
export function FormError({ error }: { error: string | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={t('form.refused')} data-testid="form-error">
      {error}
    </Alert>
  );
}
