import { randomUUID } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import type { UnlockResult } from '../api/types';
import { mutate } from '../audit/mutate';
import { sql } from '../db/statements';
import { AppError, isAppError } from '../errors/app-error';
import { errorText } from '../errors/error-text';
import { JobProgress, type JobReading, type ReportProgress } from '../jobs/job-progress';
import type { Medium } from '../ledger/devices/device-model';
import { getMedium, saveMedium } from '../ledger/devices/device-repo';
import { recordTransition } from '../ledger/events/entity-transition';
import { inLedgerTransaction } from '../ledger/events/event-store';
import type { LedgerContext } from '../ledger/ledger-context';
import type { SlotKind } from '../vault/key-slots';
import { withKeyCopy } from '../vault/key-copy';
import type { VaultService } from '../vault/vault-service';
import { listBackupDirs, type Manifest } from './backup-format';
import { listBackups, readBackupStatus, readVaultFacts, type BackupListing, type BackupStatus, type VaultFacts } from './backup-status';

export type { BackupListing, BackupStatus, VaultFacts };
import { BACKUP_ROOT, checkBackupMedium, hostCrossUse, ledgerLevel, recogniseVolume, refuseHostCrossUse, registeredVolume, writeIdentityFile } from './backup-identity';
import { verifyBackup, type BackupVerification, type TestRestorePhase } from './backup-verify';
import { evictBackup, nodeBackupFs, writeBackup, type BackupFs, type ReadBackSource, type WritePhase } from './backup-writer';
import { removeBackups } from './backup-prune';
import { expectationOf, type RestoreStep } from './restore';
import { samePath, type Volume, type VolumeProvider } from './volume';

export interface VolumeView extends Volume {
  medium: { id: string; number: string } | null;
  /** Why this volume cannot take backups (not registered, forged, look-alike…). */
  refusal: string | null;
  backups: BackupListing[];
}

export interface BackupComparison {
  verification: BackupVerification;
  backup: (VaultFacts & { createdAt: string }) | null;
  current: VaultFacts;
}

/** A backup's phases, then a test restore's, then the two a restore adds. */
export type BackupPhase = WritePhase | TestRestorePhase | 'swap' | 'reopen' | 'prune';
export type BackupProgress = JobReading<BackupPhase>;

export interface BackupDeps {
  vault: VaultService;
  volumes: VolumeProvider;
  context(): LedgerContext;
  appVersion: string;
  fs?: BackupFs;
}

type Secret = { secret: string; kind: SlotKind };

/** Backups only to registered media (R-05, R-34-R-36): export, verify, retention, restore. */
export class BackupService {
  /** One long job at a time: a backup and a check of the same medium would fight over it. */
  private readonly job = new JobProgress<BackupPhase>('已有备份或校验正在进行，请等待其完成');

  constructor(private readonly deps: BackupDeps) {}

  progress(): BackupProgress {
    return this.job.read();
  }

  /** A job holds the vault open (see VaultService.whileHeld): it records its result there. */
  private run<T>(first: BackupPhase, work: (report: ReportProgress<BackupPhase>) => Promise<T>): Promise<T> {
    return this.job.run(first, (report) => this.deps.vault.whileHeld(() => work(report)));
  }

  async listVolumes(): Promise<VolumeView[]> {
    const ctx = this.deps.context();
    const { dataKey, meta } = this.deps.vault.requireOpen();
    return (await this.deps.volumes.list()).map((v) => {
      try {
        const m = recogniseVolume(ctx.db, dataKey, meta.vaultId, v);
        // Shown, not recorded: a listing is not a use, and the page is read again and again.
        return { ...v, medium: { id: m.id, number: m.number }, refusal: hostCrossUse(ctx, m), backups: listBackups(ctx.db, join(v.mountPath, BACKUP_ROOT)) };
      } catch (e) {
        return { ...v, medium: null, refusal: errorText(e), backups: [] };
      }
    });
  }

  /** Ties a ledger medium (purpose 本系统备份介质, level high enough) to this volume. */
  async registerVolume(input: { mediumId: string; fsUuid: string; replace?: boolean | undefined }): Promise<Medium> {
    const ctx = this.deps.context();
    const { dataKey, meta } = this.deps.vault.requireOpen();
    const volume = await this.volume(input.fsUuid);
    const m = getMedium(ctx.db, input.mediumId);
    checkBackupMedium(ctx.db, m);
    refuseHostCrossUse(ctx, m, { operation: 'backup_volume_registered', fsUuid: volume.fsUuid });
    const holder = sql(ctx.db, "SELECT number FROM media WHERE id <> ? AND state <> 'destroyed' AND json_extract(backup_volume, '$.fsUuid') = ?").get(m.id, volume.fsUuid) as { number: string } | undefined;
    if (holder) {
      // One device, one record (R-04): its level history and backups must not split.
      throw new AppError('CONFLICT', `此卷已登记为介质 ${holder.number} 的备份卷，一个卷只能对应台账中的一个介质；如 ${holder.number} 密级不够，请在介质台账中提升它的密级`);
    }
    const before = registeredVolume(ctx.db, m.id);
    if (before && before.fsUuid !== volume.fsUuid && !input.replace) {
      throw new AppError('CONFLICT', `介质 ${m.number} 已登记在另一个卷（${before.label || before.fsUuid}）上；确认更换后才能改登记到此卷`);
    }
    const identity = writeIdentityFile(volume, { vaultId: meta.vaultId, mediumId: m.id, mediumNumber: m.number, registeredAt: ctx.at }, dataKey);
    return inLedgerTransaction(ctx.db, () => {
      const saved = this.mediumEvent(ctx, m, 'backup_volume_registered', { volume: identity });
      sql(ctx.db, 'UPDATE media SET backup_volume = ? WHERE id = ?').run(JSON.stringify(identity), m.id);
      return saved;
    });
  }

  /** One backup onto a registered volume; refusals are recorded, failures leave nothing behind. */
  async backup(input: { fsUuid: string }): Promise<{ name: string; bytes: number; sha256: string; chainSeq: number; deletable: string[]; readBackFrom: ReadBackSource }> {
    this.job.refuseWhileRunning();
    const ctx = this.deps.context();
    const open = this.deps.vault.requireOpen();
    const volume = await this.volume(input.fsUuid);
    const medium = this.recognise(ctx, volume, 'backup_written');
    // Its own copy of the key: the vault's is wiped if the app shuts down mid-way, and a
    // manifest signed with a wiped key would look like a finished backup that fails every check.
    return this.run('snapshot', (report) => withKeyCopy(open.dataKey, async (dataKey) => {
      const files = this.deps.vault.files;
      const fs = this.deps.fs ?? nodeBackupFs;
      const result = await writeBackup(
        { db: ctx.db, dbFile: files.database, keySlotsFile: files.keySlots, dataKey, vaultId: open.meta.vaultId, unitName: open.meta.unitName, schemaVersion: open.schemaVersion, appVersion: this.deps.appVersion },
        { root: join(volume.mountPath, BACKUP_ROOT), freeBytes: volume.freeBytes, medium: { id: medium.id, number: medium.number }, level: ledgerLevel(ctx.db), now: ctx.at, evict: this.evict() },
        report,
        fs,
      );
      const m = result.manifest;
      try {
        inLedgerTransaction(ctx.db, () => {
          const saved = this.mediumEvent(ctx, medium, 'backup_written', { name: result.name, createdAt: m.createdAt, bytes: m.files.ledger.bytes, sha256: m.files.ledger.sha256, chainSeq: m.chainHead.seq, location: medium.location, readBack: true, readBackFrom: result.readBackFrom });
          sql(ctx.db, 'INSERT INTO backups (id, medium_id, name, created_at, bytes, sha256, chain_seq, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
            randomUUID(), medium.id, result.name, m.createdAt, m.files.ledger.bytes, m.files.ledger.sha256, m.chainHead.seq, saved.lastEventId,
          );
        });
      } catch (e) {
        // A backup the ledger does not know of would be listed on the medium as the newest.
        const removed = await fs.rm(result.dir).then(() => true, () => false);
        throw new AppError('BACKUP_FAILED', `备份已写入，但未能记入台账（${errorText(e)}）；${removed ? '已从介质删除这份备份' : `请从介质删除文件夹 ${result.name}`}`);
      }
      const all = listBackupDirs(join(volume.mountPath, BACKUP_ROOT));
      return { name: result.name, bytes: m.files.ledger.bytes, sha256: m.files.ledger.sha256, chainSeq: m.chainHead.seq, deletable: all.slice(ctx.settings.backupRetention), readBackFrom: result.readBackFrom };
    }));
  }

  /**
   * Retention: older backups go only on the officer's confirmation, and only beyond the
   * newest N. Each one is first renamed out of the list (a half-deleted folder must not look
   * like a backup), then its deletion is recorded, then its files go: whatever fails, the
   * ledger says exactly which backups are gone.
   */
  async prune(input: { fsUuid: string; names: string[] }): Promise<{ deleted: string[] }> {
    // A test restore or a restore may be reading one of these folders, and none may start
    // on a folder while it is being taken out of the list: the whole prune holds the job.
    return this.run('prune', () => this.pruneNow(input));
  }

  private async pruneNow(input: { fsUuid: string; names: string[] }): Promise<{ deleted: string[] }> {
    const ctx = this.deps.context();
    const volume = await this.volume(input.fsUuid);
    const medium = this.recognise(ctx, volume, 'backup_deleted');
    const root = join(volume.mountPath, BACKUP_ROOT);
    const all = listBackupDirs(root);
    const keep = new Set(all.slice(0, ctx.settings.backupRetention));
    const newest = all[0];
    if (!newest || !(sql(ctx.db, 'SELECT 1 FROM backups WHERE name = ? AND medium_id = ?').get(newest, medium.id))) {
      throw new AppError('CONFLICT', '最新的备份尚未写入并校验成功，不能删除旧备份');
    }
    const names = input.names.filter((n) => all.includes(n) && !keep.has(n));
    if (names.length !== input.names.length) throw new AppError('VALIDATION', `只能删除最新 ${ctx.settings.backupRetention} 份以外的备份`);
    const deleted = await removeBackups(root, names, this.deps.fs ?? nodeBackupFs, (n) =>
      inLedgerTransaction(ctx.db, () => {
        this.mediumEvent(ctx, medium, 'backup_deleted', { names: [n], keep: ctx.settings.backupRetention });
        sql(ctx.db, 'UPDATE backups SET deleted_at = ? WHERE name = ? AND medium_id = ?').run(ctx.at, n, medium.id);
      }),
    );
    return { deleted };
  }

  /** "Test restore": the result is recorded on the medium and read by the monthly inspection. */
  async verify(input: { fsUuid: string; name: string } & Secret): Promise<BackupVerification> {
    return (await this.verifyRecorded(input, 'backup_verified')).report;
  }

  private async verifyRecorded(input: { fsUuid: string; name: string } & Secret, operation: string): Promise<{ report: BackupVerification; dir: string }> {
    const ctx = this.deps.context();
    const volume = await this.volume(input.fsUuid);
    const medium = this.recognise(ctx, volume, operation);
    const dir = join(volume.mountPath, BACKUP_ROOT, input.name);
    const { report, readFrom } = await this.testRestore(dir, input, ctx.at);
    inLedgerTransaction(ctx.db, () => {
      this.mediumEvent(ctx, medium, 'backup_verified', { name: input.name, ok: report.ok, checks: report.checks, readFrom });
      sql(ctx.db, 'UPDATE backups SET verified_at = ?, verified_ok = ? WHERE name = ? AND medium_id = ?').run(ctx.at, report.ok ? 1 : 0, input.name, medium.id);
    });
    return { report, dir };
  }

  /**
   * The CLI's `verify-backup FOLDER --dir D`: a folder on a mounted backup medium that this
   * ledger recognises has its result recorded on that medium, as in the app; any other
   * folder (a copy on a disk, a volume not recognised) is tested only, and `notRecorded`
   * says why: a copy's result must not vouch for what the medium holds.
   */
  async verifyFolder(dir: string, secret: Secret): Promise<{ report: BackupVerification; recordedOn: string | null; notRecorded: string | null }> {
    const ctx = this.deps.context();
    const at = await this.mediumAt(ctx, dir);
    if ('medium' in at) {
      const { report } = await this.verifyRecorded({ fsUuid: at.volume.fsUuid, name: basename(dir), ...secret }, 'backup_verified');
      return { report, recordedOn: at.medium.number, notRecorded: null };
    }
    const { report } = await this.testRestore(dir, secret, ctx.at);
    return { report, recordedOn: null, notRecorded: at.why };
  }

  /** The recognised backup medium a folder lies on (in its backup directory), or why there is none. */
  private async mediumAt(ctx: LedgerContext, dir: string): Promise<{ volume: Volume; medium: Medium } | { why: string }> {
    const { dataKey, meta } = this.deps.vault.requireOpen();
    const volume = (await this.deps.volumes.list()).find((v) => samePath(resolve(v.mountPath, BACKUP_ROOT, basename(dir)), resolve(dir)));
    if (!volume) return { why: '此文件夹不在已插入的备份介质的备份目录中' };
    try {
      return { volume, medium: recogniseVolume(ctx.db, dataKey, meta.vaultId, volume) };
    } catch (e) {
      if (!isAppError(e) || e.code !== 'BACKUP_REFUSED') throw e;
      return { why: e.message };
    }
  }

  /** The backup beside the current vault, before the officer decides to restore. */
  async compare(input: { fsUuid: string; name: string } & Secret): Promise<BackupComparison> {
    const report = await this.verify(input);
    const ctx = this.deps.context();
    if (report.manifest) this.refuseForeign(ctx, report.manifest, input.name);
    return {
      verification: report,
      backup: report.manifest ? { createdAt: report.manifest.createdAt, counts: report.manifest.counts, chainHead: report.manifest.chainHead, lastEventAt: report.manifest.lastEventAt } : null,
      current: readVaultFacts(ctx.db),
    };
  }

  /** Verify, keep a pre-restore copy, swap atomically, verify again (in VaultService). */
  async restore(input: { fsUuid: string; name: string } & Secret, hook?: (s: RestoreStep) => void): Promise<UnlockResult> {
    const { report, dir } = await this.verifyRecorded(input, 'backup_restored');
    return this.restoreVerified(dir, input, report, hook);
  }

  /**
   * The CLI's `restore FILE`: a backup folder named by its path, tested here (not recorded on
   * a medium: the folder need not be on a mounted, recognised volume), then restored as above.
   * `confirm` sees the test's report and decides whether to go on.
   */
  async restoreFolder(dir: string, secret: Secret, confirm: (report: BackupVerification) => boolean): Promise<UnlockResult | null> {
    const ctx = this.deps.context();
    // Restored from a medium plugged into this computer, the medium is used here (R-36).
    const at = await this.mediumAt(ctx, dir);
    if ('medium' in at) refuseHostCrossUse(ctx, at.medium, { operation: 'backup_restored', folder: dir });
    const { report } = await this.testRestore(dir, secret, ctx.at);
    if (!report.ok) {
      // As the app records a failed test on the medium, a restore refused for one is on record.
      const failed = report.checks.filter((c) => !c.ok).map((c) => ({ name: c.name, detail: c.detail }));
      mutate(ctx.db, ctx.at, () => ({ result: null, audit: { actor: ctx.actor, action: 'backup.restore_refused', subject: basename(dir), payload: { folder: dir, failed } } }));
    }
    return confirm(report) ? this.restoreVerified(dir, secret, report) : null;
  }

  /** One job at a time; the backup's files are read off the medium, not from what memory kept of them. */
  private testRestore(dir: string, secret: Secret, at: string): Promise<{ report: BackupVerification; readFrom: ReadBackSource }> {
    return this.run('open', async (report) => {
      const readFrom = await evictBackup(this.evict(), dir);
      try {
        const { dataKey, ...rest } = await verifyBackup(dir, secret.secret, secret.kind, at, report);
        dataKey.fill(0);
        return { report: rest, readFrom };
      } catch (e) {
        // A backup whose manifest or key slots are gone or damaged failed its test: that is a
        // result to record (a stale "passed" must not stand), not an error. A wrong passphrase
        // says nothing about the backup and stays an error.
        if (!isAppError(e) || e.code !== 'BACKUP_INVALID') throw e;
        return { report: { ok: false, checks: [{ name: '备份文件', ok: false, detail: e.message }], manifest: null, chain: null, verifiedAt: at }, readFrom };
      }
    });
  }

  private async restoreVerified(dir: string, secret: Secret, report: BackupVerification, hook?: (s: RestoreStep) => void): Promise<UnlockResult> {
    if (!report.ok) throw new AppError('BACKUP_INVALID', `备份校验未通过，未恢复：${report.checks.filter((c) => !c.ok).map((c) => c.name).join('、')}`);
    const m = report.manifest;
    if (!m) throw new AppError('BACKUP_INVALID', '备份清单缺失，未恢复');
    this.refuseForeign(this.deps.context(), m, basename(dir));
    // After the test restore: the swap (copies of both vaults), then the restored vault is
    // opened and checked again; both take long enough on a large ledger to be shown.
    return this.run('swap', async (progress) => {
      const step = (s: RestoreStep) => {
        if (s === 'swapped') progress({ phase: 'reopen', fraction: 0 });
        hook?.(s);
      };
      const result = await this.deps.vault.restoreFrom(dir, secret.secret, secret.kind, expectationOf(m), step);
      this.recordRestoredFrom(basename(dir), report);
      return { ...result, chain: this.deps.vault.summary().chain };
    });
  }

  /**
   * The restored ledger was copied before its own backup was recorded: it learns here which
   * backup it came from and that the backup verified, so the status is not "no backup".
   */
  private recordRestoredFrom(name: string, report: BackupVerification): void {
    const ctx = this.deps.context();
    const m = report.manifest;
    if (!m) return;
    // A backup of another ledger names a medium this one may not have.
    if (!sql(ctx.db, 'SELECT 1 FROM media WHERE id = ?').get(m.medium.id)) return;
    const medium = getMedium(ctx.db, m.medium.id);
    inLedgerTransaction(ctx.db, () => {
      const saved = this.mediumEvent(ctx, medium, 'backup_verified', { name, ok: report.ok, checks: report.checks, restoredFrom: true });
      if (!sql(ctx.db, 'SELECT 1 FROM backups WHERE name = ? AND medium_id = ?').get(name, medium.id)) {
        sql(ctx.db, 'INSERT INTO backups (id, medium_id, name, created_at, bytes, sha256, chain_seq, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          randomUUID(), medium.id, name, m.createdAt, m.files.ledger.bytes, m.files.ledger.sha256, m.chainHead.seq, saved.lastEventId,
        );
      }
      sql(ctx.db, 'UPDATE backups SET verified_at = ?, verified_ok = ? WHERE name = ? AND medium_id = ?').run(ctx.at, report.ok ? 1 : 0, name, medium.id);
    });
  }

  private evict(): ((file: string) => Promise<boolean>) | undefined {
    return this.deps.volumes.evictCache?.bind(this.deps.volumes);
  }

  status(): BackupStatus {
    return readBackupStatus(this.deps.context());
  }

  /** What the officer compares a backup with before restoring: the ledger as it stands. */
  currentFacts(): VaultFacts {
    return readVaultFacts(this.deps.context().db);
  }

  private async volume(fsUuid: string): Promise<Volume> {
    const v = (await this.deps.volumes.list()).find((x) => x.fsUuid === fsUuid);
    if (!v) throw new AppError('NOT_FOUND', '找不到该卷：请确认备份介质已插入并已挂载');
    return v;
  }

  /**
   * Every use of a plugged-in medium (backup, prune, test restore, restore) passes here once. A
   * refusal is audited before it is reported; an R-36 one is kept on the medium for the inspection.
   */
  private recognise(ctx: LedgerContext, v: Volume, operation: string): Medium {
    const { dataKey, meta } = this.deps.vault.requireOpen();
    let medium: Medium;
    try {
      medium = recogniseVolume(ctx.db, dataKey, meta.vaultId, v);
    } catch (e) {
      if (isAppError(e)) {
        mutate(ctx.db, ctx.at, () => ({ result: null, audit: { actor: ctx.actor, action: 'backup.refused', subject: v.fsUuid, payload: { reason: e.message, label: v.label, fsUuid: v.fsUuid, deviceSerial: v.deviceSerial } } }));
      }
      throw e;
    }
    refuseHostCrossUse(ctx, medium, { operation, fsUuid: v.fsUuid });
    return medium;
  }

  /**
   * Another unit's (or another ledger's) backup must not silently replace this ledger: it
   * would take over its identity, and this ledger's own media would then be refused. The one
   * exception is a ledger that has recorded nothing yet: that is how a ledger lost with its
   * computer is brought back on a new one (CLI `init`, then `restore`).
   */
  private refuseForeign(ctx: LedgerContext, m: Manifest, name: string): void {
    const own = this.deps.vault.requireOpen().meta;
    if (m.vaultId === own.vaultId) return;
    if (!sql(ctx.db, 'SELECT 1 FROM events LIMIT 1').get()) return;
    const e = new AppError('BACKUP_REFUSED', `此备份属于另一个台账（${m.unitName}，${m.createdAt.slice(0, 10)}），不能恢复到本台账（${own.unitName}）。只有尚未登记任何内容的新台账可以用它恢复。`);
    mutate(ctx.db, ctx.at, () => ({ result: null, audit: { actor: ctx.actor, action: 'backup.refused', subject: name, payload: { reason: e.message, backupVaultId: m.vaultId, backupUnit: m.unitName } } }));
    throw e;
  }

  private mediumEvent(ctx: LedgerContext, m: Medium, type: string, payload: Record<string, unknown>): Medium {
    // Re-read inside the transaction: a long job began with a medium that may have changed
    // since (its level raised, R-04), and writing the old record back would undo that.
    return recordTransition(ctx, { entity: 'medium', current: getMedium(ctx.db, m.id), type, occurredOn: ctx.today, payload, next: {}, save: (x) => saveMedium(ctx.db, x) }).entity;
  }
}
