import { randomUUID } from 'node:crypto';
import dayjs from 'dayjs';
import { sql } from '../../db/statements';
import { AppError } from '../../errors/app-error';
import { isHigher, LEVEL_LABELS, type Level } from '../classification/levels';
import { inLedgerTransaction } from '../events/event-store';
import type { LedgerContext } from '../ledger-context';
import { activePerson } from '../people/person-checks';
import { ruleError } from '../rule-checks';
import { crossUseViolation, raiseMediumIfNeeded, refuseCrossUse } from './cross-use';
import type { Computer, Medium } from './device-model';
import { getComputer, getMedium } from './device-repo';
import { checkComputerState, checkMediumUsable } from './device-rules';
import { endUsageSchema, logUsageSchema, missingUsageQuerySchema, startUsageSchema, usageBookQuerySchema } from './device-schemas';
import { appendEntityEvent, recordTransition } from '../events/entity-transition';
import { saveMedium } from './device-repo';

export interface UsageEntry {
  id: string;
  computerId: string;
  year: number;
  workDate: string;
  startedAt: string;
  endedAt: string | null;
  userId: string;
  userName: string;
  work: string;
  highestLevel: Level | null;
  media: { id: string; number: string }[];
  anomalies: string;
}

/** Local calendar day and year of a timestamp: the book is kept in the officer's days. */
const localDay = (iso: string) => dayjs(iso).format('YYYY-MM-DD');

function openEntry(ctx: LedgerContext, computerId: string): UsageEntry | null {
  const r = sql(ctx.db, 'SELECT u.*, p.name AS user_name FROM usage_log u JOIN people p ON p.id = u.user_id WHERE computer_id = ? AND ended_at IS NULL').get(computerId) as Record<string, unknown> | undefined;
  return r ? toEntry(r) : null;
}

const toEntry = (r: Record<string, unknown>): UsageEntry => ({
  id: r.id as string,
  computerId: r.computer_id as string,
  year: r.year as number,
  workDate: r.work_date as string,
  startedAt: r.started_at as string,
  endedAt: (r.ended_at as string | null) ?? null,
  userId: r.user_id as string,
  userName: r.user_name as string,
  work: r.work as string,
  highestLevel: (r.highest_level as Level | null) ?? null,
  media: JSON.parse(r.media as string) as UsageEntry['media'],
  anomalies: r.anomalies as string,
});

/**
 * `past`: a session entered afterwards, which someone who has since left may still have
 * worked before leaving (R-32 keeps the book complete); a session opened now is refused
 * to anyone who has left.
 */
function begin(ctx: LedgerContext, c: Computer, userId: string, work: string, startedAt: string, past: boolean): string {
  checkComputerState(c, ['in_use'], '使用登记');
  const user = activePerson(ctx.db, userId, '计算机使用人', past ? localDay(startedAt) : undefined);
  if (openEntry(ctx, c.id)) throw new AppError('CONFLICT', `计算机 ${c.number} 已有未结束的使用登记，请先登记结束`);
  const id = randomUUID();
  const event = appendEntityEvent(ctx, {
    entity: 'computer',
    entityId: c.id,
    type: 'usage_started',
    occurredOn: localDay(startedAt),
    payload: { entryId: id, startedAt, user: { id: user.id, name: user.name }, work },
    subject: c.number,
  });
  sql(ctx.db, `INSERT INTO usage_log (id, computer_id, year, work_date, started_at, user_id, work, start_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id, c.id, dayjs(startedAt).year(), localDay(startedAt), startedAt, user.id, work, event.id,
  );
  return id;
}

/**
 * for every medium of a session, before its transaction: a lost, destroyed,
 * to-be-destroyed or in-repair medium cannot have been used; an R-36 refusal is kept in
 * its own transaction, which an enclosing one would roll back with the refused command.
 */
function mediaUsableOn(ctx: LedgerContext, c: Computer, mediaIds: string[], attempt: Record<string, unknown>): Medium[] {
  return mediaIds.map((id) => {
    const m = getMedium(ctx.db, id);
    checkMediumUsable(m);
    const v = crossUseViolation(m, c, '');
    if (v) refuseCrossUse(ctx, m, c, '', v, attempt);
    return m;
  });
}

/**
 * Closing an entry checks what was handled (R-04: never above the computer's level); media
 * used on this computer rise
 * to its level or the content's, by their own events. The media were checked before
 * the transaction, by mediaUsableOn.
 */
function finish(ctx: LedgerContext, c: Computer, entryId: string, media: Medium[], p: { endedAt: string; work?: string | undefined; highestLevel: Level; anomalies: string }): void {
  const entry = sql(ctx.db, 'SELECT * FROM usage_log WHERE id = ?').get(entryId) as { started_at: string; work: string } | undefined;
  if (!entry) throw new AppError('NOT_FOUND', '使用登记不存在');
  // Compared as instants: as text '10:30+08:00' (02:30Z) sorts after '03:00Z', and an end
  // before its start got through when the two were typed with different offsets.
  if (Date.parse(p.endedAt) < Date.parse(entry.started_at)) throw new AppError('VALIDATION', '结束时间不能早于开始时间');
  if (isHigher(p.highestLevel, c.level)) throw ruleError('R-04', `计算机 ${c.number}（${LEVEL_LABELS[c.level]}）不得处理${LEVEL_LABELS[p.highestLevel]}信息`);
  const work = p.work ?? entry.work;
  const event = appendEntityEvent(ctx, {
    entity: 'computer',
    entityId: c.id,
    type: 'usage_ended',
    occurredOn: localDay(p.endedAt),
    payload: { entryId, endedAt: p.endedAt, work, highestLevel: p.highestLevel, media: media.map((m) => ({ id: m.id, number: m.number })), anomalies: p.anomalies },
    subject: c.number,
  });
  sql(ctx.db, 'UPDATE usage_log SET ended_at = ?, work = ?, highest_level = ?, media = ?, anomalies = ?, end_event_id = ? WHERE id = ?').run(
    p.endedAt, work, p.highestLevel, JSON.stringify(media.map((m) => ({ id: m.id, number: m.number }))), p.anomalies, event.id, entryId,
  );
  for (const m of media) {
    const used = recordTransition(ctx, {
      entity: 'medium',
      current: m,
      type: 'used',
      occurredOn: localDay(p.endedAt),
      payload: { computerId: c.id, computerNumber: c.number, operation: 'session', summary: work, level: p.highestLevel, usageEntryId: entryId },
      next: {},
      save: (x) => saveMedium(ctx.db, x),
    }).entity;
    raiseMediumIfNeeded(ctx, used, [c.level, p.highestLevel], localDay(p.endedAt), `在 ${c.number} 上使用`);
  }
}

/** R-32 "start now": opens the day's entry for the person at the computer. */
export function startUsage(ctx: LedgerContext, input: unknown): UsageEntry {
  const p = startUsageSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getComputer(ctx.db, p.computerId);
    begin(ctx, c, p.userId, p.work, p.startedAt ?? ctx.at, false);
    return openEntry(ctx, c.id) as UsageEntry;
  });
}

/** R-32 "end now": closes the computer's open entry. */
export function endUsage(ctx: LedgerContext, input: unknown): UsageEntry {
  const p = endUsageSchema.parse(input);
  const c = getComputer(ctx.db, p.computerId);
  const open = openEntry(ctx, c.id);
  if (!open) throw new AppError('CONFLICT', `计算机 ${c.number} 没有未结束的使用登记`);
  const media = mediaUsableOn(ctx, c, p.mediaIds, { usageEntryId: open.id });
  return inLedgerTransaction(ctx.db, () => {
    finish(ctx, c, open.id, media, { endedAt: p.endedAt ?? ctx.at, work: p.work, highestLevel: p.highestLevel, anomalies: p.anomalies });
    return usageEntry(ctx, open.id);
  });
}

/** A whole session entered afterwards, with its start and end. */
export function logUsage(ctx: LedgerContext, input: unknown): UsageEntry {
  const p = logUsageSchema.parse(input);
  const c = getComputer(ctx.db, p.computerId);
  const media = mediaUsableOn(ctx, c, p.mediaIds, { startedAt: p.startedAt, work: p.work });
  return inLedgerTransaction(ctx.db, () => {
    const id = begin(ctx, c, p.userId, p.work, p.startedAt, true);
    finish(ctx, c, id, media, p);
    return usageEntry(ctx, id);
  });
}

const usageEntry = (ctx: LedgerContext, id: string): UsageEntry =>
  toEntry(sql(ctx.db, 'SELECT u.*, p.name AS user_name FROM usage_log u JOIN people p ON p.id = u.user_id WHERE u.id = ?').get(id) as Record<string, unknown>);

/** one book per computer and year. */
export function usageBook(ctx: Pick<LedgerContext, 'db'>, input: unknown): UsageEntry[] {
  const q = usageBookQuerySchema.parse(input);
  return (sql(ctx.db, 'SELECT u.*, p.name AS user_name FROM usage_log u JOIN people p ON p.id = u.user_id WHERE computer_id = ? AND year = ? ORDER BY started_at').all(q.computerId, q.year) as Record<string, unknown>[]).map(toEntry);
}

/**
 * Working days (Monday to Friday) since the computer was enabled that have no entry, up to
 * yesterday: today is not over, and its entry is often made when the day's work ends.
 */
export function daysWithoutUsage(ctx: LedgerContext, input: unknown): string[] {
  const q = missingUsageQuerySchema.parse(input);
  const c = getComputer(ctx.db, q.computerId);
  if (!c.enabledOn) return [];
  const from = q.from > c.enabledOn ? q.from : c.enabledOn;
  const yesterday = dayjs(ctx.today).subtract(1, 'day').format('YYYY-MM-DD');
  const to = q.to < yesterday ? q.to : yesterday;
  const logged = new Set((sql(ctx.db, 'SELECT DISTINCT work_date FROM usage_log WHERE computer_id = ? AND work_date BETWEEN ? AND ?').all(c.id, from, to) as { work_date: string }[]).map((r) => r.work_date));
  const days: string[] = [];
  for (let d = dayjs(from); !d.isAfter(to, 'day'); d = d.add(1, 'day')) {
    const dow = d.day();
    const s = d.format('YYYY-MM-DD');
    if (dow !== 0 && dow !== 6 && !logged.has(s)) days.push(s);
  }
  return days;
}
