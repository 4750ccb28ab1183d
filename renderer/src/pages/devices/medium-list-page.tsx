import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MediumRow } from '../../../../src/ledger/devices/device-queries';
import { notifySuccess } from '../../lib/notify';
import { useNavigation } from '../../shell/navigation';
import { LevelText, MediumStateBadge } from './device-badges';
import { DeviceListFrame } from './device-list-frame';
import { MediumRegisterForm } from './medium-register-form';
import { useMedia } from './use-device-lists';

const COLUMNS = ['number', 'kind', 'level', 'responsible', 'state', 'bound', 'purpose'] as const;

/** 移动存储介质台账: every medium, where it is, and the computers it may touch. */
export function MediumListPage() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const { media } = useMedia();
  const open = (m: { id: string }) => navigate({ page: 'medium', id: m.id });

  return (
    <DeviceListFrame<MediumRow>
      ns="media"
      testId="medium"
      rows={media}
      columns={COLUMNS}
      open={open}
      modalSize={900}
      cells={(m) => (
        <>
          <Table.Td>{t(`devices.mediumKind.${m.kind}`)}</Table.Td>
          <Table.Td>
            <LevelText level={m.level} fz="sm" />
          </Table.Td>
          <Table.Td>
            {m.responsibleName ?? '—'}
            {m.holderName && m.holderName !== m.responsibleName ? t('media.heldBy', { name: m.holderName }) : ''}
          </Table.Td>
          <Table.Td>
            <MediumStateBadge state={m.state} overdue={m.overdue} />
          </Table.Td>
          <Table.Td ff={m.boundComputers.length ? 'monospace' : undefined}>{m.boundComputers.map((c) => c.number).join('、') || '—'}</Table.Td>
          <Table.Td>
            <Group gap={4} wrap="nowrap">
              {m.isBackup && (
                <Badge size="sm" color="indigo" variant="filled" data-testid="backup-badge">
                  {t('media.backup')}
                </Badge>
              )}
              <Text fz="sm">{m.isBackup ? '' : m.purpose || '—'}</Text>
            </Group>
          </Table.Td>
        </>
      )}
      registerForm={(close) => (
        <MediumRegisterForm
          onCancel={close}
          onDone={(m) => {
            close();
            notifySuccess(t('media.register.done', { number: m.number }));
            open(m);
          }}
        />
      )}
    />
  );
}
