import { existsSync } from 'node:fs';
import { join } from 'node:path';

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

/** A vault exists only when both halves do: the key slots are written last at creation. */
export const vaultExists = (p: VaultPaths): boolean => existsSync(p.database) && existsSync(p.keySlots);
