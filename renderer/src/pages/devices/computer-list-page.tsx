import { Button, Group, Loader, Modal, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComputerRow } from '../../../../src/ledger/devices/device-queries';
import { formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useNavigation } from '../../shell/navigation';
import { ComputerRegisterForm } from './computer-register-form';
import { ComputerStateBadge, LevelText } from './device-badges';
import { useComputers } from './use-device-lists';

const COLUMNS = ['number', 'level', 'kind', 'model', 'people', 'location', 'state', 'passwordDue', 'usage'] as const;

/** 涉密计算机台账: every designated computer, with what needs attention (口令, 使用登记). */
export function ComputerListPage() {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const { computers } = useComputers();
  const [registering, setRegistering] = useState(false);

  const open = (c: ComputerRow) => navigate({ page: 'computer', id: c.id });
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, c: ComputerRow) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) open(c);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('computers.title')}</Title>
          {computers === null ? (
            <Loader size="xs" aria-label={t('app.loading')} />
          ) : (
            <Text c="dimmed" data-testid="computer-total">
              {t('computers.total', { count: computers.length })}
            </Text>
          )}
        </Group>
        <Button onClick={() => setRegistering(true)}>{t('computers.register.title')}</Button>
      </Group>

      {computers?.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {t('computers.empty')}
        </Text>
      ) : (
        <Table striped highlightOnHover withTableBorder fz="sm" aria-label={t('computers.tableLabel')} data-testid="computer-table">
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((c) => (
                <Table.Th key={c}>{t(`computers.col.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(computers ?? []).map((c) => (
              <Table.Tr key={c.id} tabIndex={0} data-number={c.number} style={{ cursor: 'pointer' }} onClick={() => open(c)} onKeyDown={(e) => onKey(e, c)}>
                <Table.Td>
                  <UnstyledButton
                    ff="monospace"
                    fw={600}
                    fz="sm"
                    onClick={(e) => {
                      // The row opens it too: one navigation, not two.
                      e.stopPropagation();
                      open(c);
                    }}
                  >
                    {c.number}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  <LevelText level={c.level} fz="sm" />
                </Table.Td>
                <Table.Td>{t(`devices.computerKind.${c.kind}`)}</Table.Td>
                <Table.Td>{c.model || '—'}</Table.Td>
                <Table.Td>{[c.responsibleName, c.userName].filter(Boolean).join(' / ') || '—'}</Table.Td>
                <Table.Td>{c.location || '—'}</Table.Td>
                <Table.Td>
                  <ComputerStateBadge state={c.state} />
                </Table.Td>
                <Table.Td c={c.passwordOverdue ? 'red.8' : undefined} fw={c.passwordOverdue ? 700 : undefined} data-overdue={c.passwordOverdue || undefined} data-testid="password-due">
                  {c.passwordDueOn ?? (c.passwordOverdue ? t('computers.passwordNever') : '—')}
                </Table.Td>
                <Table.Td data-testid="open-usage">
                  {c.openUsage ? t('computers.inUseBy', { name: c.openUsage.userName, since: formatDateTime(c.openUsage.startedAt, i18n.language) }) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Modal
        opened={registering}
        onClose={() => setRegistering(false)}
        size={1100}
        title={t('computers.register.title')}
        closeOnClickOutside={false}
      >
        <ComputerRegisterForm
          onCancel={() => setRegistering(false)}
          onDone={(c) => {
            setRegistering(false);
            notifySuccess(t('computers.register.done', { number: c.number }));
            navigate({ page: 'computer', id: c.id });
          }}
        />
      </Modal>
    </Stack>
  );
}
