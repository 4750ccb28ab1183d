import { Badge, Button, Grid, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../src/ledger/inspections/evidence';
import type { Finding, RunResult } from '../../../../src/ledger/inspections/runs';
import type { TemplateItem } from '../../../../src/ledger/inspections/templates';
import { EvidenceView } from './evidence-view';
import { RESULTS, type ResultValue } from './finding-form';

export const RESULT_COLORS: Record<ResultValue, string> = { pass: 'teal', fail: 'red', na: 'gray' };

interface RunItemProps {
  item: TemplateItem;
  evidence: Evidence | undefined;
  result: RunResult | undefined;
  finding: Finding | undefined;
  signed: boolean;
  busy: boolean;
  /** 符合 / 不适用 are recorded at once; 不符合 asks for the finding first. */
  onChoose: (item: TemplateItem, result: ResultValue) => void;
  onNote: (item: TemplateItem, note: string) => void;
  onCorrect: (item: TemplateItem) => void;
}

/**
 * One checklist item: its text and points, the ledger's evidence, the result and note.
 * Memoised: a run has dozens of items, and recording one must not re-render (and re-measure
 * the segmented controls of) all the others.
 */
export const RunItem = memo(function RunItem({ item, evidence, result, finding, signed, busy, onChoose, onNote, onCorrect }: RunItemProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState(result?.note ?? '');
  useEffect(() => setNote(result?.note ?? ''), [result?.note]);
  // The note on its way to main. Enter saves, and the blur that follows (Tab) came before
  // main answered, so the same note was recorded twice: two result_recorded events.
  const sending = useRef<string | null>(null);
  useEffect(() => {
    // Answered (stored or refused): a refused note may be sent again.
    if (!busy) sending.current = null;
  }, [busy]);

  const saveNote = () => {
    const text = note.trim();
    if (!result || busy || sending.current !== null || text === result.note) return;
    sending.current = text;
    onNote(item, text);
  };

  return (
    <Paper withBorder p="sm" data-testid={`item-${item.id}`} data-result={result?.result ?? ''}>
      <Grid gap="sm" align="flex-start">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap={6}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge variant="outline" color="gray" ff="monospace" style={{ flexShrink: 0 }}>
                {item.id}
              </Badge>
              <Text size="sm" fw={500}>
                {item.text}
              </Text>
              {item.points > 0 && (
                <Badge variant="light" color="indigo" style={{ flexShrink: 0 }}>
                  {t('checklist.pointsValue', { count: item.points })}
                </Badge>
              )}
            </Group>
            {evidence && <EvidenceView evidence={evidence} />}
            {finding && (
              <Text size="sm" c={finding.state === 'open' ? 'red.8' : 'dimmed'} data-testid="item-finding">
                {t('finding.line', { text: finding.text, owner: finding.owner.name, deadline: finding.deadline })}
                {finding.state === 'closed' && ` ${t('finding.closedShort')}`}
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {signed ? (
            <Group gap="xs" justify="flex-end" wrap="nowrap">
              {result && (
                <Badge color={RESULT_COLORS[result.result]} variant="light" data-testid="item-result">
                  {t(`inspection.results.${result.result}`)}
                </Badge>
              )}
              <Text size="sm" c="dimmed" style={{ flex: 1 }} ta="right">
                {result?.note || ''}
              </Text>
              <Button size="compact-xs" variant="subtle" color="orange" onClick={() => onCorrect(item)}>
                {t('inspection.correct')}
              </Button>
            </Group>
          ) : (
            <Stack gap={6}>
              <SegmentedControl
                fullWidth
                size="xs"
                disabled={busy}
                aria-label={t('inspection.resultFor', { id: item.id })}
                value={result?.result ?? ''}
                color={result ? RESULT_COLORS[result.result] : undefined}
                data={RESULTS.map((r) => ({ value: r, label: t(`inspection.results.${r}`) }))}
                onChange={(v) => onChoose(item, v as ResultValue)}
              />
              <TextInput
                size="xs"
                aria-label={t('inspection.noteFor', { id: item.id })}
                placeholder={result ? t('inspection.notePlaceholder') : t('inspection.noteAfterResult')}
                disabled={!result}
                maxLength={500}
                value={note}
                onChange={(e) => {
                  setNote(e.currentTarget.value);
                  // A call the page never made (nothing to record) must not block the next save.
                  if (!busy) sending.current = null;
                }}
                onBlur={saveNote}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') saveNote();
                }}
              />
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Paper>
  );
});
