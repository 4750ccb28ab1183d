import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log';
import { loadMigrations, schemaVersion } from '../db/migrate';
import { openCipherDatabase } from '../db/open-database';
import { MIGRATIONS_DIR } from '../testing/temp-vault';
import { initialiseDatabase, newDataKey, openVault } from './open-vault';

const all = loadMigrations(MIGRATIONS_DIR);
const NOW = '2026-11-22T09:00:00.000Z';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baomi-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A vault written by an older app version: every migration but the last. */
function olderVault(): { file: string; key: Buffer } {
  const file = join(dir, 'ledger.db');
  const key = newDataKey();
  initialiseDatabase(file, key, all.slice(0, -1), { vaultId: 'v', unitName: '某单位', officerName: '张保密', createdAt: NOW });
  return { file, key };
}

describe('opening a vault from an older version', () => {
  it('records vault.migrated in the migration’s own transaction, before the checks run', async () => {
    const { file, key } = olderVault();
    const vault = await openVault(file, key, all, NOW);
    try {
      expect(vault.migratedFrom).toBe(all.length - 1);
      const entry = listAudit(vault.db, 5).find((e) => e.action === 'vault.migrated');
      expect(entry?.payload).toEqual({ from: all.length - 1, to: all.length });
      expect(vault.chain.ok).toBe(true);
    } finally {
      vault.db.close();
    }
  });

  it('a migration that fails records nothing and leaves the version as it was', async () => {
    const { file, key } = olderVault();
    const broken = [...all.slice(0, -1), { version: all.length, name: 'broken', sql: 'SELECT no_such_fn();' }];
    await expect(openVault(file, key, broken, NOW)).rejects.toThrow();
    const db = openCipherDatabase(file, key);
    try {
      expect(schemaVersion(db)).toBe(all.length - 1);
      expect(listAudit(db, 5).map((e) => e.action)).toEqual(['vault.created']);
    } finally {
      db.close();
    }
  });
});
