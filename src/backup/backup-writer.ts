import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { basename, join } from 'node:path';
import { openCipherDatabase, type Db } from '../db/open-database';
import { AppError } from '../errors/app-error';
import { errorText } from '../errors/error-text';
import { fsyncDir } from '../fs/atomic-write';
import { deriveKey, macOf } from './backup-keys';
import { backupName, FILES, PARTIAL_SUFFIX, type Manifest } from './backup-format';
import { readVaultFacts } from './backup-status';
import { sameBytes, sha256File } from '../fs/file-streams';
import type { ReportProgress } from '../jobs/job-progress';

/** The file operations a backup uses, so that tests can make the target fail mid-write. */
export interface BackupFs {
  mkdir(path: string): Promise<unknown>;
  open(path: string, flags: string): Promise<{ write(buf: Buffer): Promise<unknown>; sync(): Promise<void>; close(): Promise<void> }>;
  /** A whole-file copy by the platform's own path (copy_file_range, CopyFileEx); never overwrites. */
  copyFile(from: string, to: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
}

export const nodeBackupFs: BackupFs = {
  mkdir: (p) => nodeFs.mkdir(p, { recursive: true }),
  open: async (p, flags) => {
    const h = await nodeFs.open(p, flags, 0o600);
    return { write: (b) => h.write(b), sync: () => h.sync(), close: () => h.close() };
  },
  copyFile: (a, b) => nodeFs.copyFile(a, b, constants.COPYFILE_EXCL),
  rename: (a, b) => nodeFs.rename(a, b),
  rm: (p) => nodeFs.rm(p, { recursive: true, force: true }),
};

export type WritePhase = 'snapshot' | 'copy' | 'verify' | 'done';
export type Progress = ReportProgress<WritePhase>;

/** Where a read of files just written came from: the medium, or possibly the OS's cache. */
export type ReadBackSource = 'medium' | 'cache';

/**
 * Evicts a backup folder's database and key slots from the OS cache, so that the next read
 * comes off the medium; 'medium' only if both were.
 */
export async function evictBackup(evict: ((file: string) => Promise<boolean>) | undefined, dir: string): Promise<ReadBackSource> {
  if (!evict) return 'cache';
  const evicted = await Promise.all([FILES.ledger, FILES.keySlots].map((f) => evict(join(dir, f)).catch(() => false)));
  return evicted.every(Boolean) ? 'medium' : 'cache';
}

export interface BackupSource {
  db: Db;
  dbFile: string;
  keySlotsFile: string;
  dataKey: Buffer;
  vaultId: string;
  unitName: string;
  schemaVersion: number;
  appVersion: string;
}

/**
 * Writes a backup folder under `root`: a byte copy of the encrypted database taken while a
 * second connection holds a read snapshot (after a full checkpoint nothing is backfilled
 * into the file while that snapshot lives, so the copy is consistent and the officer can
 * go on working), the key slots, and the authenticated manifest, last. The folder is named
 * `.partial` until everything is on the medium: the copy is fsynced, evicted from the cache
 * and read back off the medium, compared with the database byte for byte (still under the
 * same snapshot) and hashed on the way; only then is the manifest written, fsynced and the
 * folder renamed. A backup whose read-back failed never gets its final name, and the kernel
 * copies the bytes alone, as fast as a plain copy (npm run bench:backup).
 */
export async function writeBackup(
  src: BackupSource,
  target: { root: string; freeBytes: number; medium: { id: string; number: string }; level: string; now: string; evict?: ((file: string) => Promise<boolean>) | undefined },
  onProgress: Progress = () => {},
  fs: BackupFs = nodeBackupFs,
): Promise<{ name: string; dir: string; manifest: Manifest; readBackFrom: ReadBackSource }> {
  const name = backupName(target.now, src.vaultId);
  const partial = join(target.root, `${name}${PARTIAL_SUFFIX}`);
  const finalDir = join(target.root, name);
  onProgress({ phase: 'snapshot', fraction: 0 });
  // The copy takes the database file alone: every commit must be in it, none left in the
  // WAL. A checkpoint held up by a reader would leave the manifest (read through the WAL)
  // describing more than the bytes copied, and the read-back could not tell.
  const [cp] = src.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (!cp || cp.busy !== 0 || cp.log !== cp.checkpointed) {
    throw new AppError('BACKUP_FAILED', '台账正被读取，未能建立一致的快照；请稍后再试。介质未被写入');
  }
  const reader = openCipherDatabase(src.dbFile, src.dataKey, { readonly: true });
  let snapshotOpen = false;
  let renamed = false;
  try {
    reader.prepare('BEGIN').run();
    snapshotOpen = true;
    // Everything the manifest says is read inside the same snapshot as the bytes copied.
    const facts = readVaultFacts(reader);
    const size = (await nodeFs.stat(src.dbFile)).size;
    const keySlots = await nodeFs.readFile(src.keySlotsFile);
    const slotsFile = { bytes: keySlots.length, sha256: createHash('sha256').update(keySlots).digest('hex') };
    if (target.freeBytes < size + keySlots.length + 1_000_000) {
      throw new AppError('BACKUP_FAILED', `备份介质空间不足：需要约 ${Math.ceil(size / 1048576)} MiB，可用 ${Math.floor(target.freeBytes / 1048576)} MiB`);
    }
    await fs.mkdir(partial);
    await copyLedger(src.dbFile, join(partial, FILES.ledger), size, fs, (f) => onProgress({ phase: 'copy', fraction: f }));
    await writeWhole(fs, join(partial, FILES.keySlots), keySlots);
    onProgress({ phase: 'verify', fraction: 0 });
    // Just written, every page is still in memory: a read-back from there would prove only
    // that the copy reached the cache. Evicted first, it has to come off the medium.
    const readBackFrom = await evictBackup(target.evict, partial);
    const ledger = await readBack(partial, src.dbFile, size, slotsFile, (f) => onProgress({ phase: 'verify', fraction: f }));
    const body: Omit<Manifest, 'mac'> = {
      format: 'baomi-backup',
      version: 1,
      vaultId: src.vaultId,
      unitName: src.unitName,
      createdAt: target.now,
      appVersion: src.appVersion,
      schemaVersion: src.schemaVersion,
      ...facts,
      level: target.level,
      medium: target.medium,
      files: { ledger, keySlots: slotsFile },
    };
    const manifest: Manifest = { ...body, mac: macOf(deriveKey(src.dataKey, src.vaultId, 'backup-manifest'), body) };
    await writeWhole(fs, join(partial, FILES.manifest), Buffer.from(JSON.stringify(manifest, null, 2)));
    fsyncDir(partial);
    await fs.rename(partial, finalDir);
    renamed = true;
    fsyncDir(target.root);
    onProgress({ phase: 'done', fraction: 1 });
    return { name, dir: finalDir, manifest, readBackFrom };
  } catch (e) {
    // Nothing that failed may stay looking like a finished backup.
    const removed = await fs.rm(renamed ? finalDir : partial).then(() => true, () => false);
    const left = removed ? '介质上没有留下不完整的备份' : `介质上可能留有未完成的文件夹 ${basename(renamed ? finalDir : partial)}，请删除`;
    if (e instanceof AppError) throw removed ? e : new AppError(e.code, `${e.message}；${left}`);
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? '备份介质空间已满' : code === 'ENOENT' || code === 'EIO' || code === 'ENODEV' ? '备份介质在写入过程中被移除或无法访问' : errorText(e);
    throw new AppError('BACKUP_FAILED', `备份未完成：${why}。台账未受影响，${left}`);
  } finally {
    // A read-only transaction: ending it changes nothing, it only lets checkpoints go on.
    if (snapshotOpen) reader.prepare('ROLLBACK').run();
    reader.close();
  }
}

/**
 * The kernel copies the database (copy_file_range, as fast as a plain copy), then the copy is
 * fsynced. Progress is read off the growing destination file.
 */
async function copyLedger(from: string, to: string, size: number, fs: BackupFs, progress: (f: number) => void): Promise<void> {
  progress(0);
  const poll = setInterval(() => {
    nodeFs.stat(to).then((s) => progress(size ? Math.min(1, s.size / size) : 1), () => undefined);
  }, 200);
  try {
    await fs.copyFile(from, to);
  } finally {
    clearInterval(poll);
  }
  const out = await fs.open(to, 'r+');
  try {
    await out.sync();
  } finally {
    await out.close();
  }
  const copied = (await nodeFs.stat(to)).size;
  if (copied !== size) throw new Error(`database changed size during the copy (${copied} of ${size})`);
  progress(1);
}

async function writeWhole(fs: BackupFs, file: string, data: Buffer): Promise<void> {
  const h = await fs.open(file, 'wx');
  try {
    await h.write(data);
    await h.sync();
  } finally {
    await h.close();
  }
}

/**
 * What was written is read back from the medium: the database must equal the snapshot byte
 * for byte, and the hash the manifest will carry is taken of those very bytes on the way;
 * the key slots must hash as written. The pages' HMACs were checked when the vault was
 * unlocked; checking them in the backup too is the verification ("test restore") step,
 * which the officer runs separately.
 */
async function readBack(dir: string, dbFile: string, size: number, keySlots: { bytes: number; sha256: string }, progress: (f: number) => void): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const same = await sameBytes(dbFile, join(dir, FILES.ledger), (n) => progress(size ? n / size : 1), (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  if (!same || bytes !== size) {
    throw new AppError('BACKUP_FAILED', `备份写入后回读校验失败：${FILES.ledger} 与写入的不一致`);
  }
  const slots = await sha256File(join(dir, FILES.keySlots));
  if (slots.bytes !== keySlots.bytes || slots.sha256 !== keySlots.sha256) {
    throw new AppError('BACKUP_FAILED', `备份写入后回读校验失败：${FILES.keySlots} 与写入的不一致`);
  }
  return { bytes, sha256: hash.digest('hex') };
}
