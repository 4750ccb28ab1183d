import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../src/ledger/carriers/carrier-queries';
import { TimelineTable } from '../../components/timeline-table';
import { timelineFacts } from './timeline-facts';

interface CarrierTimelineProps {
  timeline: TimelineEntry[];
  /** Offered when the carrier's state allows a correction. */
  onCorrect: ((entry: TimelineEntry) => void) | null;
}

/** 记录: every event of the item, oldest first; corrections point both ways. */
export function CarrierTimeline({ timeline, onCorrect }: CarrierTimelineProps) {
  const { t } = useTranslation();
  return (
    <TimelineTable
      timeline={timeline}
      testId="carrier-timeline"
      event={(e) => (
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
      )}
      facts={(e) => timelineFacts(t, e.type, e.payload)}
      // The column stays when no correction is offered, so the table keeps its shape.
      trailing={(e) =>
        onCorrect &&
        e.type !== 'corrected' && (
          <Group>
            <Button size="compact-xs" variant="subtle" onClick={() => onCorrect(e)} aria-label={t('detail.correctEntry', { id: e.id })}>
              {t('actions.correct')}
            </Button>
          </Group>
        )
      }
    />
  );
}
