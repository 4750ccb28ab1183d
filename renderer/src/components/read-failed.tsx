import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A read that failed, said in place of what it would have shown, with a way to try again. */
export function ReadFailed({ error, onRetry, testId }: { error: string; onRetry: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('readFailed.title')} data-testid={testId}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error}</Text>
        <Button size="xs" variant="light" onClick={onRetry}>
          {t('readFailed.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
