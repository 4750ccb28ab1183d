import { Alert, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupVerification } from '../../../../src/backup/backup-verify';

/** Every check of a test restore, green or red, with main's detail as it was given. */
export function CheckList({ report }: { report: Pick<BackupVerification, 'ok' | 'checks'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert color={report.ok ? 'green' : 'red'} variant="light" data-testid="verify-outcome" data-ok={report.ok}>
        {report.ok ? t('backup.verify.ok') : t('backup.verify.failed')}
      </Alert>
      <Table withTableBorder fz="sm" aria-label={t('backup.verify.checksLabel')} data-testid="verify-checks">
        <Table.Tbody>
          {report.checks.map((c, i) => (
            <Table.Tr key={`${c.name}-${i}`} data-ok={c.ok}>
              <Table.Td w={28}>
                <Text span c={c.ok ? 'green.8' : 'red.8'} fw={700} aria-label={c.ok ? t('backup.verified.ok') : t('backup.verified.failed')}>
                  {c.ok ? '✓' : '✗'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text span fz="sm" c={c.ok ? 'green.9' : 'red.8'} fw={600}>
                  {c.name}
                </Text>
              </Table.Td>
              <Table.Td c="dimmed">{c.detail}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
