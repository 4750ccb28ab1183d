import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../src/ledger/carriers/carrier-queries';
import { formatDateTime } from '../../lib/format';
import { useDirectory } from '../../shell/directory';
import { deviceFacts } from './device-facts';

interface DeviceTimelineProps {
  entity: 'computer' | 'medium';
  timeline: TimelineEntry[];
}

/**
 * 记录: every event of the device, oldest first, as the carrier page shows its own (the
 * carrier timeline's labels and facts are the carriers' vocabulary, so devices have theirs).
 */
export function DeviceTimeline({ entity, timeline }: DeviceTimelineProps) {
  const { t, i18n } = useTranslation();
  const { people } = useDirectory();
  const nameOfId = (id: string) => people.find((p) => p.id === id)?.name ?? null;
  return (
    <Table striped fz="sm" aria-label={t('detail.timeline')} data-testid="device-timeline" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>{t('detail.col.id')}</Table.Th>
          <Table.Th w={110}>{t('detail.col.date')}</Table.Th>
          <Table.Th w={130}>{t('detail.col.event')}</Table.Th>
          <Table.Th>{t('detail.col.facts')}</Table.Th>
          <Table.Th w={150}>{t('detail.col.recorded')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {timeline.map((e) => (
          <Table.Tr key={e.id} id={`event-${e.id}`} data-event-type={e.type} bg={e.type === 'use_refused' ? 'red.0' : undefined}>
            <Table.Td ff="monospace">#{e.id}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.occurredOn}</Table.Td>
            <Table.Td>
              <Text fw={600} fz="sm" c={e.type === 'use_refused' ? 'red.8' : undefined}>
                {t(`devices.event.${entity}.${e.type}`, { defaultValue: e.label })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={0}>
                {deviceFacts(t, i18n.language, e.payload, nameOfId).map((f, i) => (
                  <Text key={i} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    {f}
                  </Text>
                ))}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text fz="xs">{e.actor}</Text>
              <Text fz="xs" c="dimmed">
                {formatDateTime(e.at, i18n.language)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
