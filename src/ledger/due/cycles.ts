import dayjs from 'dayjs';
import { sql } from '../../db/statements';
import type { LedgerContext } from '../ledger-context';
import type { DueItem, Urgency } from './due-engine';
import { localDate } from './local-date';

type CountPurpose = 'quarterly' | 'half_year' | 'yearly';
const COUNTS: readonly { purpose: CountPurpose; label: string; months: number }[] = [
  { purpose: 'quarterly', label: '季度核对', months: 3 },
  { purpose: 'half_year', label: '半年清退', months: 6 },
  { purpose: 'yearly', label: '年度清点与保密自查自评', months: 12 },
];

/**
 * The first day this ledger was kept: the vault's creation, else its first recorded entry.
 * Periods before it are not "missed": the unit's earlier books were kept elsewhere, and a
 * new ledger must not open with years of overdue months.
 */
export function ledgerStartDay(ctx: Pick<LedgerContext, 'db' | 'today'>): string {
  const meta = sql(ctx.db, 'SELECT created_at AS at FROM vault_meta WHERE id = 1').get() as { at: string } | undefined;
  const first = meta?.at ?? (sql(ctx.db, 'SELECT min(at) AS at FROM audit_log').get() as { at: string | null }).at;
  const day = first ? localDate(first) : ctx.today;
  return day < ctx.today ? day : ctx.today;
}

/** The calendar periods of `months` (quarters, halves, years) from the one holding `from` to the one holding `to`. */
function periods(months: number, from: string, to: string): { start: string; end: string }[] {
  const f = dayjs(from);
  const out: { start: string; end: string }[] = [];
  for (let s = f.startOf('year').add(Math.floor(f.month() / months) * months, 'month'); s.format('YYYY-MM-DD') <= to; s = s.add(months, 'month')) {
    out.push({ start: s.format('YYYY-MM-DD'), end: s.add(months - 1, 'month').endOf('month').format('YYYY-MM-DD') });
  }
  return out;
}

/**
 * DOMAIN §5: each cycle is due at the end of its period and stays due, overdue once the
 * period is over, until its record exists: a signed run for the month; an ended count of
 * the whole unit (a cabinet's or one person's count is not the 季核对) for the quarter,
 * half-year and year.
 *
 * A count has no period of its own, only the day it began (the officer's day, not UTC's):
 * it clears the oldest period still owed that had begun by then. So a count made late, in
 * January, for a missed fourth quarter clears that quarter and leaves the first one due,
 * and every period needs a count of its own.
 */
export function cycles(ctx: LedgerContext, add: (i: DueItem) => void, urgency: (d: string, soon?: number) => Urgency): void {
  const start = ledgerStartDay(ctx);
  const runs = new Map(
    (sql(ctx.db, 'SELECT id, month, state FROM inspection_runs WHERE month >= ?').all(start.slice(0, 7)) as { id: string; month: string; state: string }[]).map((r) => [r.month, r]),
  );
  for (let m = dayjs(start).startOf('month'); m.format('YYYY-MM') <= ctx.today.slice(0, 7); m = m.add(1, 'month')) {
    const month = m.format('YYYY-MM');
    const run = runs.get(month);
    if (run?.state === 'signed') continue;
    const monthEnd = m.endOf('month').format('YYYY-MM-DD');
    add({ kind: 'monthly', urgency: urgency(monthEnd, 7), title: `${month} 月度保密检查（月查、月清理）${run ? '尚未签署' : '尚未开始'}`, dueOn: monthEnd, rule: '§5', link: { type: 'inspection', id: run?.id ?? month } });
  }

  const counts = sql(ctx.db, "SELECT purpose, started_at FROM recon_sessions WHERE scope_kind = 'all' AND ended_at IS NOT NULL AND purpose IN ('quarterly', 'half_year', 'yearly')").all() as { purpose: CountPurpose; started_at: string }[];
  for (const c of COUNTS) {
    const owed = periods(c.months, start, ctx.today).map((p) => ({ ...p, done: false }));
    const days = counts.filter((s) => s.purpose === c.purpose).map((s) => localDate(s.started_at)).sort();
    for (const day of days) {
      const p = owed.find((x) => !x.done && x.start <= day);
      if (p) p.done = true;
    }
    for (const p of owed.filter((x) => !x.done)) {
      add({ kind: c.purpose, urgency: urgency(p.end, 14), title: `${c.label}（${p.start} 至 ${p.end}）尚未完成`, dueOn: p.end, rule: '§5', link: { type: 'reconciliation', id: c.purpose } });
    }
  }
}
