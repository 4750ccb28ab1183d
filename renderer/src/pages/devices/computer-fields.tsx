import { Anchor, Badge, Group, SimpleGrid, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComputerDetail } from '../../../../src/ledger/devices/device-queries';
import { useNavigation } from '../../shell/navigation';
import { FLAG_KEYS } from './computer-form-model';
import { LevelText } from './device-badges';

type Row = [string, ReactNode];

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** Two-column label/value tables, as the carrier page shows its record. */
export function FieldTables({ left, right, labelOf }: { left: Row[]; right: Row[]; labelOf: (key: string) => string }) {
  const table = (rows: Row[], testId: string) => (
    <Table variant="vertical" layout="fixed" fz="sm" withTableBorder data-testid={testId}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={130}>{labelOf(k)}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {table(left, 'device-fields-left')}
      {table(right, 'device-fields-right')}
    </SimpleGrid>
  );
}

/** Every field of DOMAIN 2.2, and the media bound to the computer. */
export function ComputerFields({ detail }: { detail: ComputerDetail }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const c = detail.computer;
  const flags = FLAG_KEYS.filter((k) => c.flags[k]);
  const left: Row[] = [
    ['number', <Text key="n" ff="monospace" fz="sm">{c.number}</Text>],
    ['assetNo', dash(c.assetNo)],
    ['level', <LevelText key="l" level={c.level} fz="sm" />],
    ['kind', t(`devices.computerKind.${c.kind}`)],
    ['model', dash(c.model)],
    ['serial', dash(c.serial)],
    ['disks', c.disks.length ? c.disks.map((d) => (d.capacity ? `${d.serial}（${d.capacity}）` : d.serial)).join('、') : '—'],
    ['mac', dash(c.mac)],
    ['os', c.os ? `${c.os}${c.osInstalledOn ? t('computers.installedOn', { date: c.osInstalledOn }) : ''}` : '—'],
    ['authMethod', dash(c.authMethod)],
    ['peripherals', dash(c.peripherals)],
  ];
  const right: Row[] = [
    ['responsible', dash(c.responsibleName)],
    ['user', dash(c.userName)],
    ['department', dash(c.department)],
    ['location', dash(c.location)],
    ['purpose', dash(c.purpose)],
    ['enabledOn', dash(c.enabledOn)],
    ['checkedOn', dash(c.checkedOn)],
    ['labelApplied', c.labelApplied ? t('devices.yes') : t('devices.no')],
    [
      'flags',
      flags.length ? (
        <Group key="f" gap={4}>
          {flags.map((k) => (
            <Badge key={k} size="sm" variant="light" color="teal">
              {t(`devices.flag.${k}`)}
            </Badge>
          ))}
        </Group>
      ) : (
        '—'
      ),
    ],
    [
      'password',
      <Text key="p" fz="sm" c={c.passwordOverdue ? 'red.8' : undefined} fw={c.passwordOverdue ? 700 : undefined} data-testid="password-status">
        {c.passwordChangedOn
          ? t('computers.passwordChangedDue', { on: c.passwordChangedOn, due: c.passwordDueOn ?? '—' })
          : c.passwordOverdue
            ? t('computers.passwordNever')
            : '—'}
        {c.passwordOverdue && c.passwordChangedOn ? t('computers.passwordOverdue') : ''}
      </Text>,
    ],
    [
      'boundMedia',
      detail.boundMedia.length ? (
        <Group key="b" gap="xs" data-testid="bound-media">
          {detail.boundMedia.map((m) => (
            <Anchor key={m.id} component="button" fz="sm" onClick={() => navigate({ page: 'medium', id: m.id })}>
              {m.number}（{t(`level.${m.level}`, { defaultValue: m.level })}）
            </Anchor>
          ))}
        </Group>
      ) : (
        '—'
      ),
    ],
    ['note', dash(c.note)],
  ];
  return <FieldTables left={left} right={right} labelOf={(k) => t(`computers.field.${k}`)} />;
}
