import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { sql, sqlList } from '../../db/statements';
import { AppError } from '../../errors/app-error';
import { appendEvent, inLedgerTransaction } from '../events/event-store';
import type { LedgerContext } from '../ledger-context';
import { HELD, OUT_STATES } from '../carriers/carrier-states';
import { MEDIUM_ON_SHELF_STATES, MEDIUM_OUT_STATES } from '../devices/device-model';
import { idSchema } from '../field-schemas';

/** 月清理, 季核对, 半年清退, 年度清点: the same scanning session over a chosen scope. */
export const startReconSchema = z
  .object({
    purpose: z.enum(['monthly', 'quarterly', 'half_year', 'yearly', 'adhoc']),
    scopeKind: z.enum(['all', 'cabinet', 'person']),
    scopeId: idSchema.nullish(),
  })
  .strict()
  .refine((s) => s.scopeKind === 'all' || !!s.scopeId, { message: '请选择保密柜或人员', path: ['scopeId'] });
export const scanSchema = z.object({ sessionId: idSchema, code: z.string().trim().min(1).max(80) }).strict();
export const sessionIdSchema = z.object({ sessionId: idSchema }).strict();

export interface ReconItem {
  kind: 'carrier' | 'medium';
  id: string;
  number: string;
  title: string;
  /** In a person's count: on loan to (or carried out by) them, not in their keeping. */
  how?: 'on_loan';
}

export type ScanResult = 'sighted' | 'duplicate' | 'unexpected' | 'unknown';

export interface ScanOutcome {
  result: ScanResult;
  code: string;
  item: ReconItem | null;
  message: string;
  sighted: number;
  expected: number;
}

export interface ReconReport {
  sessionId: string;
  purpose: string;
  scope: string;
  startedAt: string;
  endedAt: string | null;
  expected: number;
  sighted: ReconItem[];
  missing: ReconItem[];
  unexpected: (ReconItem | { kind: null; id: null; number: string; title: string })[];
  duplicates: string[];
  /** Out on loan, in circulation or carried out: not on the shelf, and rightly so. */
  away: ReconItem[];
}

const OUT = { carriers: sqlList(OUT_STATES), media: sqlList(MEDIUM_OUT_STATES) };

/**
 * What the count should see. A cabinet holds what is stored in it; the unit, everything on
 * its shelves. A person (the count before they leave, R-28) brings what they keep and what
 * they have on loan or carried out: the latter are theirs to produce, and are marked so.
 */
function expectedItems(ctx: LedgerContext, kind: 'all' | 'cabinet' | 'person', id: string | null): ReconItem[] {
  if (kind === 'person') {
    const carriers = sql(ctx.db, `SELECT 'carrier' AS kind, id, number, title, state IN ${OUT.carriers} AS onLoan FROM carriers
      WHERE (state IN ${sqlList(HELD)} AND custodian_id = ?) OR (state IN ${OUT.carriers} AND holder_id = ?) ORDER BY number`).all(id, id) as (ReconItem & { onLoan: number })[];
    const media = sql(ctx.db, `SELECT 'medium' AS kind, id, number, number AS title, state IN ${OUT.media} AS onLoan FROM media
      WHERE (state IN ${sqlList(MEDIUM_ON_SHELF_STATES)} AND responsible_id = ?) OR (state IN ${OUT.media} AND holder_id = ?) ORDER BY number`).all(id, id) as (ReconItem & { onLoan: number })[];
    return [...carriers, ...media].map(({ onLoan, ...item }) => (onLoan ? { ...item, how: 'on_loan' as const } : item));
  }
  const where = kind === 'cabinet' ? 'AND cabinet_id = ?' : '';
  const carriers = sql(ctx.db, `SELECT 'carrier' AS kind, id, number, title FROM carriers WHERE state IN ${sqlList(HELD)} ${where} ORDER BY number`).all(...(kind === 'cabinet' ? [id] : [])) as ReconItem[];
  if (kind === 'cabinet') return carriers;
  const media = sql(ctx.db, `SELECT 'medium' AS kind, id, number, number AS title FROM media WHERE state IN ${sqlList(MEDIUM_ON_SHELF_STATES)} ORDER BY number`).all() as ReconItem[];
  return [...carriers, ...media];
}

/** Out on loan, in circulation or carried out by someone the count does not cover: rightly not on the shelf. */
function awayItems(ctx: LedgerContext, kind: 'all' | 'cabinet' | 'person', id: string | null): ReconItem[] {
  const where = kind === 'cabinet' ? 'AND cabinet_id = ?' : kind === 'person' ? 'AND custodian_id = ? AND (holder_id IS NULL OR holder_id <> ?)' : '';
  const params = kind === 'cabinet' ? [id] : kind === 'person' ? [id, id] : [];
  const carriers = sql(ctx.db, `SELECT 'carrier' AS kind, id, number, title FROM carriers WHERE state IN ${OUT.carriers} ${where} ORDER BY number`).all(...params) as ReconItem[];
  if (kind === 'cabinet') return carriers;
  const mediaWhere = kind === 'person' ? 'AND responsible_id = ? AND (holder_id IS NULL OR holder_id <> ?)' : '';
  const media = sql(ctx.db, `SELECT 'medium' AS kind, id, number, number AS title FROM media WHERE state IN ${OUT.media} ${mediaWhere} ORDER BY number`).all(...params) as ReconItem[];
  return [...carriers, ...media];
}

function findByCode(ctx: LedgerContext, code: string): ReconItem | null {
  for (const c of [code, code.toUpperCase()]) {
    const carrier = sql(ctx.db, "SELECT 'carrier' AS kind, id, number, title FROM carriers WHERE number = ?").get(c) as ReconItem | undefined;
    if (carrier) return carrier;
    const medium = sql(ctx.db, "SELECT 'medium' AS kind, id, number, number AS title FROM media WHERE number = ?").get(c) as ReconItem | undefined;
    if (medium) return medium;
  }
  return null;
}

type SessionRow = { id: string; purpose: string; scope_kind: 'all' | 'cabinet' | 'person'; scope_id: string | null; started_at: string; ended_at: string | null; expected: string; report: string | null };
function session(ctx: LedgerContext, id: string): SessionRow {
  const s = sql(ctx.db, 'SELECT * FROM recon_sessions WHERE id = ?').get(id) as SessionRow | undefined;
  if (!s) throw new AppError('NOT_FOUND', '清点不存在');
  return s;
}

export function startSession(ctx: LedgerContext, input: unknown): ReconReport {
  const p = startReconSchema.parse(input);
  const expected = expectedItems(ctx, p.scopeKind, p.scopeId ?? null);
  const id = randomUUID();
  inLedgerTransaction(ctx.db, () => {
    sql(ctx.db, 'INSERT INTO recon_sessions (id, purpose, scope_kind, scope_id, started_at, expected) VALUES (?, ?, ?, ?, ?, ?)').run(id, p.purpose, p.scopeKind, p.scopeId ?? null, ctx.at, JSON.stringify(expected));
    appendEvent(ctx.db, ctx.at, ctx.actor, { entity: 'reconciliation', entityId: id, type: 'started', occurredOn: ctx.today, payload: { purpose: p.purpose, scopeKind: p.scopeKind, scopeId: p.scopeId ?? null, expected: expected.length }, subject: p.purpose });
  });
  return report(ctx, id);
}

/** One code from the scanner (or typed); duplicates and unknown numbers warn at once. */
export function scan(ctx: LedgerContext, input: unknown): ScanOutcome {
  const p = scanSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const s = session(ctx, p.sessionId);
    if (s.ended_at) throw new AppError('CONFLICT', '清点已结束');
    const expected = JSON.parse(s.expected) as ReconItem[];
    const item = findByCode(ctx, p.code);
    const seen = sql(ctx.db, 'SELECT 1 FROM recon_scans WHERE session_id = ? AND code = ?').get(s.id, item?.number ?? p.code);
    const result: ScanResult = seen ? 'duplicate' : !item ? 'unknown' : expected.some((e) => e.id === item.id) ? 'sighted' : 'unexpected';
    const seq = ((sql(ctx.db, 'SELECT max(seq) AS n FROM recon_scans WHERE session_id = ?').get(s.id) as { n: number | null }).n ?? 0) + 1;
    sql(ctx.db, 'INSERT INTO recon_scans (session_id, seq, code, at, result, item_kind, item_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(s.id, seq, item?.number ?? p.code, ctx.at, result, item?.kind ?? null, item?.id ?? null);
    const sighted = (sql(ctx.db, "SELECT count(*) AS n FROM recon_scans WHERE session_id = ? AND result = 'sighted'").get(s.id) as { n: number }).n;
    const message = {
      sighted: `已清点：${item?.number} ${item?.title ?? ''}`,
      duplicate: `重复扫描：${item?.number ?? p.code} 本次清点已扫描过`,
      unexpected: `不在本次清点范围内：${item?.number} ${item?.title ?? ''}`,
      unknown: `台账中没有此编号：${p.code}`,
    }[result];
    return { result, code: p.code, item, message, sighted, expected: expected.length };
  });
}

export function report(ctx: LedgerContext, id: string): ReconReport {
  const s = session(ctx, id);
  if (s.report) return JSON.parse(s.report) as ReconReport;
  const expected = JSON.parse(s.expected) as ReconItem[];
  const scans = sql(ctx.db, 'SELECT code, result, item_kind, item_id FROM recon_scans WHERE session_id = ? ORDER BY seq').all(id) as { code: string; result: ScanResult; item_kind: ReconItem['kind'] | null; item_id: string | null }[];
  const sightedIds = new Set(scans.filter((x) => x.result === 'sighted').map((x) => x.item_id));
  const scope = s.scope_kind === 'all' ? '全部' : s.scope_kind === 'cabinet' ? `保密柜 ${(sql(ctx.db, 'SELECT name FROM cabinets WHERE id = ?').get(s.scope_id) as { name: string } | undefined)?.name ?? ''}` : `人员 ${(sql(ctx.db, 'SELECT name FROM people WHERE id = ?').get(s.scope_id) as { name: string } | undefined)?.name ?? ''}`;
  return {
    sessionId: id,
    purpose: s.purpose,
    scope,
    startedAt: s.started_at,
    endedAt: s.ended_at,
    expected: expected.length,
    sighted: expected.filter((e) => sightedIds.has(e.id)),
    missing: expected.filter((e) => !sightedIds.has(e.id)),
    unexpected: scans
      .filter((x) => x.result === 'unexpected' || x.result === 'unknown')
      .map((x) => (x.item_id ? (findByCode(ctx, x.code) as ReconItem) : { kind: null, id: null, number: x.code, title: '台账中没有此编号' })),
    duplicates: scans.filter((x) => x.result === 'duplicate').map((x) => x.code),
    away: awayItems(ctx, s.scope_kind, s.scope_id),
  };
}

/** Ending fixes the report; a missing item can then be reported lost from it. */
export function endSession(ctx: LedgerContext, input: unknown): ReconReport {
  const p = sessionIdSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const s = session(ctx, p.sessionId);
    if (s.ended_at) throw new AppError('CONFLICT', '清点已结束');
    sql(ctx.db, 'UPDATE recon_sessions SET ended_at = ? WHERE id = ?').run(ctx.at, s.id);
    const r = report(ctx, s.id);
    sql(ctx.db, 'UPDATE recon_sessions SET report = ? WHERE id = ?').run(JSON.stringify(r), s.id);
    appendEvent(ctx.db, ctx.at, ctx.actor, { entity: 'reconciliation', entityId: s.id, type: 'ended', occurredOn: ctx.today, payload: { expected: r.expected, sighted: r.sighted.length, missing: r.missing.map((m) => m.number), unexpected: r.unexpected.map((u) => u.number), duplicates: r.duplicates }, subject: s.purpose });
    return r;
  });
}

export const listSessions = (ctx: LedgerContext) =>
  sql(ctx.db, 'SELECT id, purpose, scope_kind AS scopeKind, started_at AS startedAt, ended_at AS endedAt FROM recon_sessions ORDER BY started_at DESC').all() as {
    id: string;
    purpose: string;
    scopeKind: string;
    startedAt: string;
    endedAt: string | null;
  }[];
