import { Alert, Badge, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsageEntry } from '../../../../src/ledger/devices/usage-commands';
import type { ComputerRow } from '../../../../src/ledger/devices/device-queries';
import { today } from '../../lib/dates';
import { errorText } from '../../lib/errors';
import { useLedger } from '../../shell/ledger-context';
import { ReadFailed } from '../../components/read-failed';

const hhmm = (iso: string | null) => (iso ? dayjs(iso).format('HH:mm') : '');

/** A read that failed, in place of the panel's loader (which would otherwise spin for ever). */

/**
 * the computer's usage book, one per year, as register 9 prints it. `version` moves
 * when a session is recorded on the page, so the book shown is never stale.
 */
export function UsageBook({ computer, version }: { computer: ComputerRow; version: number }) {
  const { t, i18n } = useTranslation();
  const { fail } = useLedger();
  const thisYear = Number(today().slice(0, 4));
  const firstYear = Number((computer.enabledOn ?? today()).slice(0, 4));
  const years = Array.from({ length: Math.max(1, thisYear - firstYear + 1) }, (_, i) => String(thisYear - i));
  const [year, setYear] = useState(String(thisYear));
  const [entries, setEntries] = useState<UsageEntry[] | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setEntries(null);
    setReadError(null);
    void window.api.computers.usageBook({ computerId: computer.id, year: Number(year) }).then((r) => {
      if (!live) return;
      if (r.ok) setEntries(r.value);
      else {
        setReadError(errorText(i18n, r.error));
        fail(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [computer.id, year, version, attempt, i18n, fail]);

  return (
    <Stack gap="xs">
      <Group>
        <Select label={t('computers.book.year')} w={120} allowDeselect={false} data={years} value={year} onChange={(v) => v && setYear(v)} />
        {entries && (
          <Text size="sm" c="dimmed" mt={24}>
            {t('computers.book.count', { count: entries.length })}
          </Text>
        )}
      </Group>
      {readError !== null ? (
        <ReadFailed error={readError} onRetry={() => setAttempt((n) => n + 1)} testId="usage-book-failed" />
      ) : entries === null ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : entries.length === 0 ? (
        <Text c="dimmed">{t('computers.book.empty', { year })}</Text>
      ) : (
        <Table striped withTableBorder fz="sm" aria-label={t('computers.book.title')} data-testid="usage-book">
          <Table.Thead>
            <Table.Tr>
              {(['date', 'start', 'end', 'user', 'work', 'highestLevel', 'media', 'anomalies'] as const).map((k) => (
                <Table.Th key={k}>{t(`computers.book.col.${k}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{u.workDate}</Table.Td>
                <Table.Td>{hhmm(u.startedAt)}</Table.Td>
                <Table.Td>{u.endedAt ? hhmm(u.endedAt) : <Badge size="xs">{t('computers.book.open')}</Badge>}</Table.Td>
                <Table.Td>{u.userName}</Table.Td>
                <Table.Td>{u.work || '—'}</Table.Td>
                <Table.Td>{u.highestLevel ? t(`level.${u.highestLevel}`) : '—'}</Table.Td>
                <Table.Td>{u.media.map((m) => m.number).join('、') || '—'}</Table.Td>
                <Table.Td c={u.anomalies ? 'red.8' : undefined}>{u.anomalies || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Working days of a month without any entry: what the monthly check (月查) asks about. */
export function MissingUsageDays({ computer, version }: { computer: ComputerRow; version: number }) {
  const { t, i18n } = useTranslation();
  const { fail } = useLedger();
  const [month, setMonth] = useState(today().slice(0, 7));
  const [days, setDays] = useState<string[] | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    let live = true;
    setDays(null);
    setReadError(null);
    const start = dayjs(`${month}-01`);
    const from = start.format('YYYY-MM-DD');
    const to = start.endOf('month').format('YYYY-MM-DD');
    void window.api.computers.daysWithoutUsage({ computerId: computer.id, from, to }).then((r) => {
      if (!live) return;
      if (r.ok) setDays(r.value);
      else {
        setReadError(errorText(i18n, r.error));
        fail(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [computer.id, month, version, attempt, i18n, fail]);

  return (
    <Stack gap="xs">
      <TextInput type="month" label={t('computers.missing.month')} w={170} value={month} onChange={(e) => setMonth(e.currentTarget.value)} />
      {!computer.enabledOn && <Text c="dimmed">{t('computers.missing.notEnabled')}</Text>}
      {readError !== null ? (
        <ReadFailed error={readError} onRetry={() => setAttempt((n) => n + 1)} testId="missing-days-failed" />
      ) : days === null ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : days.length === 0 ? (
        computer.enabledOn && <Alert color="teal">{t('computers.missing.none')}</Alert>
      ) : (
        <Stack gap={4} data-testid="missing-days">
          <Text size="sm" c="orange.8">
            {t('computers.missing.count', { count: days.length })}
          </Text>
          <Group gap={6}>
            {days.map((d) => (
              <Badge key={d} variant="outline" color="orange" tt="none">
                {d}（{t(`computers.missing.weekday.${dayjs(d).day()}`)}）
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            {t('computers.missing.hint')}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
