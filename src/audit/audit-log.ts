import { hash as digest } from 'node:crypto';
import canonicalize from 'canonicalize';
import dayjs from 'dayjs';
import type { Db } from '../db/open-database';
import type { AuditEntryView, ChainHead, ChainVerification } from '../api/types';
import { sql } from '../db/statements';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  action: string;
  subject?: string | null;
  payload?: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

export const canonicalJson = (value: unknown): string => {
  const s = canonicalize(value);
  if (s === undefined) throw new Error('value cannot be canonicalised');
  return s;
};

/** Everything an entry says is hashed, in RFC 8785 canonical form, with the previous hash. */
export function entryHash(e: Omit<AuditRow, 'hash'>): string {
  return digest('sha256', canonicalBody(e), 'hex');
}

export function canonicalBody(e: Omit<AuditRow, 'hash'>): string {
  return canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    payload: e.payload,
    prevHash: e.prev_hash,
  });
}

/**
 * The same bytes as `entryHash`'s canonical body, built directly: the keys are already in
 * RFC 8785 order and every value is a string, a safe integer or null, for which canonical
 * form is JSON.stringify's. It saves the generic sort on half a million entries; a
 * mismatch is still judged by `entryHash`, so this can never pass an entry that would fail.
 */
export const quickBody = (r: Omit<AuditRow, 'hash'>): string =>
  `{"action":${JSON.stringify(r.action)},"actor":${JSON.stringify(r.actor)},"at":${JSON.stringify(r.at)},"payload":${JSON.stringify(r.payload)},"prevHash":${JSON.stringify(r.prev_hash)},"seq":${r.seq},"subject":${JSON.stringify(r.subject)}}`;

function entryMatches(r: AuditRow): boolean {
  if (digest('sha256', quickBody(r), 'hex') === r.hash) return true;
  try {
    return entryHash(r) === r.hash;
  } catch {
    // Text no canonical form can hold (it was never written by appendAudit) is a break too.
    return false;
  }
}

export function chainHead(db: Db): ChainHead {
  const row = sql(db, 'SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string; at: string }
    | undefined;
  if (!row) return { seq: 0, hash: GENESIS_HASH, shortHash: GENESIS_HASH.slice(0, 8), at: null };
  return { seq: row.seq, hash: row.hash, shortHash: row.hash.slice(0, 8), at: row.at };
}

export const CLOCK_WENT_BACK = 'clock.went_back';

/**
 * Appends one entry. Callers run it inside the same transaction as the change it records
 * (see `mutate`), so a change without its audit entry cannot be committed.
 */
export function appendAudit(db: Db, at: string, input: AuditInput): ChainHead {
  let head = chainHead(db);
  // An offline machine's clock can go back (a flat CMOS battery). The entries keep the time
  // the machine gave, and the chain says plainly where time ran backwards.
  if (head.at !== null && at < head.at && input.action !== CLOCK_WENT_BACK) {
    head = appendAudit(db, at, { actor: 'system', action: CLOCK_WENT_BACK, payload: { previous: head.at, now: at } });
  }
  const row: Omit<AuditRow, 'hash'> = {
    seq: head.seq + 1,
    at,
    actor: input.actor,
    action: input.action,
    subject: input.subject ?? null,
    payload: canonicalJson(input.payload ?? {}),
    prev_hash: head.hash,
  };
  const hash = entryHash(row);
  sql(db, 
    `INSERT INTO audit_log (seq, at, actor, action, subject, payload, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @subject, @payload, @prev_hash, @hash)`,
  ).run({ ...row, hash });
  return { seq: row.seq, hash, shortHash: hash.slice(0, 8), at };
}

/** The chain still has this entry, unchanged (a head seen before, or a manifest's head). */
export const holdsEntry = (db: Db, entry: { seq: number; hash: string }): boolean =>
  (sql(db, 'SELECT hash FROM audit_log WHERE seq = ?').get(entry.seq) as { hash: string } | undefined)?.hash === entry.hash;

/**
 * Walks the chain and names the first entry that does not verify. Given an earlier sound
 * verification, it goes on from that head only (entries are immutable, so what verified
 * once verifies again), which keeps the head current after unlock appends its own entries.
 */
export function verifyChain(db: Db, now: string, from?: ChainVerification, onProgress?: (checked: number) => void): ChainVerification {
  const resume = from?.ok ? from : null;
  let expectedSeq = (resume?.head.seq ?? 0) + 1;
  let prev = resume?.head.hash ?? GENESIS_HASH;
  let checked = resume?.checked ?? 0;
  const fail = (seq: number, reason: string): ChainVerification => ({
    ok: false,
    checked,
    head: chainHead(db),
    firstBrokenSeq: seq,
    reason,
    verifiedAt: now,
  });
  // The head verified before must still be there, unchanged. A chain cut back from its end
  // (entries removed past the triggers, with the raw key) still links from the genesis, so
  // only the head already seen can tell that entries are gone.
  if (resume && resume.head.seq > 0) {
    if (!holdsEntry(db, resume.head)) return fail(resume.head.seq, `上次校验时的链头（第 ${resume.head.seq} 条）已不在或已被改动，审计链被截短或改写`);
  }
  // Pages of rows at a time: all() is cheaper per row than iterate() in better-sqlite3.
  const page = sql(db, 'SELECT seq, at, actor, action, subject, payload, prev_hash, hash FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT 5000');
  for (let rows = page.all(expectedSeq) as AuditRow[]; rows.length > 0; rows = page.all(expectedSeq) as AuditRow[]) {
    for (const r of rows) {
      if (r.seq !== expectedSeq) return fail(expectedSeq, `缺少第 ${expectedSeq} 条记录`);
      if (r.prev_hash !== prev) return fail(r.seq, `第 ${r.seq} 条记录与前一条的链接不符`);
      if (!entryMatches(r)) return fail(r.seq, `第 ${r.seq} 条记录的内容与其哈希不符`);
      prev = r.hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress?.(checked);
  }
  return { ok: true, checked, head: chainHead(db), firstBrokenSeq: null, reason: null, verifiedAt: now };
}

/**
 * What the audit page narrows the log to. Every field is optional; together they all apply.
 * `action` ending in a dot is a prefix (`carrier.` is every carrier action), otherwise the
 * exact action. `text` is found anywhere in the subject or the actor. `fromDate`/`toDate`
 * are the officer's calendar days (YYYY-MM-DD), both included.
 */
export interface AuditFilter {
  action?: string | undefined;
  text?: string | undefined;
  fromDate?: string | undefined;
  toDate?: string | undefined;
}

// LIKE's own wildcards in what the officer typed are matched as themselves.
const likeText = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A local calendar day's first instant, in the form `at` is stored in (UTC ISO). Entries
 * are stamped in UTC, so Beijing's 1 December starts at 30 November 16:00Z: comparing the
 * first ten characters of `at` would file the morning's entries under the day before.
 */
const dayStart = (date: string): string => dayjs(date).startOf('day').toISOString();
const dayAfter = (date: string): string => dayjs(date).add(1, 'day').startOf('day').toISOString();

/**
 * One page of the log, newest first, from just below `beforeSeq`. Pages are keyed on seq,
 * not counted by OFFSET: an entry appended between two pages has a higher seq and so can
 * never shift the next page, and each page starts at once from the primary key instead of
 * stepping over every entry before it. The filters are tested on the rows the key walk
 * meets (`at` is not indexed, and a clock that went back keeps it from following seq), and
 * LIMIT stops the walk as soon as the page is full.
 */
export function listAudit(db: Db, limit: number, beforeSeq?: number, filter: AuditFilter = {}): AuditEntryView[] {
  const q = auditPageQuery(limit, beforeSeq, filter);
  const rows = sql(db, q.text).all(q.params) as Omit<AuditRow, 'prev_hash'>[];
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
}

/** The statement listAudit runs, apart so that its query plan can be checked. */
export function auditPageQuery(limit: number, beforeSeq: number | undefined, filter: AuditFilter): { text: string; params: Record<string, unknown> } {
  const where = ['seq < @before'];
  const params: Record<string, unknown> = { before: beforeSeq ?? Number.MAX_SAFE_INTEGER, limit };
  const { action, text, fromDate, toDate } = filter;
  if (action?.endsWith('.')) {
    // A range rather than LIKE: action names hold `_`, LIKE's one-character wildcard.
    where.push('action >= @actionFrom AND action < @actionTo');
    params.actionFrom = action;
    params.actionTo = `${action.slice(0, -1)}/`; // '/' is the character after '.'
  } else if (action) {
    where.push('action = @action');
    params.action = action;
  }
  if (text) {
    where.push("(subject LIKE @text ESCAPE '\\' OR actor LIKE @text ESCAPE '\\')");
    params.text = likeText(text);
  }
  if (fromDate) {
    where.push('at >= @atFrom');
    params.atFrom = dayStart(fromDate);
  }
  if (toDate) {
    where.push('at < @atTo');
    params.atTo = dayAfter(toDate);
  }
  return {
    text: `SELECT seq, at, actor, action, subject, payload, hash FROM audit_log
     WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`,
    params,
  };
}
