import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VaultState } from '../api/types';

export interface VaultPaths {
  dir: string;
  database: string;
  keySlots: string;
  unlockFailures: string;
  lock: string;
}

export const vaultPaths = (dir: string): VaultPaths => ({
  dir,
  database: join(dir, 'ledger.db'),
  keySlots: join(dir, 'keyslots.json'),
  unlockFailures: join(dir, 'unlock-failures.json'),
  lock: join(dir, 'vault.lock'),
});

/**
 * What the folder holds: no ledger, a whole vault, or a ledger that cannot be opened as it
 * is but must never be replaced by a new one. A ledger without its key slots can still be
 * read with a backup's keyslots.json, which wraps the same data key.
 */
export type VaultFiles = 'none' | 'complete' | 'keyslots-missing' | 'database-missing';

/** Any file of a ledger: its WAL alone may hold commits the main file lacks. */
export const ledgerPresent = (p: VaultPaths): boolean => existsSync(p.database) || existsSync(`${p.database}-wal`);

export function vaultFiles(p: VaultPaths): VaultFiles {
  if (!ledgerPresent(p)) return 'none';
  if (!existsSync(p.database)) return 'database-missing';
  // The key slots are written last at creation, but before the database takes its name.
  return existsSync(p.keySlots) ? 'complete' : 'keyslots-missing';
}

/** The state a locked vault service reports for these files. */
export const STATE_OF_FILES: Readonly<Record<VaultFiles, VaultState>> = { none: 'none', complete: 'locked', 'keyslots-missing': 'damaged', 'database-missing': 'damaged' };

/** Why a damaged vault cannot be opened, and what the officer must (and must not) do. */
export const DAMAGED_VAULT_TEXT: Readonly<Record<Exclude<VaultFiles, 'none' | 'complete'>, string>> = {
  'keyslots-missing':
    '台账数据库存在，但密钥槽文件 keyslots.json 缺失，无法解锁。本台账备份中的 keyslots.json 包裹的是同一密钥：请从备份恢复密钥槽文件（之后用备份时的口令或恢复密钥解锁），或联系技术支持；不要新建台账，否则现有台账将被覆盖。',
  'database-missing':
    '台账数据库文件 ledger.db 缺失，只剩下其日志文件 ledger.db-wal，无法解锁。请联系技术支持，或从备份恢复台账；不要新建台账，否则日志中的记录将丢失。',
};

export const damageOf = (files: VaultFiles): string | null => (files === 'none' || files === 'complete' ? null : DAMAGED_VAULT_TEXT[files]);

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
