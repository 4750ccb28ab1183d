import { randomBytes, randomUUID } from 'node:crypto';
import type { ChainVerification, IntegrityReport } from '../api/types';
import { appendAudit } from '../audit/audit-log';
import { migrate, schemaVersion, type Migration } from '../db/migrate';
import { openCipherDatabase, type Db } from '../db/open-database';
import { checkVault, type CheckProgress } from './vault-checks';

export interface VaultMeta {
  vaultId: string;
  unitName: string;
  officerName: string;
  createdAt: string;
}

/** An unlocked vault: held only by the vault service, dropped (and the key zeroed) on lock. */
export interface OpenVault {
  db: Db;
  dataKey: Buffer;
  meta: VaultMeta;
  integrity: IntegrityReport;
  chain: ChainVerification;
  unlockedAt: string;
  schemaVersion: number;
  /** Schema version before this unlock's migrations (equal to schemaVersion if none ran). */
  migratedFrom: number;
  /** The chain head when the vault was opened: entries after it belong to this session. */
  sessionFromSeq: number;
}

export const newDataKey = (): Buffer => randomBytes(32);
export const newVaultId = (): string => randomUUID();

/** Creates the database file with its schema, identity and the first audit entry. */
export function initialiseDatabase(file: string, dataKey: Buffer, migrations: Migration[], meta: VaultMeta): void {
  const db = openCipherDatabase(file, dataKey);
  try {
    migrate(db, migrations);
    db.transaction(() => {
      db.prepare(
        'INSERT INTO vault_meta (id, vault_id, unit_name, officer_name, created_at) VALUES (1, ?, ?, ?, ?)',
      ).run(meta.vaultId, meta.unitName, meta.officerName, meta.createdAt);
      appendAudit(db, meta.createdAt, {
        actor: meta.officerName,
        action: 'vault.created',
        subject: meta.vaultId,
        payload: { unitName: meta.unitName, officerName: meta.officerName, schemaVersion: schemaVersion(db) },
      });
    }).immediate();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

export function readMeta(db: Db): VaultMeta {
  const row = db.prepare('SELECT vault_id, unit_name, officer_name, created_at FROM vault_meta WHERE id = 1').get() as
    | { vault_id: string; unit_name: string; officer_name: string; created_at: string }
    | undefined;
  if (!row) throw new Error('vault_meta is missing');
  return { vaultId: row.vault_id, unitName: row.unit_name, officerName: row.officer_name, createdAt: row.created_at };
}

/** Opens, migrates and checks; nothing is written before the schema version is accepted. */
export async function openVault(file: string, dataKey: Buffer, migrations: Migration[], now: string, onProgress?: CheckProgress): Promise<OpenVault> {
  const db = openCipherDatabase(file, dataKey);
  try {
    const { from } = migrate(db, migrations, (before, after) =>
      appendAudit(db, now, { actor: 'system', action: 'vault.migrated', payload: { from: before, to: after } }),
    );
    const { integrity, chain } = await checkVault(db, file, dataKey, now, onProgress);
    return { db, migratedFrom: from, dataKey, meta: readMeta(db), integrity, chain, unlockedAt: now, schemaVersion: schemaVersion(db), sessionFromSeq: chain.head.seq };
  } catch (e) {
    db.close();
    throw e;
  }
}
