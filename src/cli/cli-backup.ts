import { verifyBackup, type TestRestorePhase } from '../backup/backup-verify';
import { evictBackup } from '../backup/backup-writer';
import type { Services } from '../app/create-services';
import { JobProgress } from '../jobs/job-progress';
import type { BackupProgress } from '../backup/backup-service';
import type { CliIo } from './run-cli';
import type { VolumeProvider } from '../backup/volume';

/** CLI commands of issue 6. Each returns an exit code; errors are thrown to runCli. */

const PHASES: Partial<Record<BackupProgress['phase'], string>> = {
  snapshot: '建立快照 snapshot',
  copy: '复制 copy',
  verify: '回读校验 read-back',
  open: '打开备份 open',
  hash: '校验哈希与加密页 hash and pages',
  checks: '完整性与审计链 integrity and chain',
  swap: '替换台账 swap',
  reopen: '校验恢复后的台账 reopen',
};

/**
 * A backup or a test restore of a large ledger takes a while: say where it stands on
 * standard error once a second, as the app's bar does, while `work` runs.
 */
export async function withProgress<T>(io: CliIo, read: () => BackupProgress, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    const p = read();
    if (p.running) io.err(`  ${PHASES[p.phase] ?? p.phase} ${Math.round(p.fraction * 100)}%`);
  }, 1000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
export async function cliBackup(services: Services, volumes: VolumeProvider, io: CliIo, volumeArg: string | undefined, secret: string): Promise<number> {
  if (!volumeArg) {
    io.err('backup 需要 --volume（备份介质的挂载路径或卷标识）');
    return 2;
  }
  await services.vault.unlock(secret);
  const volume = (await volumes.list()).find((v) => v.mountPath === volumeArg || v.fsUuid === volumeArg);
  if (!volume) {
    io.err(`找不到卷 ${volumeArg}：请确认备份介质已插入并已挂载`);
    return 1;
  }
  const r = await withProgress(io, () => services.backup.progress(), () => services.backup.backup({ fsUuid: volume.fsUuid }));
  io.out(`备份完成并已回读校验 / backup written and read back: ${r.name}`);
  io.out(`SHA-256 ${r.sha256}  ${r.bytes} bytes  audit chain #${r.chainSeq}`);
  io.out(r.readBackFrom === 'medium' ? '回读来自介质本身 / read back from the medium itself' : '回读可能来自系统缓存 / the read-back may have come from the system cache');
  if (r.deletable.length) io.out(`超出保留份数的旧备份（确认后可在程序中删除）/ older than the retention: ${r.deletable.join(', ')}`);
  return 0;
}

const printChecks = (io: CliIo, r: { checks: { ok: boolean; name: string; detail: string }[] }) => {
  for (const c of r.checks) io.out(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.detail ? `：${c.detail}` : ''}`);
};

export async function cliVerifyBackup(io: CliIo, folder: string, secret: string, recovery: boolean, now: string, evict?: (file: string) => Promise<boolean>): Promise<number> {
  // As in the app: the test restore reads the medium, not what memory kept of it.
  const readFrom = await evictBackup(evict, folder);
  const job = new JobProgress<TestRestorePhase>();
  const r = await withProgress(io, () => job.read(), () => job.run('open', (report) => verifyBackup(folder, secret, recovery ? 'recovery' : 'passphrase', now, report)));
  printChecks(io, r);
  io.out(readFrom === 'medium' ? '已从介质本身读取 / read from the medium itself' : '读取的可能是系统缓存中的副本 / may have been read from the system cache');
  io.out(r.ok ? '备份校验通过 / backup verified' : '备份校验未通过 / backup FAILED verification');
  io.out('结果未记入台账：未指定 --dir / not recorded in any ledger (no --dir)');
  return r.ok ? 0 : 1;
}

/**
 * `verify-backup FOLDER --dir D`: standard input as for restore (the vault's passphrase, then
 * the backup's if it differs). The result is recorded on the medium when the folder is on a
 * registered backup volume of this ledger, as the monthly checklist reads it.
 */
export async function cliVerifyRecorded(services: Services, io: CliIo, folder: string, lines: string[], recovery: boolean): Promise<number> {
  const [current, backupSecret = current] = lines as [string, string?];
  await services.vault.unlock(current);
  const { report: r, recordedOn, notRecorded } = await withProgress(io, () => services.backup.progress(), () => services.backup.verifyFolder(folder, { secret: backupSecret, kind: recovery ? 'recovery' : 'passphrase' }));
  printChecks(io, r);
  io.out(r.ok ? '备份校验通过 / backup verified' : '备份校验未通过 / backup FAILED verification');
  io.out(recordedOn ? `结果已记入介质 ${recordedOn} 的记录 / recorded on medium ${recordedOn}` : `结果未记入台账：${notRecorded} / not recorded`);
  return r.ok ? 0 : 1;
}

/**
 * Restore from a backup folder. Standard input: the vault's current passphrase, then the
 * backup's passphrase (or recovery key with --recovery) if it differs. Without --yes only
 * the comparison is shown: replacing the ledger must be a deliberate act.
 */
export async function cliRestore(services: Services, io: CliIo, folder: string, lines: string[], recovery: boolean, yes: boolean): Promise<number> {
  const [current, backupSecret = current] = lines as [string, string?];
  await services.vault.unlock(current);
  let refused = 0;
  const done = await withProgress(io, () => services.backup.progress(), () => services.backup.restoreFolder(folder, { secret: backupSecret, kind: recovery ? 'recovery' : 'passphrase' }, (r) => {
    if (!r.ok || !r.manifest) {
      for (const c of r.checks.filter((x) => !x.ok)) io.err(`FAIL ${c.name}：${c.detail}`);
      io.err('备份校验未通过，未恢复 / backup failed verification, nothing restored');
      refused = 1;
      return false;
    }
    const now = services.backup.currentFacts();
    io.out(`备份 backup:  ${r.manifest.unitName}  建于 created ${r.manifest.createdAt}  最后事件 last event ${r.manifest.lastEventAt ?? '-'}  chain #${r.manifest.chainHead.seq} ${r.manifest.chainHead.hash.slice(0, 12)}  ${JSON.stringify(r.manifest.counts)}`);
    io.out(`当前 current: ${services.vault.requireOpen().meta.unitName}  最后事件 last event ${now.lastEventAt ?? '-'}  chain #${now.chainHead.seq} ${now.chainHead.hash.slice(0, 12)}  ${JSON.stringify(now.counts)}`);
    if (yes) return true;
    io.err('加 --yes 确认用此备份替换当前台账（当前台账会先另存一份）/ add --yes to replace the vault');
    refused = 2;
    return false;
  }));
  if (!done) return refused;
  io.out(`已恢复 / restored: chain #${done.chain.head.seq} ${done.chain.ok ? 'ok' : 'BROKEN'}`);
  return 0;
}
