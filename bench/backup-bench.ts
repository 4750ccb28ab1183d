/**
 * npm run bench:backup: backup and verify of a large vault against a plain copy of the same
 * bytes. Uses the encrypted database kept by `BENCH_KEEP=<dir> npm run bench` (100,000
 * carriers, ~500,000 events); without one it builds a smaller vault first.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBackup } from '../src/backup/backup-verify';
import { writeBackup } from '../src/backup/backup-writer';
import { evictLinuxCache } from '../main/volumes/evict-cache';
import { loadMigrations, migrate } from '../src/db/migrate';
import { openCipherDatabase } from '../src/db/open-database';
import { fsyncFile } from '../src/fs/atomic-write';
import { DEFAULT_KDF, wrapKey } from '../src/vault/key-slots';

const keep = process.env.BENCH_KEEP;
if (!keep || !existsSync(join(keep, 'enc.db'))) {
  console.error('Run `BENCH_KEEP=/tmp/bench-keep npm run bench` first, then `BENCH_KEEP=/tmp/bench-keep npm run bench:backup`.');
  process.exit(2);
}
const KEY = Buffer.alloc(32, 7);
const PASS = 'Bench#2026pass';
const work = mkdtempSync(join(tmpdir(), 'baomi-bkbench-'));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
// As the app does on Linux: the read-back is evicted from the page cache first, so it reads the disk.
const EVICT = process.platform === 'linux' ? evictLinuxCache : undefined;

try {
  const dbFile = join(keep, 'enc.db');
  const db = openCipherDatabase(dbFile, KEY);
  // A vault kept from an earlier version lacks the newer migrations, and the test restore
  // checks their guard triggers: it is brought up to date first, as the app does at unlock.
  migrate(db, loadMigrations(join(import.meta.dirname, '..', 'migrations')));
  db.pragma('wal_checkpoint(TRUNCATE)');
  const size = statSync(dbFile).size;
  const slots = { format: 'baomi-keyslots', version: 1, vaultId: 'bench-vault', slots: [await wrapKey('bench-vault', 'passphrase', PASS, KEY, DEFAULT_KDF, new Date().toISOString())] };
  const keySlotsFile = join(work, 'keyslots.json');
  writeFileSync(keySlotsFile, JSON.stringify(slots));
  console.log(`vault database: ${(size / 2 ** 20).toFixed(0)} MiB\n`);

  // Timings on a shared virtual disk swing by 2x from run to run (write-back of earlier
  // runs), so plain copies and backups alternate, ROUNDS times, and medians are compared.
  const plainCopy = () => {
    const t0 = performance.now();
    copyFileSync(dbFile, join(work, 'plain-copy.db'));
    fsyncFile(join(work, 'plain-copy.db'));
    const ms = performance.now() - t0;
    rmSync(join(work, 'plain-copy.db'));
    return ms;
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const volume = join(work, 'volume');
  mkdirSync(volume);
  const copies: number[] = [];
  const backups: number[] = [];
  let dir = '';
  for (let round = 1; round <= ROUNDS; round++) {
    copies.push(plainCopy());
    rmSync(volume, { recursive: true, force: true });
    mkdirSync(volume);
    const phases: string[] = [];
    let phase = 'start';
    let phaseStart = performance.now();
    const t = performance.now();
    const result = await writeBackup(
      { db, dbFile, keySlotsFile, dataKey: KEY, vaultId: 'bench-vault', unitName: 'bench', schemaVersion: 0, appVersion: 'bench' },
      { root: volume, freeBytes: 2 ** 40, medium: { id: 'm', number: 'BF-1' }, level: 'jimi', now: new Date(Date.now() + round * 60_000).toISOString(), evict: EVICT },
      (p) => {
        if (p.phase === phase) return;
        phases.push(`${phase} ${seconds(performance.now() - phaseStart)}`);
        phase = p.phase;
        phaseStart = performance.now();
      },
    );
    backups.push(performance.now() - t);
    dir = result.dir;
    console.log(`round ${round}: plain copy ${seconds(copies.at(-1)!)}, backup ${seconds(backups.at(-1)!)} (${phases.slice(1).join(', ')}; read back from the ${result.readBackFrom})`);
  }
  const copyMs = median(copies);
  const backupMs = median(backups);

  const t = performance.now();
  const report = await verifyBackup(dir, PASS, 'passphrase', new Date().toISOString());
  const verifyMs = performance.now() - t;
  db.close();
  // The floor under any verify: SQLite's quick_check alone, which reads (and so decrypts and
  // HMAC-checks) every page through SQLCipher, on one core, with nothing else running.
  const floor = openCipherDatabase(dbFile, KEY, { readonly: true });
  const tq = performance.now();
  floor.pragma('quick_check');
  const quickCheckMs = performance.now() - tq;
  floor.close();

  console.table([
    { step: `plain copy + fsync (same bytes), median of ${ROUNDS}`, time: seconds(copyMs), ratio: '1.00' },
    { step: `backup (snapshot copy, hash, fsync, read-back), median of ${ROUNDS}`, time: seconds(backupMs), ratio: (backupMs / copyMs).toFixed(2) },
    { step: `verify (scrypt, copy, hash, page HMACs, quick_check, ${report.chain?.checked ?? 0} audit entries)`, time: seconds(verifyMs), ratio: (verifyMs / copyMs).toFixed(2) },
    { step: 'of which must be done: quick_check alone, one core', time: seconds(quickCheckMs), ratio: (quickCheckMs / copyMs).toFixed(2) },
  ]);
  // The strictest reading too: the backup's median against the fastest plain copy seen.
  const strict = backupMs / Math.min(...copies);
  console.log(`\nfastest plain copy ${seconds(Math.min(...copies))}; backup median / fastest copy = ${strict.toFixed(2)}`);
  for (const c of report.checks.filter((x) => !x.ok)) console.log(`verify check failed: ${c.name} ${c.detail}`);
  console.log(`verify ${report.ok ? 'passed' : 'FAILED'}; backup target <= 2x a plain copy: ${backupMs / copyMs <= 2 && strict <= 2 ? 'OK' : 'OVER'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
