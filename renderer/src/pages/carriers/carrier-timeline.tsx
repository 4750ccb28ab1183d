import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../src/ledger/carriers/carrier-queries';
import { formatDateTime } from '../../lib/format';
import { timelineFacts } from './timeline-facts';

interface CarrierTimelineProps {
  timeline: TimelineEntry[];
  /** Offered when the carrier's state allows a correction. */
  onCorrect: ((entry: TimelineEntry) => void) | null;
}

/** 记录: every event of the item, oldest first; corrections point both ways. */
export function CarrierTimeline({ timeline, onCorrect }: CarrierTimelineProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped fz="sm" aria-label={t('detail.timeline')} data-testid="carrier-timeline" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>{t('detail.col.id')}</Table.Th>
          <Table.Th w={110}>{t('detail.col.date')}</Table.Th>
          <Table.Th w={130}>{t('detail.col.event')}</Table.Th>
          <Table.Th>{t('detail.col.facts')}</Table.Th>
          <Table.Th w={150}>{t('detail.col.recorded')}</Table.Th>
          <Table.Th w={80} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {timeline.map((e) => (
          <Table.Tr key={e.id} id={`event-${e.id}`} data-event-type={e.type}>
            <Table.Td ff="monospace">#{e.id}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.occurredOn}</Table.Td>
            <Table.Td>
              <Stack gap={2} align="flex-start">
                <Text fw={600} fz="sm">
                  {t(`event.${e.type}`, { defaultValue: e.label })}
                </Text>
                {e.corrects !== null && (
                  <Badge size="xs" variant="light" color="orange">
                    {t('detail.corrects', { id: e.corrects })}
                  </Badge>
                )}
                {e.correctedBy.map((id) => (
                  <Badge key={id} size="xs" variant="light" color="orange">
                    {t('detail.correctedBy', { id })}
                  </Badge>
                ))}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Stack gap={0}>
                {timelineFacts(t, e.type, e.payload).map((f, i) => (
                  <Text key={i} fz="sm">
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
            <Table.Td>
              {onCorrect && e.type !== 'corrected' && (
                <Group>
                  <Button size="compact-xs" variant="subtle" onClick={() => onCorrect(e)} aria-label={t('detail.correctEntry', { id: e.id })}>
                    {t('actions.correct')}
                  </Button>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
