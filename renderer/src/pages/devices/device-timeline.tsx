import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../src/ledger/carriers/carrier-queries';
import { TimelineTable } from '../../components/timeline-table';
import { useDirectory } from '../../shell/directory';
import { deviceFacts } from './device-facts';

interface DeviceTimelineProps {
  entity: 'computer' | 'medium';
  timeline: TimelineEntry[];
}

const refused = (e: TimelineEntry) => e.type === 'use_refused';

/**
 * 记录: every event of the device, oldest first, as the carrier page shows its own (the
 * carrier timeline's labels and facts are the carriers' vocabulary, so devices have theirs).
 */
export function DeviceTimeline({ entity, timeline }: DeviceTimelineProps) {
  const { t, i18n } = useTranslation();
  const { people } = useDirectory();
  const nameOfId = (id: string) => people.find((p) => p.id === id)?.name ?? null;
  return (
    <TimelineTable
      timeline={timeline}
      testId="device-timeline"
      // An R-36 refusal is a finding, kept in the record and shown in red.
      rowBg={(e) => (refused(e) ? 'red.0' : undefined)}
      event={(e) => (
        <Text fw={600} fz="sm" c={refused(e) ? 'red.8' : undefined}>
          {t(`devices.event.${entity}.${e.type}`, { defaultValue: e.label })}
        </Text>
      )}
      facts={(e) => deviceFacts(t, i18n.language, e.payload, nameOfId)}
      // Device facts can hold long unbroken values (a sha256, disk serials) that must not widen the table.
      factStyle={{ overflowWrap: 'anywhere' }}
    />
  );
}
