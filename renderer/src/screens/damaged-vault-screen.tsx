import { Alert, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../src/api/types';
import { LanguageSwitch } from '../components/language-switch';

/**
 * A ledger is on disk but cannot be opened as it is (its key slots are missing). Nothing
 * here can be typed or created: the create screen would replace the ledger. The status
 * poll moves on to the unlock screen once the missing file is back.
 */
export function DamagedVaultScreen({ status }: { status: VaultStatus }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={520} maw="100%" data-testid="damaged-vault">
        <Stack>
          <div>
            <Text size="sm" c="dimmed">
              {t('app.title')}
            </Text>
            <Title order={2}>{t('damaged.title')}</Title>
          </div>
          {/* What is missing, as main found it (in Chinese, like the unlock screen's notice). */}
          {status.notice && (
            <Alert color="red" role="alert" data-testid="damaged-notice" style={{ whiteSpace: 'pre-line' }}>
              {status.notice}
            </Alert>
          )}
          <Text>{t('damaged.advice')}</Text>
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
