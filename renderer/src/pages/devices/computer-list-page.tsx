import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComputerRow } from '../../../../src/ledger/devices/device-queries';
import { formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useNavigation } from '../../shell/navigation';
import { ComputerRegisterForm } from './computer-register-form';
import { ComputerStateBadge, LevelText } from './device-badges';
import { DeviceListFrame } from './device-list-frame';
import { useComputers } from './use-device-lists';

const COLUMNS = ['number', 'level', 'kind', 'model', 'people', 'location', 'state', 'passwordDue', 'usage'] as const;

/** 涉密计算机台账: every designated computer, with what needs attention (口令, 使用登记). */
export function ComputerListPage() {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const { computers } = useComputers();
  const open = (c: { id: string }) => navigate({ page: 'computer', id: c.id });

  return (
    <DeviceListFrame<ComputerRow>
      ns="computers"
      testId="computer"
      rows={computers}
      columns={COLUMNS}
      open={open}
      modalSize={1100}
      cells={(c) => (
        <>
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
        </>
      )}
      registerForm={(close) => (
        <ComputerRegisterForm
          onCancel={close}
          onDone={(c) => {
            close();
            notifySuccess(t('computers.register.done', { number: c.number }));
            open(c);
          }}
        />
      )}
    />
  );
}
