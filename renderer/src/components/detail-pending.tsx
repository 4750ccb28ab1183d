import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What a detail page shows until its record is read: a loader, or the refusal instead. */
export function DetailPending({ error }: { error: string | null }) {
  const { t } = useTranslation();
  return <Center py="xl">{error ? <Alert color="red">{error}</Alert> : <Loader aria-label={t('app.loading')} />}</Center>;
}
