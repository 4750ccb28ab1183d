/**
 * npm run bench:unlock: the unlock checks (page HMACs, quick_check, audit chain) of the
 * large vault kept by `BENCH_KEEP=<dir> npm run bench`, as the app runs them (two worker
 * threads beside the HMAC pass) against the same three run one after another.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { verifyChain } from '../src/audit/audit-log';
import { cipherIntegrityCheck } from '../src/db/cipher-integrity';
import { openCipherDatabase } from '../src/db/open-database';
import { checkVault } from '../src/vault/vault-checks';

const keep = process.env.BENCH_KEEP;
if (!keep || !existsSync(join(keep, 'enc.db'))) {
  console.error('Run `BENCH_KEEP=/tmp/bench-keep npm run bench` first, then `BENCH_KEEP=/tmp/bench-keep npm run bench:unlock`.');
  process.exit(2);
}
const KEY = Buffer.alloc(32, 7);
const file = join(keep, 'enc.db');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const db = openCipherDatabase(file, KEY);
try {
  let t = performance.now();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pages = await cipherIntegrityCheck(file, KEY);
  const quick = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  const chain = verifyChain(db, new Date().toISOString());
  const sequentialMs = performance.now() - t;
  t = performance.now();
  const app = await checkVault(db, file, KEY, new Date().toISOString());
  const parallelMs = performance.now() - t;
  const same = app.integrity.cipherOk === pages.ok && app.integrity.quickCheck.join() === quick.join() && app.chain.ok === chain.ok && app.chain.checked === chain.checked;
  console.table([
    { checks: `one after another (${pages.pagesChecked} pages, ${chain.checked} audit entries)`, time: seconds(sequentialMs) },
    { checks: 'as the app unlocks (quick_check and chain in workers)', time: seconds(parallelMs) },
  ]);
  console.log(`same results: ${same ? 'yes' : 'NO'}`);
} finally {
  db.close();
}
