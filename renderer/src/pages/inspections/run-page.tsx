import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../src/api/contract';
import type { Finding, RunDetail, RunResult } from '../../../../src/ledger/inspections/runs';
import type { TemplateItem } from '../../../../src/ledger/inspections/templates';
import { DetailPending } from '../../components/detail-pending';
import { PageBack } from '../../components/page-back';
import { useDetail } from '../../hooks/use-detail';
import { notifySuccess } from '../../lib/notify';
import { useLedger } from '../../shell/ledger-context';
import type { ResultValue } from './finding-form';
import { FindingsPanel } from './findings-panel';
import { GROUPS } from './groups';
import { RegisterPrintCard } from './register-print';
import { ResultDialog, type ResultDialogTarget } from './result-dialog';
import { RunItem } from './run-item';
import { SignOff, Signatures } from './sign-off';

/**
 * 月度检查 of one month: items by group A-F with the ledger's evidence, a result and note
 * each, 不符合 opening a finding; earlier months' open findings carried over; sign-off by
 * inspector, user and section head, after which the run is read-only and takes 更正 only.
 */
export function RunPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { fail, reloadSummary } = useLedger();
  const read = useCallback(() => window.api.inspections.detail({ id }), [id]);
  const { detail, setDetail, loadError, load } = useDetail(read);
  const [busyItem, setBusyItem] = useState<string | null>(null);
  const [target, setTarget] = useState<ResultDialogTarget | null>(null);

  // The item callbacks stay the same across renders (RunItem is memoised) and read the
  // run as it is when they are called.
  const current = useRef(detail);
  useEffect(() => {
    current.current = detail;
  }, [detail]);

  const applyResult = useCallback(
    (r: RunResult) => setDetail((d) => (d ? { ...d, results: [...d.results.filter((x) => x.itemId !== r.itemId), r] } : d)),
    [setDetail],
  );

  // Results are recorded one by one as the officer goes down the list; a refusal is shown
  // as a notification so the place in the list is kept.
  const record = useCallback(
    async (input: InputOf<'inspections:setResult'>) => {
      setBusyItem(input.itemId);
      try {
        const r = await window.api.inspections.setResult(input);
        if (!r.ok) {
          fail(r.error);
          return;
        }
        void reloadSummary();
        applyResult(r.value);
      } finally {
        setBusyItem(null);
      }
    },
    [fail, reloadSummary, applyResult],
  );

  const choose = useCallback(
    (item: TemplateItem, result: ResultValue) => {
      const d = current.current;
      if (!d) return;
      if (result === 'fail') setTarget({ item, result, correction: false });
      else void record({ runId: d.id, itemId: item.id, result, note: resultOf(d, item.id)?.note ?? '' });
    },
    [record],
  );

  const saveNote = useCallback(
    (item: TemplateItem, note: string) => {
      const d = current.current;
      const now = d ? resultOf(d, item.id) : undefined;
      if (!d || !now) return;
      const f = findingFor(d, item.id);
      if (now.result === 'fail' && !f) return;
      void record({
        runId: d.id,
        itemId: item.id,
        result: now.result,
        note,
        finding: now.result === 'fail' && f ? { text: f.text, owner: f.owner, deadline: f.deadline } : null,
      });
    },
    [record],
  );

  const correct = useCallback((item: TemplateItem) => {
    const d = current.current;
    if (d) setTarget({ item, result: resultOf(d, item.id)?.result ?? 'pass', correction: true });
  }, []);

  if (!detail) return <DetailPending error={loadError} />;

  const signed = detail.state === 'signed';
  const results = new Map(detail.results.map((r) => [r.itemId, r]));
  const findingOf = (itemId: string) => findingFor(detail, itemId);
  const monthStart = `${detail.month}-01`;
  const monthEnd = dayjs(monthStart).endOf('month').format('YYYY-MM-DD');

  const openFinding = target ? (findingOf(target.item.id) ?? null) : null;

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <PageBack />
          <Group gap="md">
            <Title order={2} data-testid="run-title">
              {t('inspection.runTitle', { month: detail.month })}
            </Title>
            <Badge color={signed ? 'teal' : 'orange'} variant="light" size="lg" data-testid="run-state">
              {t(`inspection.state.${detail.state}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('inspection.templateOf', { name: detail.template.name, version: detail.template.version, count: detail.template.items.length })}
          </Text>
        </Stack>
      </Group>

      {detail.signatures && <Signatures signatures={detail.signatures} />}
      {signed && (
        <Text size="sm" c="dimmed">
          {t('inspection.signedHint')}
        </Text>
      )}

      <FindingsPanel
        title={t('finding.carriedOver', { count: detail.carriedOver.length })}
        findings={detail.carriedOver}
        testId="carried-over"
        empty={t('finding.noneCarried')}
        onClosed={() => void load()}
      />

      {GROUPS.map((g) => {
        const items = detail.template.items.filter((i) => i.group === g);
        if (items.length === 0) return null;
        return (
          <Card withBorder key={g} data-testid={`group-${g}`}>
            <Title order={4} mb="xs">
              {t(`inspection.groups.${g}`)}
            </Title>
            <Stack gap="xs">
              {items.map((item) => (
                <RunItem
                  key={item.id}
                  item={item}
                  evidence={item.evidence ? detail.evidence[item.evidence] : undefined}
                  result={results.get(item.id)}
                  finding={findingOf(item.id)}
                  signed={signed}
                  busy={busyItem === item.id}
                  onChoose={choose}
                  onNote={saveNote}
                  onCorrect={correct}
                />
              ))}
            </Stack>
          </Card>
        );
      })}

      <FindingsPanel
        title={t('finding.thisMonth', { count: detail.findings.length })}
        findings={detail.findings}
        testId="run-findings"
        empty={t('finding.noneThisMonth')}
        onClosed={() => void load()}
      />

      {!signed && (
        <SignOff
          run={detail}
          onSigned={(d) => {
            setDetail(d);
            notifySuccess(t('signoff.done', { month: d.month }));
            window.scrollTo(0, 0);
          }}
        />
      )}

      <RegisterPrintCard
        key={detail.state}
        title={t('inspection.printTitle')}
        hint={signed ? t('inspection.printFilled') : t('inspection.printBlankHint')}
        request={{ registerId: 'inspection', from: monthStart, to: monthEnd, levels: [], blank: !signed, subjectId: detail.id }}
        printLabel={signed ? t('inspection.printFilledButton') : t('inspection.printBlankButton')}
        testId="run-print"
      />

      <ResultDialog
        runId={detail.id}
        month={detail.month}
        target={target}
        current={target ? results.get(target.item.id) : undefined}
        finding={openFinding}
        onClose={() => setTarget(null)}
        onDone={(r) => {
          setTarget(null);
          applyResult(r);
          notifySuccess(t(target?.correction ? 'inspection.corrected' : 'finding.recorded', { id: r.itemId }));
          void load();
        }}
      />
    </Stack>
  );
}

const resultOf = (d: RunDetail, itemId: string): RunResult | undefined => d.results.find((r) => r.itemId === itemId);

/** The item's open finding, else its last closed one. */
const findingFor = (d: RunDetail, itemId: string): Finding | undefined =>
  d.findings.find((f) => f.itemId === itemId && f.state === 'open') ?? d.findings.find((f) => f.itemId === itemId);
