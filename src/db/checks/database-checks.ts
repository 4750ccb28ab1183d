import { threadId } from 'node:worker_threads';
import type { ChainVerification } from '../../api/types';
import { verifyChain } from '../../audit/audit-log';
import { AppError } from '../../errors/app-error';
import { withGuards } from '../append-only-guards';
import { openCipherDatabase } from '../open-database';

export interface BackupCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * One of the two long checks of a ledger database (a backup's copy at a test restore, the
 * vault at unlock), each on its own read-only connection so that they can run at once, in
 * worker threads (check-runner.ts). Plain data in and out: a job crosses a thread boundary.
 */
export interface DatabaseCheckJob {
  kind: 'structure' | 'chain';
  file: string;
  /**
   * A copy of the data key for this job alone: bytes, not hex text, so that it can be wiped.
   * It crosses to the worker as a copy, and each copy is zeroed once the database is open.
   */
  key: Uint8Array;
  /** What a backup's manifest says; a vault at unlock has nothing to compare with. */
  expected: { chainHead: { seq: number; hash: string }; counts: Record<string, number> } | null;
  now: string;
}

export interface DatabaseCheckResult {
  checks: BackupCheck[];
  /** quick_check's rows (structure), the chain's verification (chain); null if it did not run. */
  quickCheck: string[] | null;
  chain: ChainVerification | null;
  /** The worker thread that ran it; 0 when it ran on the main thread. */
  threadId: number;
}

export const OPEN_CHECK = '打开数据库';

/** `onChain` hears how many audit entries the chain check has verified so far. */
export function runDatabaseCheck(job: DatabaseCheckJob, onChain?: (checked: number) => void): DatabaseCheckResult {
  const checks: BackupCheck[] = [];
  const add = (name: string, ok: boolean, detail = '') => checks.push({ name, ok, detail });
  let chain: ChainVerification | null = null;
  let quickCheck: string[] | null = null;
  try {
    let db;
    try {
      db = openCipherDatabase(job.file, Buffer.from(job.key.buffer, job.key.byteOffset, job.key.byteLength), { readonly: true });
    } finally {
      job.key.fill(0);
    }
    // Both checks read the file once, front to back: a big page cache would only hold
    // pages that are never read again.
    db.pragma('cache_size = -32768');
    try {
      if (job.kind === 'structure') {
        quickCheck = withGuards(db, (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check));
        add('quick_check', quickCheck.join() === 'ok', quickCheck.join('；'));
      } else {
        chain = verifyChain(db, job.now, undefined, onChain);
        const head = job.expected?.chainHead ?? chain.head;
        add('审计链', chain.ok && chain.head.seq === head.seq && chain.head.hash === head.hash, chain.ok ? `#${chain.head.seq} ${chain.head.shortHash}` : (chain.reason ?? ''));
        for (const [table, n] of Object.entries(job.expected?.counts ?? {})) {
          const got = (db.prepare(`SELECT count(*) AS n FROM ${table.replace(/[^a-z_]/g, '')}`).get() as { n: number }).n;
          if (got !== n) add(`记录数 ${table}`, false, `${got} ≠ ${n}`);
        }
      }
    } finally {
      db.close();
    }
  } catch (e) {
    add(OPEN_CHECK, false, e instanceof AppError ? e.message : (e as Error).message);
  }
  return { checks, quickCheck, chain, threadId };
}
