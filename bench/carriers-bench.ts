/**
 * npm run bench: builds 100,000 carriers with 500,000 events through the real ledger
 * commands, once in an encrypted vault and once in a plain SQLite file, then measures the
 * list screen's queries (filters, search incl. Chinese substrings) on both and prints the
 * encrypted/plain ratio. Sizes can be lowered with BENCH_CARRIERS for a quick look.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations, migrate } from '../src/db/migrate';
import { openCipherDatabase, tuneConnection, type Db } from '../src/db/open-database';
import { receiveBatch } from '../src/ledger/carriers/carrier-intake';
import { lend, returnLoan } from '../src/ledger/carriers/carrier-movements';
import { listCarriers, type CarrierListQuery } from '../src/ledger/carriers/carrier-queries';
import type { LedgerContext } from '../src/ledger/carriers/carrier-transition';
import { registerPerson } from '../src/ledger/people/people';
import { DEFAULT_SETTINGS } from '../src/settings/settings-schema';
import { registerCabinet } from '../src/ledger/cabinets/cabinets';
import type { Level } from '../src/ledger/classification/levels';

const CARRIERS = Number(process.env.BENCH_CARRIERS ?? 100_000);
const BATCH = 200;
const RUNS = 30;
const TODAY = '2026-11-20';
const migrations = loadMigrations(resolve(import.meta.dirname, '../migrations'));

const WORDS = ['关于', '加强', '保密', '管理', '工作', '通知', '意见', '方案', '报告', '年度', '专项', '检查', '部署', '规划', '会议', '纪要', '国防', '科研', '项目', '技术'];
const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
const titleFor = (i: number) => `${pick(WORDS, i)}${pick(WORDS, i * 7 + 3)}${pick(WORDS, i * 13 + 5)}${pick(WORDS, i * 3 + 1)}第${i}号`;

function build(db: Db): { ms: number; events: number } {
  const t0 = performance.now();
  migrate(db, migrations);
  const ctx: LedgerContext = { db, at: `${TODAY}T02:00:00.000Z`, today: TODAY, actor: '张保密', settings: DEFAULT_SETTINGS };
  const people = Array.from({ length: 50 }, (_, i) => registerPerson(db, ctx.at, '张保密', { name: `人员${i}`, department: `处室${i % 8}`, clearance: 'general' }));
  const cabinets = Array.from({ length: 20 }, (_, i) => registerCabinet(db, ctx.at, '张保密', { name: `${i + 1}号保密柜` }));
  const ids: string[] = [];
  const levels: Level[] = ['jimi', 'mimi', 'mimi', 'jimi', 'juemi', 'mimi', 'neibu'];
  // Commit in chunks: the build is about volume, not about 500,000 separate fsyncs.
  for (let start = 0; start < CARRIERS; start += BATCH) {
    db.transaction(() => {
      const items = Array.from({ length: Math.min(BATCH, CARRIERS - start) }, (_, k) => {
        const i = start + k;
        return {
          docNo: `某发〔${2016 + (i % 10)}〕${i}号`,
          title: titleFor(i),
          carrierType: 'paper' as const,
          issuer: `来文单位${i % 40}`,
          level: pick(levels, i),
          classifiedOn: `${2016 + (i % 10)}-0${1 + (i % 9)}-15`,
          copies: 1 + (i % 3),
          copyNumbers: String(1 + (i % 20)).padStart(3, '0'),
          custodianId: pick(people, i).id,
          cabinetId: pick(cabinets, i).id,
        };
      });
      const got = receiveBatch({ ...ctx, today: TODAY }, { receivedOn: `2026-${String(1 + (start / BATCH) % 10).padStart(2, '0')}-10`, receiverId: people[0]!.id, items });
      ids.push(...got.map((c) => c.id));
    })();
  }
  // Four more events per carrier: lend, return, lend, return (the last loan left open on every 10th).
  for (let start = 0; start < ids.length; start += 1000) {
    db.transaction(() => {
      for (const [k, id] of ids.slice(start, start + 1000).entries()) {
        const i = start + k;
        const borrower = pick(people, i + 1);
        const loan = { carrierId: id, occurredOn: '2026-11-01', borrowerId: borrower.id, reason: '阅办', dueOn: '2026-11-10', approval: { approver: { name: '王处长' }, role: 'leader' as const, approvedOn: '2026-11-01' } };
        lend(ctx, loan);
        returnLoan(ctx, { carrierId: id, occurredOn: '2026-11-05', intact: true, checkedBy: { name: '张保密' } });
        lend(ctx, { ...loan, occurredOn: '2026-11-15', dueOn: '2026-11-18' });
        if (i % 10 !== 0) returnLoan(ctx, { carrierId: id, occurredOn: '2026-11-16', intact: true, checkedBy: { name: '张保密' } });
      }
    })();
  }
  const events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  return { ms: performance.now() - t0, events };
}

const QUERIES: [string, CarrierListQuery][] = [
  ['first page, newest first', {}],
  ['filter 密级=机密', { levels: ['jimi'] }],
  ['filter 状态=借出 + 保管人', { states: ['lent'], custodianId: undefined }],
  ['filter 存放位置 + 类型', { types: ['paper'] }],
  ['term ending within 90 days', { termEndingWithinDays: 90 }],
  ['overdue loans', { overdueOnly: true }],
  ['search number "zt-2026-0512"', { search: 'zt-2026-0512' }],
  ['search Chinese "保密管理"', { search: '保密管理' }],
  ['search Chinese "第4711"', { search: '第4711' }],
  ['search 文号 "某发〔2019〕"', { search: '某发〔2019〕' }],
  ['search + 密级 + sort by title', { search: '通知', levels: ['mimi'], sort: 'title', descending: false }],
  // A later page: the list already knows the total from the first page.
  ['deep page (offset 50,000)', { offset: 50_000, withTotal: false }],
];

function measure(db: Db): number[] {
  return QUERIES.map(([, q]) => {
    const times: number[] = [];
    for (let r = 0; r < RUNS + 3; r++) {
      const t = performance.now();
      listCarriers(db, TODAY, { ...q, limit: 100 });
      if (r >= 3) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? 0;
  });
}

function openPlain(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  tuneConnection(db);
  return db;
}

// BENCH_KEEP=<dir> keeps (and reuses) the built databases, to re-time queries while tuning.
const keep = process.env.BENCH_KEEP;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'baomi-bench-'));
const KEY = keep ? Buffer.alloc(32, 7) : randomBytes(32);
const reuse = keep !== undefined && existsSync(join(dir, 'plain.db'));
try {
  console.log(`保密台账 bench: ${CARRIERS.toLocaleString()} carriers, ~${(CARRIERS * 5).toLocaleString()} events, median of ${RUNS} runs, limit 100 rows\n`);
  if (keep) mkdirSync(dir, { recursive: true });
  const enc = openCipherDatabase(join(dir, 'enc.db'), KEY);
  const plain = openPlain(join(dir, 'plain.db'));
  if (reuse) {
    migrate(enc, migrations);
    migrate(plain, migrations);
    console.log(`reusing the databases in ${dir}\n`);
  } else {
    const be = build(enc);
    console.log(`built encrypted: ${be.events.toLocaleString()} events in ${(be.ms / 1000).toFixed(1)} s (${statSync(join(dir, 'enc.db')).size >> 20} MiB + WAL)`);
    const bp = build(plain);
    console.log(`built plain:     ${bp.events.toLocaleString()} events in ${(bp.ms / 1000).toFixed(1)} s\n`);
  }
  const me = measure(enc);
  const mp = measure(plain);
  const rows = QUERIES.map(([name], i) => ({
    query: name,
    'encrypted ms': me[i]!.toFixed(2),
    'plain ms': mp[i]!.toFixed(2),
    ratio: (me[i]! / Math.max(mp[i]!, 0.001)).toFixed(2),
  }));
  console.table(rows);
  const worst = Math.max(...me);
  const sumE = me.reduce((a, b) => a + b, 0);
  const sumP = mp.reduce((a, b) => a + b, 0);
  console.log(`\nslowest encrypted query: ${worst.toFixed(2)} ms (target < 50 ms) ${worst < 50 ? 'OK' : 'OVER'}`);
  console.log(`encrypted/plain over all queries: ${(sumE / sumP).toFixed(2)}x (target <= 1.3x) ${sumE / sumP <= 1.3 ? 'OK' : 'OVER'}`);
  enc.close();
  plain.close();
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
