import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServices, type Services } from '../app/create-services';
import type { KdfParams } from '../vault/key-slots';
import { ManualClock } from './manual-clock';

/** Cheap scrypt for unit tests only; the product's parameters live in DEFAULT_KDF. */
export const TEST_KDF: KdfParams = { N: 2 ** 10, r: 8, p: 1 };
export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../migrations');
export const GOOD_PASSPHRASE = 'Baomi#2026ok';

export interface TempVault {
  dir: string;
  clock: ManualClock;
  services: Services;
  cleanup(): void;
}

export function tempVault(opts: { dir?: string } = {}): TempVault {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'baomi-vault-'));
  const clock = new ManualClock();
  const services = createServices({ vaultDir: dir, migrationsDir: MIGRATIONS_DIR, clock, kdf: TEST_KDF });
  return {
    dir,
    clock,
    services,
    cleanup: () => {
      services.dispose();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createdVault(): Promise<TempVault & { recoveryKey: string }> {
  const v = tempVault();
  const { recoveryKey } = await v.services.vault.create({
    unitName: '某市保密局',
    officerName: '张保密',
    passphrase: GOOD_PASSPHRASE,
  });
  return { ...v, recoveryKey };
}
