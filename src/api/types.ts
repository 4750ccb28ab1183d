/** Result types of the IPC contract. Plain data only: they are structured-cloned. */

import type { JobReading } from '../jobs/job-progress';
import type { CheckPhase } from '../vault/vault-checks';

/**
 * 'damaged': the ledger's database is there but the vault cannot be opened as it is (its
 * key slots are missing); it must be repaired, never replaced by a new vault.
 */
export type VaultState = 'none' | 'damaged' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: VaultState;
  /** Consecutive failed unlock attempts since the last success. */
  failedAttempts: number;
  /** Milliseconds until the next attempt is accepted (growing delay after failures). */
  retryAfterMs: number;
  /** Minimum passphrase length in force, so forms can check before sending. */
  passphraseMinLength: number;
  /**
   * Something the officer must read on the unlock screen (a failed restore, a damaged record
   * of failed unlocks) or, when damaged, what is missing and what to do; otherwise null.
   */
  notice: string | null;
}

export interface CreateVaultResult {
  /** Shown once, on the printable recovery sheet; never stored in clear anywhere. */
  recoveryKey: string;
  unitName: string;
  officerName: string;
  createdAt: string;
  vaultId: string;
}

/**
 * Where an unlock stands: the key slot (scrypt), then the pages' HMACs, then quick_check and
 * the audit chain. Polled by the unlock screen (vault:progress) on a large ledger.
 */
export type UnlockPhase = 'key' | CheckPhase;
export type UnlockProgress = JobReading<UnlockPhase>;

export interface IntegrityReport {
  /** Every page's SQLCipher HMAC checked (equivalent of cipher_integrity_check). */
  cipherOk: boolean;
  cipherPagesChecked: number;
  cipherErrors: string[];
  /** PRAGMA quick_check result rows; ['ok'] when sound. */
  quickCheck: string[];
  checkedAt: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
  shortHash: string;
  at: string | null;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  head: ChainHead;
  /** The first sequence number whose entry does not verify, when !ok. */
  firstBrokenSeq: number | null;
  reason: string | null;
  verifiedAt: string;
}

export interface UnlockResult {
  integrity: IntegrityReport;
  chain: ChainVerification;
  /** Failed attempts recorded into the audit log by this unlock. */
  failuresRecorded: number;
}

export interface HomeSummary {
  unitName: string;
  officerName: string;
  vaultId: string;
  createdAt: string;
  schemaVersion: number;
  integrity: IntegrityReport;
  chain: ChainVerification;
  unlockedAt: string;
  /**
   * Since this unlock the machine's clock gave a time earlier than the ledger's latest entry
   * (an offline machine with a flat clock battery): the times recorded since may be wrong.
   */
  clockWentBack: { previous: string; now: string } | null;
}

export type { Settings } from '../settings/settings-schema';

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  payload: unknown;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntryView[];
}
