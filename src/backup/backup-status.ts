import { join } from 'node:path';
import dayjs from 'dayjs';
import { chainHead } from '../audit/audit-log';
import type { Db } from '../db/open-database';
import { sql } from '../db/statements';
import type { LedgerContext } from '../ledger/ledger-context';
import { listBackupDirs, readManifest } from './backup-format';

export interface BackupStatus {
  lastBackupAt: string | null;
  lastVerifiedAt: string | null;
  lastVerifiedOk: boolean | null;
  mediumNumber: string | null;
  /** Days since the last backup that was verified sound; null when there is none. */
  ageDays: number | null;
  /** No verified backup within the unit's maximum age (default 7 days). */
  stale: boolean;
  maxAgeDays: number;
  retention: number;
}

export interface BackupListing {
  name: string;
  createdAt: string;
  bytes: number;
  chainSeq: number;
  verifiedAt: string | null;
  verifiedOk: boolean | null;
}

export interface VaultFacts {
  counts: Record<string, number>;
  chainHead: { seq: number; hash: string };
  lastEventAt: string | null;
}

/** The home page's and the monthly checklist's view of backups. */
export function readBackupStatus(ctx: LedgerContext): BackupStatus {
  // A backup on a medium reported lost or destroyed (MEDIUM_GONE_STATES) is not one the
  // unit has: it can neither be restored nor vouch for the ledger. Nor is one deleted
  // by retention: its last test says nothing about what the medium holds now.
  const held = "JOIN media m ON m.id = b.medium_id AND m.state NOT IN ('destroyed', 'lost') WHERE b.deleted_at IS NULL";
  const last = sql(ctx.db, `SELECT max(b.created_at) AS at FROM backups b ${held}`).get() as { at: string | null };
  const verified = sql(ctx.db, `SELECT b.verified_at, b.verified_ok, b.created_at, m.number FROM backups b ${held}
    AND b.verified_at IS NOT NULL ORDER BY b.verified_at DESC LIMIT 1`).get() as { verified_at: string; verified_ok: number; created_at: string; number: string } | undefined;
  const goodAge = sql(ctx.db, `SELECT max(b.created_at) AS at FROM backups b ${held} AND b.verified_ok = 1`).get() as { at: string | null };
  const ageDays = goodAge.at ? dayjs(ctx.at).diff(dayjs(goodAge.at), 'day') : null;
  return {
    lastBackupAt: last.at,
    lastVerifiedAt: verified?.verified_at ?? null,
    lastVerifiedOk: verified ? verified.verified_ok === 1 : null,
    mediumNumber: verified?.number ?? null,
    ageDays,
    stale: ageDays === null || ageDays > ctx.settings.backupMaxAgeDays,
    maxAgeDays: ctx.settings.backupMaxAgeDays,
    retention: ctx.settings.backupRetention,
  };
}

const COUNTED = ['carriers', 'computers', 'media', 'people'] as const;

/**
 * Counts, chain head and last event of a ledger database: the current vault beside a backup,
 * and what a backup's manifest says (read inside its snapshot). Events and audit entries are
 * numbered without gaps (the chain and the triggers see to it), so the last number is the
 * count: no scan of hundreds of MB of encrypted pages.
 */
export function readVaultFacts(db: Db): VaultFacts {
  const count = (t: string) => (sql(db, `SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  const head = chainHead(db);
  const lastEvent = sql(db, 'SELECT id, at FROM events ORDER BY id DESC LIMIT 1').get() as { id: number; at: string } | undefined;
  return {
    counts: { ...Object.fromEntries(COUNTED.map((t) => [t, count(t)])), events: lastEvent?.id ?? 0, audit_log: head.seq },
    chainHead: { seq: head.seq, hash: head.hash },
    lastEventAt: lastEvent?.at ?? null,
  };
}

/** The backups in a medium's backup folder, newest first, with what the ledger knows of their tests. */
export function listBackups(db: Db, root: string): BackupListing[] {
  return listBackupDirs(root).map((name) => {
    const m = readManifest(join(root, name));
    const row = sql(db, 'SELECT verified_at, verified_ok FROM backups WHERE name = ?').get(name) as { verified_at: string | null; verified_ok: number | null } | undefined;
    return { name, createdAt: m?.createdAt ?? '', bytes: m?.files.ledger.bytes ?? 0, chainSeq: m?.chainHead.seq ?? 0, verifiedAt: row?.verified_at ?? null, verifiedOk: row?.verified_ok == null ? null : row.verified_ok === 1 };
  });
}
