import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupListing } from '../../../../src/backup/backup-service';
import { formatDateTime } from '../../lib/format';
import { formatBytes } from './backup-text';

interface BackupTableProps {
  label: string;
  backups: BackupListing[];
  onVerify: (name: string) => void;
  onRestore: (name: string) => void;
  /** While a backup runs nothing else may touch the medium. */
  disabled: boolean;
}

/** The backups on one registered medium, newest first, each with 试恢复 and 恢复. */
export function BackupTable({ label, backups, onVerify, onRestore, disabled }: BackupTableProps) {
  const { t, i18n } = useTranslation();
  if (backups.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="no-backups">
        {t('backup.volume.noBackups')}
      </Text>
    );
  }
  return (
    <Table striped withTableBorder fz="sm" aria-label={t('backup.volume.tableLabel', { label })} data-testid="backup-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('backup.col.name')}</Table.Th>
          <Table.Th>{t('backup.col.createdAt')}</Table.Th>
          <Table.Th>{t('backup.col.size')}</Table.Th>
          <Table.Th>{t('backup.col.chainSeq')}</Table.Th>
          <Table.Th>{t('backup.col.verified')}</Table.Th>
          <Table.Th>{t('backup.col.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.name} data-name={b.name}>
            <Table.Td ff="monospace">{b.name}</Table.Td>
            <Table.Td>{formatDateTime(b.createdAt, i18n.language)}</Table.Td>
            <Table.Td>{formatBytes(b.bytes)}</Table.Td>
            <Table.Td ff="monospace">#{b.chainSeq}</Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Badge
                  size="sm"
                  variant="light"
                  color={b.verifiedOk === null ? 'gray' : b.verifiedOk ? 'green' : 'red'}
                  data-testid="verified-badge"
                >
                  {b.verifiedOk === null ? t('backup.verified.never') : b.verifiedOk ? t('backup.verified.ok') : t('backup.verified.failed')}
                </Badge>
                {b.verifiedAt && (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(b.verifiedAt, i18n.language)}
                  </Text>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Button size="compact-sm" variant="light" disabled={disabled} onClick={() => onVerify(b.name)}>
                  {t('backup.verify.action')}
                </Button>
                <Button size="compact-sm" variant="light" color="orange" disabled={disabled} onClick={() => onRestore(b.name)}>
                  {t('backup.restore.action')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
