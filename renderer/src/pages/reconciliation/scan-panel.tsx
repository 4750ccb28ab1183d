import { Alert, Badge, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanOutcome, ScanResult } from '../../../../src/ledger/inspections/reconciliation';
import { useLedger } from '../../shell/ledger-context';

export const SCAN_COLORS: Record<ScanResult, string> = { sighted: 'green', duplicate: 'orange', unexpected: 'orange', unknown: 'orange' };
const LOG_SIZE = 30;

interface ScanPanelProps {
  sessionId: string;
  sighted: number;
  expected: number;
  /** Each outcome, after main recorded it (the page keeps its counts). */
  onOutcome?: (o: ScanOutcome) => void;
}

/**
 * The scan field. A barcode scanner types the code and presses Enter; the field is
 * cleared at once and never disabled (a scanner does not wait: the next code may already
 * be arriving), scans go to main one after another in the order read, and focus comes back
 * to the field after each one and whenever it was lost to nothing (a click on blank page).
 */
export function ScanPanel({ sessionId, sighted: initialSighted, expected: initialExpected, onOutcome }: ScanPanelProps) {
  const { t } = useTranslation();
  const { fail, reloadSummary } = useLedger();
  const field = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [code, setCode] = useState('');
  const seq = useRef(0);
  const [log, setLog] = useState<{ seq: number; o: ScanOutcome }[]>([]);
  const [counts, setCounts] = useState({ sighted: initialSighted, expected: initialExpected });
  const [pending, setPending] = useState(0);

  const focus = useCallback(() => field.current?.focus(), []);
  useEffect(focus, [focus]);

  const scan = (value: string) => {
    setPending((n) => n + 1);
    queue.current = queue.current.then(async () => {
      try {
        const r = await window.api.recon.scan({ sessionId, code: value });
        if (!r.ok) {
          fail(r.error);
          return;
        }
        const o = r.value;
        seq.current += 1;
        const entry = { seq: seq.current, o };
        setLog((l) => [entry, ...l].slice(0, LOG_SIZE));
        setCounts({ sighted: o.sighted, expected: o.expected });
        onOutcome?.(o);
        void reloadSummary();
      } finally {
        setPending((n) => n - 1);
        focus();
      }
    });
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = code.trim();
    setCode('');
    if (value) scan(value);
  };

  const last = log[0]?.o;
  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate aria-label={t('recon.scanForm')}>
        <Group align="flex-end">
          <TextInput
            ref={field}
            label={t('recon.scanField')}
            description={t('recon.scanHint')}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={80}
            w={360}
            ff="monospace"
            size="md"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            onBlur={(e) => {
              // Only when focus went nowhere: Tab to a button or a dialog opening keep theirs.
              if (!e.relatedTarget) setTimeout(focus, 0);
            }}
          />
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('recon.countsLabel')}
            </Text>
            <Text fz={28} fw={700} data-testid="scan-counts">
              {t('recon.counts', { sighted: counts.sighted, expected: counts.expected })}
            </Text>
          </Stack>
          {pending > 0 && (
            <Text size="sm" c="dimmed">
              {t('recon.pending', { count: pending })}
            </Text>
          )}
        </Group>
      </form>
      {last && (
        <Alert
          color={SCAN_COLORS[last.result]}
          variant={last.result === 'sighted' ? 'light' : 'filled'}
          title={t(`recon.result.${last.result}`)}
          data-testid="scan-result"
          data-result={last.result}
        >
          {last.message}
        </Alert>
      )}
      {log.length > 0 && (
        <Table fz="sm" striped aria-label={t('recon.logLabel')} data-testid="scan-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('recon.code')}</Table.Th>
              <Table.Th w={130}>{t('recon.outcome')}</Table.Th>
              <Table.Th>{t('recon.itemTitle')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.map(({ seq: n, o }) => (
              <Table.Tr key={n}>
                <Table.Td ff="monospace">{o.item?.number ?? o.code}</Table.Td>
                <Table.Td>
                  <Badge color={SCAN_COLORS[o.result]} variant={o.result === 'sighted' ? 'light' : 'filled'}>
                    {t(`recon.result.${o.result}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{o.item?.title ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
