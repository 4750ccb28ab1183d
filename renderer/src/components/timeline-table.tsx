import { Stack, Table, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../src/ledger/carriers/carrier-queries';
import { formatDateTime } from '../lib/format';

interface TimelineTableProps {
  timeline: TimelineEntry[];
  testId: string;
  /** The event column: each kind of record names its events in its own vocabulary. */
  event: (e: TimelineEntry) => ReactNode;
  facts: (e: TimelineEntry) => string[];
  factStyle?: CSSProperties;
  rowBg?: (e: TimelineEntry) => string | undefined;
  /** A last, narrow column (a carrier's 更正 button); without it the table has none. */
  trailing?: (e: TimelineEntry) => ReactNode;
}

/**
 * 记录: every event oldest first, the same columns for carriers and devices, so the officer
 * reads any record the same way; each `event-<id>` row is a target for links between entries.
 */
export function TimelineTable({ timeline, testId, event, facts, factStyle, rowBg, trailing }: TimelineTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped fz="sm" aria-label={t('detail.timeline')} data-testid={testId} verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>{t('detail.col.id')}</Table.Th>
          <Table.Th w={110}>{t('detail.col.date')}</Table.Th>
          <Table.Th w={130}>{t('detail.col.event')}</Table.Th>
          <Table.Th>{t('detail.col.facts')}</Table.Th>
          <Table.Th w={150}>{t('detail.col.recorded')}</Table.Th>
          {trailing && <Table.Th w={80} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {timeline.map((e) => (
          <Table.Tr key={e.id} id={`event-${e.id}`} data-event-type={e.type} bg={rowBg?.(e)}>
            <Table.Td ff="monospace">#{e.id}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.occurredOn}</Table.Td>
            <Table.Td>{event(e)}</Table.Td>
            <Table.Td>
              <Stack gap={0}>
                {facts(e).map((f, i) => (
                  <Text key={i} fz="sm" style={factStyle}>
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
            {trailing && <Table.Td>{trailing(e)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
