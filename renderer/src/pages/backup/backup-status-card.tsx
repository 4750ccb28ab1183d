import { Alert, Badge, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../src/backup/backup-service';
import { formatDateTime } from '../../lib/format';

/**
 * 备份状态: when the ledger was last backed up and last test-restored. Staleness is
 * main's judgement (no backup verified sound within the unit's maximum age); the red
 * warning says how many days that maximum is, from the unit's settings.
 */
export function BackupStatusCard({ status, maxAgeDays }: { status: BackupStatus | null; maxAgeDays: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!status) {
    return (
      <Card withBorder>
        <Loader size="sm" aria-label={t('app.loading')} />
      </Card>
    );
  }
  const age =
    status.ageDays === null ? t('backup.status.none') : status.ageDays === 0 ? t('backup.status.ageToday') : t('backup.status.ageDays', { count: status.ageDays });
  const verified =
    status.lastVerifiedOk === null ? null : (
      <Badge color={status.lastVerifiedOk ? 'green' : 'red'} variant="light" ml="xs" data-testid="status-verified-badge">
        {status.lastVerifiedOk ? t('backup.status.ok') : t('backup.status.failed')}
      </Badge>
    );
  return (
    <Card withBorder data-testid="backup-status">
      <Stack gap="xs">
        <Title order={4}>{t('backup.status.title')}</Title>
        {status.stale ? (
          <Alert color="red" variant="filled" data-testid="backup-stale">
            {status.ageDays === null ? t('backup.status.staleNever', { days: maxAgeDays }) : t('backup.status.stale', { days: maxAgeDays })}
          </Alert>
        ) : (
          <Text size="sm" c="teal.8" data-testid="backup-fresh">
            {t('backup.status.fresh', { days: maxAgeDays })}
          </Text>
        )}
        <Table variant="vertical" fz="sm" layout="fixed" withTableBorder>
          <Table.Tbody>
            <Row label={t('backup.status.lastBackup')} testId="status-last-backup">
              {formatDateTime(status.lastBackupAt, lang)}
            </Row>
            <Row label={t('backup.status.lastVerified')} testId="status-last-verified">
              {formatDateTime(status.lastVerifiedAt, lang)}
              {verified}
            </Row>
            <Row label={t('backup.status.medium')} testId="status-medium">
              <Text span ff="monospace" fz="sm">
                {status.mediumNumber ?? '—'}
              </Text>
            </Row>
            <Row label={t('backup.status.age')} testId="status-age">
              <Text span fz="sm" c={status.stale ? 'red.8' : undefined} fw={status.stale ? 700 : undefined}>
                {age}
              </Text>
            </Row>
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Table.Tr>
      <Table.Th w={220}>{label}</Table.Th>
      <Table.Td data-testid={testId}>{children}</Table.Td>
    </Table.Tr>
  );
}
