import { mkdirSync, renameSync } from 'node:fs';
import type { CreateVaultResult, HomeSummary, UnlockPhase, UnlockProgress, UnlockResult, VaultStatus } from '../api/types';
import { appendAudit, CLOCK_WENT_BACK, holdsEntry, verifyChain } from '../audit/audit-log';
import { sql } from '../db/statements';
import { mutate } from '../audit/mutate';
import type { Clock } from '../clock';
import type { Migration } from '../db/migrate';
import { AppError, isAppError } from '../errors/app-error';
import { errorText } from '../errors/error-text';
import { writeFileAtomic } from '../fs/atomic-write';
import { JobProgress, type ReportProgress } from '../jobs/job-progress';
import { readSettings } from '../settings/settings-store';
import { changePassphrase, assertPolicy, reissueRecoveryKey, type SlotChange } from './key-slot-changes';
import { readKeySlotFile, unwrapKey, wrapKey, type KdfParams, type KeySlotFile, type SlotKind } from './key-slots';
import type { CheckPhase } from './vault-checks';
import { initialiseDatabase, newDataKey, newVaultId, openVault, type OpenVault } from './open-vault';
import { DEFAULT_PASSPHRASE_MIN_LENGTH } from './passphrase-policy';
import { generateRecoveryKey, normalizeRecoveryKey } from './recovery-key';
import { UnlockThrottle } from './unlock-throttle';
import { VaultLockFile } from './vault-lock-file';
import { THROTTLE_DAMAGED, recordUnlock } from './unlock-audit';
import { DAMAGED_VAULT_TEXT, damageOf, ledgerPresent, removeDatabaseFiles, STATE_OF_FILES, vaultFiles, vaultPaths, type VaultPaths } from './vault-paths';
import { completeRestore, restoreInterrupted, rollbackRestore, swapInBackup, type RestoreExpectation, type RestoreStep } from '../backup/restore';

export interface VaultServiceOptions {
  dir: string;
  migrations: Migration[];
  clock: Clock;
  kdf: KdfParams;
  /** Length of one "minute" of idle time; tests shorten it. */
  minuteMs: number;
}

export type LockReason = 'manual' | 'idle' | 'shutdown' | 'restore';

/**
 * Owns the vault's whole life: creation, unlocking, the idle timer and locking. While
 * locked it holds no database handle and no key, so nothing of the ledger can be read.
 */
export class VaultService {
  private open: OpenVault | null = null;
  private restoring = false;
  /** Long jobs running on the open vault (see whileHeld). */
  private holds = 0;
  private creating = false;
  private notice: string | null = null;
  private readonly unlocking = new JobProgress<UnlockPhase>('正在解锁，请稍候');
  private idleTimer: unknown = null;
  private readonly paths: VaultPaths;
  private readonly throttle: UnlockThrottle;
  private readonly lockFile: VaultLockFile;
  private readonly lockListeners = new Set<(reason: LockReason) => void>();

  constructor(private readonly opts: VaultServiceOptions) {
    this.paths = vaultPaths(opts.dir);
    this.throttle = new UnlockThrottle(this.paths.unlockFailures);
    this.lockFile = new VaultLockFile(this.paths.lock);
    // A restore cut short (power cut, killed process) leaves the old vault in place again.
    // A failure here must not keep the app from starting: the next unlock tries again.
    try {
      this.restoreRolledBack = this.recoverInterruptedRestore();
    } catch (e) {
      this.restoreRolledBack = false;
      this.notice = `上次恢复未完成，恢复前的台账尚未还原：${errorText(e)}`;
    }
  }

  /** True when this start found an interrupted restore and put the old vault back. */
  readonly restoreRolledBack: boolean;

  /** File locations, for the backup service (which reads and replaces them). */
  get files(): VaultPaths {
    return this.paths;
  }

  /**
   * Replaces the vault with a verified backup: locks, swaps the files (old ones kept
   * aside), and unlocks the result with the secret that opened the backup. If the restored
   * vault does not open sound, or is not the ledger the manifest describes, the old one is
   * put back and the error is reported.
   */
  async restoreFrom(backupDir: string, secret: string, kind: SlotKind, expected: RestoreExpectation, hook?: (s: RestoreStep) => void): Promise<UnlockResult> {
    this.requireOpen();
    this.restoring = true;
    try {
      return await this.swapAndReopen(backupDir, secret, kind, expected, hook);
    } finally {
      this.restoring = false;
    }
  }

  private async swapAndReopen(backupDir: string, secret: string, kind: SlotKind, expected: RestoreExpectation, hook?: (s: RestoreStep) => void): Promise<UnlockResult> {
    // The lock file stays held until the end: no other process may open the vault, or roll
    // it back, while its files are being swapped and checked.
    this.close('restore');
    try {
      const marker = await swapInBackup(this.paths, backupDir, this.nowIso(), expected, hook);
      const r = await this.unlockWith(kind, secret);
      if (!r.integrity.cipherOk || r.integrity.quickCheck.join() !== 'ok' || !r.chain.ok) {
        throw new AppError('BACKUP_INVALID', '恢复后的台账未通过完整性校验');
      }
      const db = this.requireOpen().db;
      if (!holdsEntry(db, expected.chainHead)) throw new AppError('BACKUP_INVALID', '恢复后的台账与备份清单的审计链头不符');
      completeRestore(this.paths);
      mutate(db, this.nowIso(), () => ({
        result: null,
        audit: { actor: this.requireOpen().meta.officerName, action: 'vault.restored', payload: { backupDir, preRestoreDir: marker.preRestoreDir, chainHead: r.chain.head.seq } },
      }));
      return { ...r, chain: this.summary().chain };
    } catch (e) {
      this.close('restore');
      let back = '已还原为恢复前的台账';
      try {
        rollbackRestore(this.paths);
      } catch (r) {
        back = `恢复前的台账尚未还原（${errorText(r)}），下次解锁时将再次还原`;
      } finally {
        this.lockFile.release();
      }
      this.notice = `恢复未完成，${back}：${errorText(e)}。请用原来的口令解锁。`;
      throw isAppError(e) ? e : new AppError('BACKUP_FAILED', this.notice);
    }
  }

  /**
   * Puts the pre-restore vault back after a restore that was cut short (power cut, killed
   * process, a rollback that failed). Under the vault's lock file: a restore another
   * process is running right now is left alone.
   */
  private recoverInterruptedRestore(): boolean {
    if (!restoreInterrupted(this.paths)) return false;
    try {
      this.lockFile.acquire();
    } catch (e) {
      if (isAppError(e) && e.code === 'VAULT_IN_USE') return false;
      throw e;
    }
    try {
      rollbackRestore(this.paths);
    } finally {
      this.lockFile.release();
    }
    this.notice = '上次恢复未完成，已还原为恢复前的台账。请用原来的口令解锁。';
    return true;
  }

  /**
   * A backup or a test restore keeps the vault open until it ends: it reads the database
   * and records its result there. Meanwhile the idle lock waits and a manual lock is refused.
   */
  async whileHeld<T>(work: () => Promise<T>): Promise<T> {
    this.holds++;
    try {
      return await work();
    } finally {
      this.holds--;
    }
  }

  private nowIso = (): string => this.opts.clock.now().toISOString();

  status(): VaultStatus {
    const files = vaultFiles(this.paths);
    const nowMs = this.opts.clock.now().getTime();
    const locked = files === 'complete' ? this.throttle.read(nowMs) : null;
    // During a restore's swap the vault is briefly closed; it is not "locked" to the officer.
    // While it is being created its files exist before it is open: not "locked" either (a
    // poll answered then would take the new recovery key off the screen).
    const state = this.open || this.restoring ? 'unlocked' : this.creating ? 'none' : STATE_OF_FILES[files];
    return {
      state,
      notice: joinNotices(state === 'damaged' ? damageOf(files) : null, this.notice, locked?.damagedAt ? THROTTLE_DAMAGED : null),
      failedAttempts: locked ? locked.failures.length : 0,
      retryAfterMs: locked ? this.throttle.retryAfterMs(nowMs) : 0,
      passphraseMinLength: this.open ? readSettings(this.open.db).passphraseMinLength : DEFAULT_PASSPHRASE_MIN_LENGTH,
    };
  }

  /** The open vault, for handlers; refuses while locked. */
  requireOpen(): OpenVault {
    if (!this.open) throw new AppError('VAULT_LOCKED', '台账已锁定，请先解锁');
    return this.open;
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  async create(input: { unitName: string; officerName: string; passphrase: string }): Promise<CreateVaultResult> {
    // Any file of a ledger, even one that cannot be opened now: a new vault would replace it.
    if (ledgerPresent(this.paths)) throw new AppError('VAULT_EXISTS', '此位置已有台账，不能重复创建');
    assertPolicy(input.passphrase, DEFAULT_PASSPHRASE_MIN_LENGTH);
    mkdirSync(this.paths.dir, { recursive: true, mode: 0o700 });
    this.lockFile.acquire();
    const dataKey = newDataKey();
    this.creating = true;
    try {
      const meta = { vaultId: newVaultId(), unitName: input.unitName, officerName: input.officerName, createdAt: this.nowIso() };
      const recoveryKey = generateRecoveryKey();
      // Built under a temporary name: a crash leaves no half-made vault that looks real.
      const staging = `${this.paths.database}.creating`;
      removeDatabaseFiles(staging);
      initialiseDatabase(staging, dataKey, this.opts.migrations, meta);
      const slots: KeySlotFile = {
        format: 'baomi-keyslots',
        version: 1,
        vaultId: meta.vaultId,
        slots: [
          await wrapKey(meta.vaultId, 'passphrase', input.passphrase, dataKey, this.opts.kdf, meta.createdAt),
          await wrapKey(meta.vaultId, 'recovery', normalizeRecoveryKey(recoveryKey) ?? '', dataKey, this.opts.kdf, meta.createdAt),
        ],
      };
      writeFileAtomic(this.paths.keySlots, JSON.stringify(slots, null, 2));
      renameSync(staging, this.paths.database);
      this.throttle.clear();
      this.open = await openVault(this.paths.database, dataKey, this.opts.migrations, this.nowIso());
      this.armIdleTimer();
      return { recoveryKey, ...meta };
    } catch (e) {
      if (!this.open) {
        dataKey.fill(0);
        this.lockFile.release();
      }
      throw e;
    } finally {
      this.creating = false;
    }
  }

  unlock(passphrase: string): Promise<UnlockResult> {
    return this.unlockWith('passphrase', passphrase);
  }

  unlockWithRecovery(recoveryKey: string): Promise<UnlockResult> {
    return this.unlockWith('recovery', recoveryKey);
  }

  /** `secret` as typed: a recovery key in any case and grouping. */
  private async unlockWith(kind: SlotKind, secret: string): Promise<UnlockResult> {
    if (this.open) return this.unlockResult(this.open, 0);
    const files = vaultFiles(this.paths);
    if (files === 'none') throw new AppError('NO_VAULT', '尚未创建台账');
    if (files !== 'complete') throw new AppError('VAULT_CORRUPT', DAMAGED_VAULT_TEXT[files]);
    if (!this.restoring) this.recoverInterruptedRestore();
    const nowMs = this.opts.clock.now().getTime();
    const wait = this.throttle.retryAfterMs(nowMs);
    if (wait > 0) {
      const why = this.throttle.read(nowMs).damagedAt ? `${THROTTLE_DAMAGED}：` : '尝试次数过多，';
      throw new AppError('THROTTLED', `${why}请 ${Math.ceil(wait / 1000)} 秒后再试`, { retryAfterMs: wait });
    }
    // A malformed recovery key is still a failed attempt: it must not bypass the delay.
    const opening = kind === 'recovery' ? (normalizeRecoveryKey(secret) ?? `invalid:${secret}`) : secret;
    return this.unlocking.run('key', (report) => this.openWith(kind, opening, report));
  }

  /** Where an unlock stands; the unlock screen polls it while the checks of a large ledger run. */
  progress(): UnlockProgress {
    return this.unlocking.read();
  }

  private async openWith(kind: SlotKind, secret: string, report: ReportProgress<CheckPhase>): Promise<UnlockResult> {
    const file = readKeySlotFile(this.paths.keySlots);
    let dataKey: Buffer | null = null;
    for (const slot of file.slots.filter((s) => s.kind === kind)) {
      dataKey = await unwrapKey(file.vaultId, slot, secret);
      if (dataKey) break;
    }
    if (!dataKey) {
      const state = this.throttle.recordFailure(this.opts.clock.now().getTime(), kind);
      const retryAfterMs = this.throttle.retryAfterMs(this.opts.clock.now().getTime());
      const details = { failedAttempts: state.failures.length, retryAfterMs };
      throw kind === 'passphrase'
        ? new AppError('WRONG_PASSPHRASE', '口令错误，台账未解锁', details)
        : new AppError('WRONG_RECOVERY_KEY', '恢复密钥错误，台账未解锁', details);
    }
    try {
      // Inside the try: a vault in use elsewhere must not leave this key unwiped.
      this.lockFile.acquire();
      const vault = await openVault(this.paths.database, dataKey, this.opts.migrations, this.nowIso(), report);
      const { failures } = recordUnlock(vault, this.throttle.read(this.opts.clock.now().getTime()), kind, this.nowIso());
      this.throttle.clear();
      this.notice = null;
      vault.chain = verifyChain(vault.db, this.nowIso(), vault.chain);
      this.open = vault;
      this.armIdleTimer();
      return this.unlockResult(vault, failures);
    } catch (e) {
      dataKey.fill(0);
      // A restore keeps the lock file until it has put the old vault back.
      if (!this.restoring) this.lockFile.release();
      throw e;
    }
  }

  private unlockResult(vault: OpenVault, failuresRecorded: number): UnlockResult {
    return { integrity: vault.integrity, chain: vault.chain, failuresRecorded };
  }

  lock(reason: LockReason): void {
    if (this.open && this.holds > 0 && (reason === 'idle' || reason === 'manual')) {
      // The job records its result in the open vault; the idle countdown starts again.
      if (reason === 'idle') return this.armIdleTimer();
      throw new AppError('CONFLICT', '备份或校验正在进行，完成后才能锁定');
    }
    if (this.close(reason)) this.lockFile.release();
  }

  /** Closes the database and forgets the key; the lock file is the caller's to release. */
  private close(reason: LockReason): boolean {
    const vault = this.open;
    if (!vault) return false;
    this.open = null;
    this.clearIdleTimer();
    try {
      appendAudit(vault.db, this.nowIso(), { actor: reason === 'manual' ? vault.meta.officerName : 'system', action: 'vault.locked', payload: { reason } });
      vault.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      vault.db.close();
      vault.dataKey.fill(0);
    }
    for (const l of this.lockListeners) l(reason);
    return true;
  }

  /** Officer activity (or any officer action) restarts the idle countdown. */
  activity(): void {
    if (this.open) this.armIdleTimer();
  }

  changePassphrase(current: string, next: string): Promise<void> {
    return changePassphrase(this.slotChange(), current, next);
  }

  /**
   * A new recovery key replaces the old one (which stops working), for a sheet that was
   * lost or never printed. The passphrase is asked again: whoever walks up to an unlocked
   * screen must not be able to mint a key that opens the vault for good.
   */
  reissueRecoveryKey(passphrase: string): Promise<{ recoveryKey: string; issuedAt: string }> {
    return reissueRecoveryKey(this.slotChange(), passphrase);
  }

  private slotChange(): SlotChange {
    return { vault: this.requireOpen(), keySlotsFile: this.paths.keySlots, kdf: this.opts.kdf, now: this.nowIso(), readKeySlots: () => readKeySlotFile(this.paths.keySlots) };
  }

  /**
   * For disaster recovery with the standard SQLCipher tool. Exporting the raw key is itself
   * recorded, because whoever holds it can read the ledger without any passphrase.
   */
  exportRawKey(channel: string): string {
    const vault = this.requireOpen();
    mutate(vault.db, this.nowIso(), () => ({
      result: null,
      audit: { actor: vault.meta.officerName, action: 'vault.raw_key_exported', payload: { channel } },
    }));
    return vault.dataKey.toString('hex');
  }

  /** The chain status is brought up to the current head (only new entries are walked). */
  summary(): HomeSummary {
    const v = this.requireOpen();
    v.chain = verifyChain(v.db, this.nowIso(), v.chain);
    const back = sql(v.db, `SELECT payload FROM audit_log WHERE seq > ? AND action = '${CLOCK_WENT_BACK}' ORDER BY seq DESC LIMIT 1`).get(v.sessionFromSeq) as { payload: string } | undefined;
    const clockWentBack = back ? (JSON.parse(back.payload) as { previous: string; now: string }) : null;
    return { ...v.meta, schemaVersion: v.schemaVersion, integrity: v.integrity, chain: v.chain, unlockedAt: v.unlockedAt, clockWentBack };
  }

  /** A full walk from the first entry, on the officer's request. */
  reverifyChain(): OpenVault['chain'] {
    const v = this.requireOpen();
    v.chain = verifyChain(v.db, this.nowIso());
    return v.chain;
  }

  dispose(): void {
    this.lock('shutdown');
    this.lockListeners.clear();
  }

  private armIdleTimer(): void {
    this.clearIdleTimer();
    if (!this.open) return;
    const minutes = readSettings(this.open.db).idleMinutes;
    this.idleTimer = this.opts.clock.setTimeout(() => this.lock('idle'), minutes * this.opts.minuteMs);
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== null) this.opts.clock.clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

const joinNotices = (...notices: (string | null)[]): string | null => notices.filter((n) => n !== null).join('\n') || null;

