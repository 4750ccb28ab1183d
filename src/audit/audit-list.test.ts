import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../api/contract';
import { dispatch } from '../api/dispatch';
import type { AuditEntryView } from '../api/types';
import { loadMigrations, migrate } from '../db/migrate';
import { openCipherDatabase, type Db } from '../db/open-database';
import { createdVault, MIGRATIONS_DIR, type TempVault } from '../testing/temp-vault';
import { inBeijingTime } from '../testing/time-zone';
import { appendAudit, auditPageQuery, listAudit, type AuditFilter } from './audit-log';

inBeijingTime();

const COUNT = 3000;
const START = Date.UTC(2026, 10, 1);
// Some actions share a prefix with `carrier.` without belonging to it.
const ACTIONS = ['carrier.received', 'carrier.lent', 'carrier.returned', 'vault.unlocked', 'vault.unlock_failed', 'settings.updated', 'person.registered', 'carriers.other', 'carrier_x.y', 'carrier'];
const ACTORS = ['张保密', 'system', '王借阅'];

let dir: string;
let db: Db;

/** A fixed pseudo-random sequence, so that matches fall unevenly across page boundaries. */
const lcg = (seed: number) => () => (seed = (seed * 48271) % 2147483647) / 2147483647;

function fill(): void {
  const rnd = lcg(7);
  db.transaction(() => {
    for (let i = 1; i <= COUNT; i++) {
      const r = rnd();
      // backup.refused is rare: whole pages of the walk hold none of it.
      const action = r < 0.01 ? 'backup.refused' : (ACTIONS[Math.floor(rnd() * ACTIONS.length)] as string);
      const s = rnd();
      const subject = s < 0.1 ? null : s < 0.13 ? `a_b%c-${i}` : s < 0.16 ? `axbyc-${i}` : `ZT-2026-${String(i).padStart(4, '0')}`;
      const at = new Date(START + i * 17 * 60_000).toISOString();
      appendAudit(db, at, { actor: ACTORS[Math.floor(rnd() * ACTORS.length)] as string, action, subject, payload: { i } });
    }
  })();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baomi-audit-list-'));
  db = openCipherDatabase(join(dir, 'a.db'), randomBytes(32));
  migrate(db, loadMigrations(MIGRATIONS_DIR));
  fill();
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every entry, newest first, filtered here in plain code: what the pages must add up to. */
function expected(f: AuditFilter): number[] {
  const all = listAudit(db, COUNT + 1000);
  const text = f.text?.toLowerCase();
  return all
    .filter((e) => !f.action || (f.action.endsWith('.') ? e.action.startsWith(f.action) : e.action === f.action))
    .filter((e) => !text || e.actor.toLowerCase().includes(text) || (e.subject ?? '').toLowerCase().includes(text))
    .filter((e) => !f.fromDate || dayjs(e.at).format('YYYY-MM-DD') >= f.fromDate)
    .filter((e) => !f.toDate || dayjs(e.at).format('YYYY-MM-DD') <= f.toDate)
    .map((e) => e.seq);
}

/** Reads page after page as the audit page does; every page but the last must be full. */
function readAll(limit: number, filter: AuditFilter): number[] {
  const seqs: number[] = [];
  let before: number | undefined;
  // A cursor that does not move on would page for ever; more pages than entries is a failure.
  for (let pages = 0; pages <= COUNT + 100; pages++) {
    const page: AuditEntryView[] = listAudit(db, limit, before, filter);
    seqs.push(...page.map((e) => e.seq));
    if (page.length < limit) return seqs;
    before = page[page.length - 1]?.seq;
  }
  throw new Error('paging did not come to an end');
}

const FILTERS: AuditFilter[] = [
  {},
  { action: 'carrier.' },
  { action: 'carrier.lent' },
  { action: 'backup.' },
  { action: 'vault.unlock_failed' },
  { text: '王' },
  { text: 'zt-2026-01' },
  { text: '_' },
  { text: '%' },
  { fromDate: '2026-11-10', toDate: '2026-11-12' },
  { fromDate: '2026-12-01' },
  { toDate: '2026-11-03' },
  { action: 'carrier.', text: '张', fromDate: '2026-11-05', toDate: '2026-11-25' },
];

describe('listAudit pages', () => {
  it('the whole log pages out every entry exactly once, newest first, whatever the page size', () => {
    const all = Array.from({ length: COUNT }, (_, i) => COUNT - i);
    for (const limit of [1, 7, 500, COUNT, COUNT + 1]) expect(readAll(limit, {})).toEqual(all);
  });

  it('filtered pages are exactly the matching entries, in order, none skipped at a page boundary', () => {
    for (const f of FILTERS) {
      const want = expected(f);
      expect(want.length, JSON.stringify(f)).toBeGreaterThan(0);
      expect(want.length, JSON.stringify(f)).toBeLessThan(COUNT + (Object.keys(f).length === 0 ? 1 : 0));
      for (const limit of [1, 13, 500]) expect(readAll(limit, f), `${JSON.stringify(f)} by ${limit}`).toEqual(want);
    }
  });

  it('an action prefix takes in its own actions only; an exact action only itself', () => {
    const actions = (f: AuditFilter) => new Set(listAudit(db, 500, undefined, f).map((e) => e.action));
    expect(actions({ action: 'carrier.' })).toEqual(new Set(['carrier.received', 'carrier.lent', 'carrier.returned']));
    expect(actions({ action: 'vault.unlock_failed' })).toEqual(new Set(['vault.unlock_failed']));
    expect(actions({ action: 'carrier' })).toEqual(new Set(['carrier']));
  });

  it('the text is matched literally: % and _ are not wildcards', () => {
    const subjects = listAudit(db, 500, undefined, { text: 'a_b%c' }).map((e) => e.subject);
    expect(subjects.length).toBeGreaterThan(0);
    expect(subjects.every((s) => s?.startsWith('a_b%c-'))).toBe(true);
  });

  it('dates are the officer’s calendar days in local (Beijing) time, both ends included', () => {
    // The log runs to about 2026-12-06T10:00Z; these two straddle Beijing's midnight.
    const lateOn6th = appendAudit(db, '2026-12-06T15:59:59.999Z', { actor: '张保密', action: 'test.edge', subject: 'late' }).seq;
    const earlyOn7th = appendAudit(db, '2026-12-06T16:00:00.000Z', { actor: '张保密', action: 'test.edge', subject: 'early' }).seq;
    const seqs = (f: AuditFilter) => listAudit(db, 500, undefined, { action: 'test.edge', ...f }).map((e) => e.seq);
    expect(seqs({ toDate: '2026-12-06' })).toEqual([lateOn6th]);
    expect(seqs({ fromDate: '2026-12-07' })).toEqual([earlyOn7th]);
    expect(seqs({ fromDate: '2026-12-06', toDate: '2026-12-07' })).toEqual([earlyOn7th, lateOn6th]);
    // The first entry of a day, at Beijing midnight, is that day's and not the day before's.
    const first = listAudit(db, COUNT, undefined, { fromDate: '2026-11-10', toDate: '2026-11-10' }).at(-1);
    expect((first?.at ?? '') >= '2026-11-09T16:00:00.000Z').toBe(true);
    expect((listAudit(db, 1, first?.seq ?? 0)[0]?.at ?? '') < '2026-11-09T16:00:00.000Z').toBe(true);
  });

  it('entries appended between two pages neither repeat nor shift the pages still to come', () => {
    const f: AuditFilter = { action: 'carrier.' };
    const want = expected(f);
    const seqs: number[] = [];
    let before: number | undefined;
    for (let n = 0; n < COUNT; n++) {
      const page = listAudit(db, 50, before, f);
      seqs.push(...page.map((e) => e.seq));
      if (page.length < 50) break;
      before = page[page.length - 1]?.seq;
      // New carrier entries land on top of the log while the officer is still paging down.
      if (n % 5 === 0) appendAudit(db, '2026-12-31T00:00:00.000Z', { actor: '张保密', action: 'carrier.lent', subject: `new-${n}` });
    }
    expect(seqs).toEqual(want);
    expect(listAudit(db, 1, undefined, f)[0]?.subject).toMatch(/^new-/);
  });

  it('every page starts from the primary key: no full scan, no sort, no offset', () => {
    for (const f of FILTERS) {
      const q = auditPageQuery(50, 1234, f);
      expect(q.text).not.toMatch(/OFFSET/i);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(q.params) as { detail: string }[]).map((r) => r.detail).join('; ');
      expect(plan, JSON.stringify(f)).toMatch(/SEARCH audit_log USING INTEGER PRIMARY KEY \(rowid<\?\)/);
      expect(plan, JSON.stringify(f)).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe('audit:list across the IPC boundary', () => {
  const schema = contract['audit:list'].input;

  it('accepts the page size, the cursor and each filter', () => {
    const ok = [
      { limit: 1 },
      { limit: 500, beforeSeq: 12 },
      { limit: 200, action: 'carrier.' },
      { limit: 200, action: 'vault.unlock_failed' },
      { limit: 200, text: ' ZT-2026 ' },
      { limit: 200, fromDate: '2026-11-01', toDate: '2026-11-01' },
    ];
    for (const q of ok) expect(schema.safeParse(q).success, JSON.stringify(q)).toBe(true);
    expect(schema.parse({ limit: 1, text: ' ZT-2026 ' })).toEqual({ limit: 1, text: 'ZT-2026' });
  });

  it('refuses what the page would never send', () => {
    const bad = [
      { limit: 0 },
      { limit: 501 },
      { limit: 1.5 },
      { limit: 10, beforeSeq: 0 },
      { limit: 10, action: 'Carrier.' },
      { limit: 10, action: "carrier.' OR 1=1 --" },
      { limit: 10, action: '.' },
      { limit: 10, text: '   ' },
      { limit: 10, text: 'x'.repeat(201) },
      { limit: 10, fromDate: '2026-02-30' },
      { limit: 10, fromDate: '2026/11/01' },
      { limit: 10, fromDate: '2026-11-02', toDate: '2026-11-01' },
      { limit: 10, offset: 100 },
    ];
    for (const q of bad) expect(schema.safeParse(q).success, JSON.stringify(q)).toBe(false);
  });

  it('the handler passes the filters through to the log', async () => {
    const v: TempVault = await createdVault();
    try {
      await dispatch(v.services.handlers, 'settings:update', { idleMinutes: 2 });
      const page = async (input: unknown) => {
        const r = await dispatch(v.services.handlers, 'audit:list', input);
        if (!r.ok) throw new Error(r.error.message);
        return (r.value as { entries: AuditEntryView[] }).entries.map((e) => e.action);
      };
      const vaultActions = await page({ limit: 50, action: 'vault.' });
      expect(vaultActions).toContain('vault.created');
      expect(vaultActions.every((a) => a.startsWith('vault.'))).toBe(true);
      expect(await page({ limit: 50, action: 'settings.updated' })).toEqual(['settings.updated']);
      expect(await page({ limit: 50, fromDate: '2000-01-01', toDate: '2000-01-02' })).toEqual([]);
    } finally {
      v.cleanup();
    }
  });
});
