import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, chainHead } from '../../audit/audit-log';
import { loadMigrations, migrate } from '../migrate';
import { openCipherDatabase } from '../open-database';
import { MIGRATIONS_DIR } from '../../testing/temp-vault';
import { startDatabaseChecks } from './check-runner';
import type { DatabaseCheckJob } from './database-checks';

const AT = '2026-11-22T09:00:00.000Z';
const BUNDLED = resolve(import.meta.dirname, '../../../dist/main/check-worker.cjs');
let dir: string;
let jobs: DatabaseCheckJob[];
/** Each run gets key copies of its own: a run wipes the ones it was given. */
const fresh = (): DatabaseCheckJob[] => jobs.map((j) => ({ ...j, key: new Uint8Array(j.key) }));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baomi-checks-'));
  const file = join(dir, 'ledger.db');
  const key = randomBytes(32);
  const db = openCipherDatabase(file, key);
  migrate(db, loadMigrations(MIGRATIONS_DIR));
  for (let i = 1; i <= 20; i++) appendAudit(db, AT, { actor: '张保密', action: 'test', subject: `ZT-${i}`, payload: { i } });
  const head = chainHead(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const expected = { chainHead: { seq: head.seq, hash: head.hash }, counts: { audit_log: head.seq, carriers: 0 } };
  jobs = (['structure', 'chain'] as const).map((kind) => ({ kind, file, key: new Uint8Array(key), expected, now: AT }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('database checks of a backup', () => {
  it('run at once, each in its own worker thread, and report quick_check and the chain', async () => {
    const heard: number[] = [];
    const [structure, chain] = await startDatabaseChecks(fresh(), { onChain: (n) => heard.push(n) }).results();
    expect(heard.at(-1)).toBe(jobs[0]!.expected!.chainHead.seq);
    expect(structure!.checks).toEqual([{ name: 'quick_check', ok: true, detail: 'ok' }]);
    expect(structure!.quickCheck).toEqual(['ok']);
    expect(chain!.checks).toEqual([{ name: '审计链', ok: true, detail: expect.stringMatching(/^#\d+ [0-9a-f]{8}$/) }]);
    expect(chain!.chain).toMatchObject({ ok: true, checked: jobs[0]!.expected!.chainHead.seq });
    expect(structure!.threadId).toBeGreaterThan(0);
    expect(chain!.threadId).toBeGreaterThan(0);
    expect(structure!.threadId).not.toBe(chain!.threadId);
  });

  it.skipIf(!existsSync(BUNDLED))(
    existsSync(BUNDLED) ? 'the bundled dist/main/check-worker.cjs runs the same checks in a worker' : 'bundled worker (skipped: run `npm run build:main` first)',
    async () => {
      const results = await startDatabaseChecks(fresh(), { script: { file: BUNDLED, execArgv: [] } }).results();
      expect(results.every((r) => r.threadId > 0)).toBe(true);
      expect(results.flatMap((r) => r.checks).map((c) => [c.name, c.ok])).toEqual([['quick_check', true], ['审计链', true]]);
    },
  );

  it('a worker that cannot start is replaced by the same check on this thread, never skipped', async () => {
    const results = await startDatabaseChecks(fresh(), { script: { file: join(dir, 'no-such-worker.cjs'), execArgv: [] } }).results();
    expect(results.map((r) => r.threadId)).toEqual([0, 0]);
    expect(results.flatMap((r) => r.checks).map((c) => [c.name, c.ok])).toEqual([['quick_check', true], ['审计链', true]]);
  });

  it('a chain head or count other than the manifest says fails the chain check', async () => {
    const wrong = fresh().map((j) => ({ ...j, expected: { chainHead: { ...j.expected!.chainHead, seq: 99 }, counts: { audit_log: 99 } } }));
    const [, chain] = await startDatabaseChecks(wrong).results();
    expect(chain!.checks.map((c) => [c.name, c.ok, c.detail])).toEqual([
      ['审计链', false, expect.any(String)],
      ['记录数 audit_log', false, `${jobs[0]!.expected!.chainHead.seq} ≠ 99`],
    ]);
  });

  it('with nothing to compare (a vault at unlock) the chain is checked on its own', async () => {
    const [structure, chain] = await startDatabaseChecks(fresh().map((j) => ({ ...j, expected: null }))).results();
    expect(structure!.quickCheck).toEqual(['ok']);
    expect(chain!.checks.map((c) => [c.name, c.ok])).toEqual([['审计链', true]]);
    expect(chain!.chain).toMatchObject({ ok: true, head: jobs[0]!.expected!.chainHead });
  });

  it('every copy of the key this thread kept for the jobs is zeroed once the checks are over, or cancelled', async () => {
    const zeroed = (js: DatabaseCheckJob[]) => js.every((j) => j.key.every((b) => b === 0));
    const ran = fresh();
    await startDatabaseChecks(ran).results();
    expect(zeroed(ran)).toBe(true);
    const fellBack = fresh();
    await startDatabaseChecks(fellBack, { script: null }).results();
    expect(zeroed(fellBack)).toBe(true);
    const cancelled = fresh();
    await startDatabaseChecks(cancelled).cancel();
    expect(zeroed(cancelled)).toBe(true);
    expect(zeroed(jobs)).toBe(false);
  });

  it('a wrong key is reported as a backup that will not open', async () => {
    const bad = fresh().map((j) => ({ ...j, key: new Uint8Array(randomBytes(32)) }));
    const results = await startDatabaseChecks(bad).results();
    for (const r of results) expect(r.checks).toEqual([{ name: '打开数据库', ok: false, detail: expect.stringContaining('无法用此密钥解密') }]);
  });
});
