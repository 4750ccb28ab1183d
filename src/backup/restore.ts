import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../errors/app-error';
import { fsyncDir, fsyncFile, writeFileAtomic } from '../fs/atomic-write';
import { sha256File } from '../fs/file-streams';
import type { VaultPaths } from '../vault/vault-paths';
import { FILES, type Manifest } from './backup-format';

export const RESTORE_MARKER = 'restore-in-progress.json';
const STAGED = '.restore-tmp';

export type RestoreStep = 'saved-current' | 'staged' | 'marked' | 'keyslots-swapped' | 'swapped';

/** What the test restore found in the backup's manifest, which the swapped-in files must match. */
export interface RestoreExpectation {
  ledgerSha256: string;
  keySlotsSha256: string;
  chainHead: { seq: number; hash: string };
}

export const expectationOf = (m: Manifest): RestoreExpectation => ({ ledgerSha256: m.files.ledger.sha256, keySlotsSha256: m.files.keySlots.sha256, chainHead: m.chainHead });

interface Marker {
  preRestoreDir: string;
  startedAt: string;
  backupDir: string;
}

/**
 * The swap's copies run in the thread pool, so the window can show the restore's progress
 * meanwhile; the rollback (also run at start-up, before anything else) stays synchronous.
 */
async function copyDurable(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const h = await open(to, 'r+');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
  fsyncDir(dirname(to));
}

function copyDurableSync(from: string, to: string): void {
  copyFileSync(from, to);
  // Synced in place rather than rewritten from memory: a large ledger stays out of RAM.
  fsyncFile(to);
  fsyncDir(dirname(to));
}

/**
 * Swaps a verified backup in for the vault's files. The current vault is copied aside first,
 * the new files are staged next to the old ones, and a marker is written before anything
 * is replaced: if the process dies in between, `recoverInterruptedRestore` puts the old
 * vault back at the next start. The vault must be locked (database closed) by the caller.
 */
export async function swapInBackup(paths: VaultPaths, backupDir: string, now: string, expected: RestoreExpectation, hook: (s: RestoreStep) => void = () => {}): Promise<Marker> {
  const preRestoreDir = join(paths.dir, `pre-restore-${now.replace(/[-:.]/g, '').slice(0, 15)}`);
  const stagedLedger = paths.database + STAGED;
  const stagedSlots = paths.keySlots + STAGED;
  try {
    mkdirSync(preRestoreDir, { recursive: true, mode: 0o700 });
    await copyDurable(paths.database, join(preRestoreDir, FILES.ledger));
    await copyDurable(paths.keySlots, join(preRestoreDir, FILES.keySlots));
    hook('saved-current');
    await copyDurable(join(backupDir, FILES.ledger), stagedLedger);
    await copyDurable(join(backupDir, FILES.keySlots), stagedSlots);
    hook('staged');
    // The test restore checked its own private copy; these bytes came off the medium again
    // and must be the very ones it checked (a file swapped on the medium meanwhile is not).
    for (const [file, sha256] of [[stagedLedger, expected.ledgerSha256], [stagedSlots, expected.keySlotsSha256]] as const) {
      if ((await sha256File(file)).sha256 !== sha256) {
        throw new AppError('BACKUP_INVALID', `备份文件 ${basename(file, STAGED)} 在校验之后被改动，未恢复`);
      }
    }
  } catch (e) {
    // Nothing has been replaced yet: the vault is as it was; what was copied for the swap goes.
    for (const f of [stagedLedger, stagedSlots]) rmSync(f, { force: true });
    rmSync(preRestoreDir, { recursive: true, force: true });
    throw e;
  }
  const marker: Marker = { preRestoreDir, startedAt: now, backupDir };
  writeFileAtomic(join(paths.dir, RESTORE_MARKER), JSON.stringify(marker));
  hook('marked');
  for (const suffix of ['-wal', '-shm']) rmSync(paths.database + suffix, { force: true });
  renameSync(stagedSlots, paths.keySlots);
  hook('keyslots-swapped');
  renameSync(stagedLedger, paths.database);
  fsyncDir(paths.dir);
  hook('swapped');
  return marker;
}

/** The restored vault opened and verified: the old copy stays aside, the marker goes. */
export function completeRestore(paths: VaultPaths): void {
  rmSync(join(paths.dir, RESTORE_MARKER), { force: true });
  fsyncDir(paths.dir);
}

/** Puts the pre-restore vault back (after a failed check, or a restore cut short). */
export function rollbackRestore(paths: VaultPaths): boolean {
  const file = join(paths.dir, RESTORE_MARKER);
  if (!existsSync(file)) return false;
  const marker = JSON.parse(readFileSync(file, 'utf8')) as Marker;
  for (const suffix of ['-wal', '-shm']) rmSync(paths.database + suffix, { force: true });
  copyDurableSync(join(marker.preRestoreDir, FILES.ledger), paths.database + STAGED);
  copyDurableSync(join(marker.preRestoreDir, FILES.keySlots), paths.keySlots + STAGED);
  renameSync(paths.keySlots + STAGED, paths.keySlots);
  renameSync(paths.database + STAGED, paths.database);
  rmSync(file, { force: true });
  fsyncDir(paths.dir);
  return true;
}

export const restoreInterrupted = (paths: VaultPaths): boolean => existsSync(join(paths.dir, RESTORE_MARKER));
