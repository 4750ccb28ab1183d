import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VolumeView } from '../../../../src/backup/backup-service';
import { BackupTable } from './backup-table';
import { formatBytes } from './backup-text';

interface VolumeCardProps {
  volume: VolumeView;
  onRegister: () => void;
  onBackup: () => void;
  onVerify: (name: string) => void;
  onRestore: (name: string) => void;
  busy: boolean;
}

/**
 * One plugged-in volume: what the platform says of it, and either the registered backup
 * medium it proved to be (with its backups) or main's reason for refusing it, as given.
 */
export function VolumeCard({ volume: v, onRegister, onBackup, onVerify, onRestore, busy }: VolumeCardProps) {
  const { t } = useTranslation();
  const label = v.label || t('backup.volume.noLabel');
  return (
    <Card withBorder data-testid="volume-card" data-fs-uuid={v.fsUuid} aria-label={label} component="section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm">
            <Title order={4}>{label}</Title>
            {v.medium ? (
              <Badge color="teal" variant="filled" tt="none" data-testid="volume-medium">
                {t('backup.volume.medium', { number: v.medium.number })}
              </Badge>
            ) : (
              <Badge color="red" variant="light" data-testid="volume-refused-badge">
                {t('backup.volume.refused')}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            {v.medium ? (
              <Button onClick={onBackup} loading={busy}>
                {t('backup.volume.backupNow')}
              </Button>
            ) : (
              <Button variant="light" onClick={onRegister} disabled={busy}>
                {t('backup.volume.register')}
              </Button>
            )}
          </Group>
        </Group>
        <Table variant="vertical" fz="sm" layout="fixed" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={140}>{t('backup.volume.mountPath')}</Table.Th>
              <Table.Td ff="monospace" data-testid="volume-mount">
                {v.mountPath}
              </Table.Td>
              <Table.Th w={140}>{t('backup.volume.fsUuid')}</Table.Th>
              <Table.Td ff="monospace" data-testid="volume-uuid">
                {v.fsUuid || '—'}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('backup.volume.deviceSerial')}</Table.Th>
              <Table.Td ff="monospace" data-testid="volume-serial">
                {v.deviceSerial || '—'}
              </Table.Td>
              <Table.Th>{t('backup.volume.free')}</Table.Th>
              <Table.Td data-testid="volume-free">{t('backup.volume.freeOf', { free: formatBytes(v.freeBytes), total: formatBytes(v.totalBytes) })}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {v.refusal && (
          <Alert color="red" variant="light" data-testid="volume-refusal">
            {v.refusal}
          </Alert>
        )}
        {v.medium && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('backup.volume.backups')}
            </Text>
            <BackupTable label={label} backups={v.backups} onVerify={onVerify} onRestore={onRestore} disabled={busy} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
