import { statSync } from 'node:fs';
import type { ChainVerification, IntegrityReport } from '../api/types';
import { chainHead, verifyChain } from '../audit/audit-log';
import { withGuards } from '../db/append-only-guards';
import { cipherIntegrityCheck } from '../db/cipher-integrity';
import { chainFraction, startDatabaseChecks } from '../db/checks/check-runner';
import type { Db } from '../db/open-database';
import type { ReportProgress } from '../jobs/job-progress';

export type CheckPhase = 'pages' | 'checks';
export type CheckProgress = ReportProgress<CheckPhase>;

/**
 * The unlock checks: every page's HMAC, quick_check and the whole audit chain. quick_check
 * and the chain run in worker threads on read-only connections while this thread reads the
 * file for the HMACs: for 100,000 carriers 10.4 s instead of 17.4 s one after another
 * (npm run bench:unlock), and the window is not frozen meanwhile. A check a worker could not run is run here, on the vault's own
 * connection: never skipped.
 */
export async function checkVault(db: Db, file: string, dataKey: Buffer, now: string, onProgress: CheckProgress = () => {}): Promise<{ integrity: IntegrityReport; chain: ChainVerification }> {
  // Every page in the main file, so that the HMAC pass sees the whole ledger.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const size = statSync(file).size;
  const entries = chainHead(db).seq;
  let phase: 'pages' | 'checks' = 'pages';
  // The chain worker runs during the pages too: the bar starts where it already is.
  let chainChecked = 0;
  const onChain = (checked: number) => {
    chainChecked = checked;
    if (phase === 'checks') onProgress({ phase, fraction: chainFraction(chainChecked, entries) });
  };
  const running = startDatabaseChecks((['structure', 'chain'] as const).map((kind) => ({ kind, file, key: new Uint8Array(dataKey), expected: null, now })), { onChain });
  try {
    onProgress({ phase, fraction: 0 });
    const cipher = await cipherIntegrityCheck(file, dataKey, (bytes) => onProgress({ phase: 'pages', fraction: size ? Math.min(1, bytes / size) : 1 }));
    phase = 'checks';
    onProgress({ phase, fraction: chainFraction(chainChecked, entries) });
    const [structure, chained] = await running.results();
    const quickCheck = structure?.quickCheck ?? withGuards(db, (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check));
    const chain = chained?.chain ?? verifyChain(db, now);
    return {
      integrity: { cipherOk: cipher.ok, cipherPagesChecked: cipher.pagesChecked, cipherErrors: cipher.errors, quickCheck, checkedAt: now },
      chain,
    };
  } finally {
    await running.cancel();
  }
}
