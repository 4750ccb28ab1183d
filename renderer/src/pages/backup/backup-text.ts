import type { BackupPhase, BackupProgress } from '../../../../src/backup/backup-service';

/** What the backup screens poll while a job runs (see useProgressPoll). */
export const readBackupProgress = () => window.api.backup.progress();

/** The phases backup:progress reports, in the order a backup goes through them. */
export const PHASES = ['snapshot', 'copy', 'verify', 'done'] as const satisfies readonly BackupPhase[];
export type Phase = (typeof PHASES)[number] | 'idle';

export const phaseOf = (p: Pick<BackupProgress, 'phase'>): Phase => ((PHASES as readonly string[]).includes(p.phase) ? (p.phase as Phase) : 'idle');

const clamp = (f: number): number => (Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0);

/**
 * One bar for the whole run. The copy and the read-back off the medium are nearly all of
 * the time, about even (npm run bench:backup: 0.6-0.75 s and 0.86-0.9 s for 773 MiB; a USB
 * stick reads faster than it writes); the snapshot is a checkpoint.
 */
export function overallPercent(p: Pick<BackupProgress, 'phase' | 'fraction'>): number {
  const f = clamp(p.fraction);
  switch (phaseOf(p)) {
    case 'snapshot':
      return 2;
    case 'copy':
      return Math.round(5 + 50 * f);
    case 'verify':
      return Math.round(55 + 44 * f);
    case 'done':
      return 100;
    case 'idle':
      return 0;
  }
}

/** The phases of a test restore (backup-verify.ts), in order; a restore goes on with two more. */
export const VERIFY_PHASES = ['open', 'hash', 'checks'] as const satisfies readonly BackupPhase[];
export const RESTORE_PHASES = [...VERIFY_PHASES, 'swap', 'reopen'] as const satisfies readonly BackupPhase[];
export type VerifyPhase = (typeof RESTORE_PHASES)[number];

export const verifyPhaseOf = (p: Pick<BackupProgress, 'phase'>): VerifyPhase =>
  (RESTORE_PHASES as readonly string[]).includes(p.phase) ? (p.phase as VerifyPhase) : 'open';

/**
 * Weighted by what each phase took for a 100,000-carrier ledger (npm run bench:backup):
 * opening and copying about a tenth, hashing and page checks a quarter, quick_check and
 * the chain the rest.
 */
export function verifyPercent(p: Pick<BackupProgress, 'phase' | 'fraction'>): number {
  const f = clamp(p.fraction);
  switch (verifyPhaseOf(p)) {
    case 'open':
      return Math.round(10 * f);
    case 'hash':
      return Math.round(10 + 25 * f);
    case 'checks':
      return Math.round(35 + 64 * f);
    case 'swap':
    case 'reopen':
      return 99;
  }
}

/**
 * A restore: its test restore, the swap (copying both vaults), then the restored vault
 * opened and checked again, weighted as they took for 100,000 carriers (about 12, 4 and 11 s).
 */
export function restorePercent(p: Pick<BackupProgress, 'phase' | 'fraction'>): number {
  switch (verifyPhaseOf(p)) {
    case 'swap':
      return 45;
    case 'reopen':
      return 60;
    default:
      return Math.round(verifyPercent(p) * 0.45);
  }
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Sizes as the officer reads them off a medium's label (binary units, one decimal). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${UNITS[i]}`;
}

/** The first characters of a hash, enough to compare with a printed register by eye. */
export const shortHash = (hash: string): string => hash.slice(0, 8);

/**
 * The core's defaults (settings-schema.ts, which would bring zod into the bundle), for the
 * moment before the unit's settings have loaded; backup-text.test.ts keeps them equal.
 */
export const DEFAULT_BACKUP_SETTINGS = { backupMaxAgeDays: 7, backupRetention: 5 } as const;
