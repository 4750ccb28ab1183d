import { Badge, Button, Group, Loader, Modal, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediumRow } from '../../../../src/ledger/devices/device-queries';
import { notifySuccess } from '../../lib/notify';
import { useNavigation } from '../../shell/navigation';
import { LevelText, MediumStateBadge } from './device-badges';
import { MediumRegisterForm } from './medium-register-form';
import { useMedia } from './use-device-lists';

const COLUMNS = ['number', 'kind', 'level', 'responsible', 'state', 'bound', 'purpose'] as const;

/** 移动存储介质台账: every medium, where it is, and the computers it may touch. */
export function MediumListPage() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const { media } = useMedia();
  const [registering, setRegistering] = useState(false);

  const open = (m: MediumRow) => navigate({ page: 'medium', id: m.id });
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, m: MediumRow) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) open(m);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('media.title')}</Title>
          {media === null ? (
            <Loader size="xs" aria-label={t('app.loading')} />
          ) : (
            <Text c="dimmed" data-testid="medium-total">
              {t('media.total', { count: media.length })}
            </Text>
          )}
        </Group>
        <Button onClick={() => setRegistering(true)}>{t('media.register.title')}</Button>
      </Group>

      {media?.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {t('media.empty')}
        </Text>
      ) : (
        <Table striped highlightOnHover withTableBorder fz="sm" aria-label={t('media.tableLabel')} data-testid="medium-table">
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((c) => (
                <Table.Th key={c}>{t(`media.col.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(media ?? []).map((m) => (
              <Table.Tr key={m.id} tabIndex={0} data-number={m.number} style={{ cursor: 'pointer' }} onClick={() => open(m)} onKeyDown={(e) => onKey(e, m)}>
                <Table.Td>
                  <UnstyledButton
                    ff="monospace"
                    fw={600}
                    fz="sm"
                    onClick={(e) => {
                      // The row opens it too: one navigation, not two.
                      e.stopPropagation();
                      open(m);
                    }}
                  >
                    {m.number}
                  </UnstyledButton>
                </Table.Td>
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
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Modal opened={registering} onClose={() => setRegistering(false)} size={900} title={t('media.register.title')} closeOnClickOutside={false}>
        <MediumRegisterForm
          onCancel={() => setRegistering(false)}
          onDone={(m) => {
            setRegistering(false);
            notifySuccess(t('media.register.done', { number: m.number }));
            navigate({ page: 'medium', id: m.id });
          }}
        />
      </Modal>
    </Stack>
  );
}
