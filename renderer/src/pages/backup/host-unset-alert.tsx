import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * R-36 goes unchecked for backup media while 本机 is not named (main then refuses nothing, so
 * that ledgers from before the setting keep working): the officer is told, and shown where.
 */
export function HostUnsetAlert({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('backup.hostUnset.title')} data-testid="backup-host-unset">
      <Text size="sm">{t('backup.hostUnset.body')}</Text>
      <Anchor component="button" type="button" size="sm" mt={4} onClick={onOpenSettings}>
        {t('backup.hostUnset.link')}
      </Anchor>
    </Alert>
  );
}
