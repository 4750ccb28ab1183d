import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../app/create-services';
import { listAudit } from '../audit/audit-log';
import type { AppError } from '../errors/app-error';
import { backupFixture, type BackupFixture } from '../testing/backup-fixture';
import { fails } from '../testing/refusal';
import type { FakeVolumes } from '../testing/fake-volumes';
import type { ManualClock } from '../testing/manual-clock';
import { GOOD_PASSPHRASE } from '../testing/temp-vault';
import { nodeBackupFs, type BackupFs } from './backup-writer';
import { BACKUP_ROOT, IDENTITY_FILE } from './backup-identity';
import { readManifest } from './backup-format';
import { expectationOf } from './restore';

let f: BackupFixture;
let dir: string;
let volumes: FakeVolumes;
let clock: ManualClock;
let services: Services;
let recoveryKey: string;
let mediumId: string;
const call = <T>(channel: string, input?: unknown): Promise<T> => f.call<T>(channel, input);
const medium = (number: string, level: string, purpose?: string) => f.medium(number, level, purpose);

beforeEach(async () => {
  f = await backupFixture();
  ({ dir, volumes, clock, services, recoveryKey, mediumId } = f);
});

afterEach(() => f.cleanup());

const backupDirs = (uuid: string) => readdirSync(join(volumes.root, uuid, BACKUP_ROOT));

/** The phases backup:progress reports while `job` runs, polled as the window does; `whileRunning` is tried once a phase shows. */
async function phasesDuring<T>(job: Promise<T>, whileRunning: () => Promise<void> = async () => {}): Promise<{ value: T; phases: string[] }> {
  const phases: string[] = [];
  let settled = false;
  const done = job.finally(() => (settled = true));
  while (!settled) {
    const p = await call<{ running: boolean; phase: string }>('backup:progress');
    if (p.running && phases.at(-1) !== p.phase) phases.push(p.phase);
    if (p.running) await whileRunning();
    await new Promise((r) => setTimeout(r, 2));
  }
  return { value: await done, phases };
}

describe('registering a backup medium', () => {
  it('R-05 only a medium for 本系统备份介质, at the ledger’s highest level or above', async () => {
    volumes.plug('OTHER', 'UUID-BBBB');
    const low = await medium('BF-002', 'mimi');
    expect((await fails(call('backup:registerVolume', { mediumId: low, fsUuid: 'UUID-BBBB' }))).message).toBe('R-05：台账含有机密信息，备份介质 BF-002 的密级（秘密）不够');
    const wrongPurpose = await medium('U-009', 'jimi', '日常拷贝');
    expect((await fails(call('backup:registerVolume', { mediumId: wrongPurpose, fsUuid: 'UUID-BBBB' }))).message).toMatch(/^R-05：介质 U-009 的用途不是“本系统备份介质”/);
    expect(existsSync(join(volumes.root, 'UUID-AAAA', IDENTITY_FILE))).toBe(true);
  });
});

describe('backup, verify and retention', () => {
  it('writes a verified backup with its manifest, recorded on the medium, and verifies with passphrase or recovery key', async () => {
    const r = await call<{ name: string; deletable: string[] }>('backup:run', { fsUuid: 'UUID-AAAA' });
    expect(backupDirs('UUID-AAAA')).toEqual([r.name]);
    expect(readdirSync(join(volumes.root, 'UUID-AAAA', BACKUP_ROOT, r.name)).sort()).toEqual(['keyslots.json', 'ledger.db', 'manifest.json']);
    const bytes = readFileSync(join(volumes.root, 'UUID-AAAA', BACKUP_ROOT, r.name, 'ledger.db'));
    expect(bytes.includes(Buffer.from('机密通知'))).toBe(false);
    const byPass = await call<{ ok: boolean; checks: { name: string; ok: boolean }[] }>('backup:verify', { fsUuid: 'UUID-AAAA', name: r.name, secret: GOOD_PASSPHRASE, kind: 'passphrase' });
    expect(byPass.checks.filter((c) => !c.ok)).toEqual([]);
    expect(byPass.ok).toBe(true);
    expect((await call<{ ok: boolean }>('backup:verify', { fsUuid: 'UUID-AAAA', name: r.name, secret: recoveryKey, kind: 'recovery' })).ok).toBe(true);
    const detail = await call<{ timeline: { type: string }[] }>('media:detail', { id: mediumId });
    expect(detail.timeline.map((e) => e.type)).toEqual(['registered', 'backup_volume_registered', 'backup_written', 'backup_verified', 'backup_verified']);
    expect(await call('backup:status')).toMatchObject({ lastVerifiedOk: true, mediumNumber: 'BF-001', ageDays: 0, stale: false });
    clock.advance(8 * 86_400_000);
    // Eight days idle locked the vault; the status is read after unlocking again.
    expect(services.vault.status().state).toBe('locked');
    await services.vault.unlock(GOOD_PASSPHRASE);
    expect(await call('backup:status')).toMatchObject({ ageDays: 8, stale: true });
  });

  it('a test restore shows its phases as it goes, and no backup starts while it runs', async () => {
    const { name } = await call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' });
    let refusal: AppError | null = null;
    const { value, phases } = await phasesDuring(call<{ ok: boolean }>('backup:verify', { fsUuid: 'UUID-AAAA', name, secret: GOOD_PASSPHRASE, kind: 'passphrase' }), async () => {
      refusal ??= await fails(call('backup:run', { fsUuid: 'UUID-AAAA' }));
    });
    expect(value.ok).toBe(true);
    // The checks run in worker threads for at least their start-up: that phase is always seen.
    expect(phases).toContain('checks');
    expect(['open', 'hash', 'checks'].filter((p) => phases.includes(p))).toEqual(phases);
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: '已有备份或校验正在进行，请等待其完成' });
    expect(await call('backup:progress')).toMatchObject({ running: false });
    expect(backupDirs('UUID-AAAA')).toEqual([name]);
  });

  it('the read-back and the test restore read the medium: each file is evicted from the cache once complete, and the record says so', async () => {
    const evicted: { file: string; bytes: number }[] = [];
    const first = await call<{ name: string; readBackFrom: string }>('backup:run', { fsUuid: 'UUID-AAAA' });
    expect(first.readBackFrom).toBe('cache');
    volumes.evictCache = async (file) => (evicted.push({ file, bytes: statSync(file).size }), true);
    clock.advance(60_000);
    const { name, readBackFrom } = await call<{ name: string; readBackFrom: string }>('backup:run', { fsUuid: 'UUID-AAAA' });
    expect(readBackFrom).toBe('medium');
    const folder = join(volumes.root, 'UUID-AAAA', BACKUP_ROOT, name);
    const files = ['ledger.db', 'keyslots.json'];
    const complete = files.map((f) => ({ file: join(folder, f), bytes: statSync(join(folder, f)).size }));
    // The read-back runs before the folder gets its final name: a failed one never has it.
    expect(evicted).toEqual(files.map((f, i) => ({ file: join(`${folder}.partial`, f), bytes: complete[i]!.bytes })));
    expect((await call<{ ok: boolean }>('backup:verify', { fsUuid: 'UUID-AAAA', name, secret: GOOD_PASSPHRASE, kind: 'passphrase' })).ok).toBe(true);
    expect(evicted.slice(2)).toEqual(complete);
    // A platform that could not evict one file: the read-back is not claimed to be the medium's.
    volumes.evictCache = async (file) => !file.endsWith('keyslots.json');
    clock.advance(60_000);
    expect((await call<{ readBackFrom: string }>('backup:run', { fsUuid: 'UUID-AAAA' })).readBackFrom).toBe('cache');
    const events = (await call<{ timeline: { type: string; payload: Record<string, unknown> }[] }>('media:detail', { id: mediumId })).timeline;
    expect(events.filter((e) => e.type === 'backup_written').map((e) => e.payload.readBackFrom)).toEqual(['cache', 'medium', 'cache']);
    expect(events.find((e) => e.type === 'backup_verified')?.payload.readFrom).toBe('medium');
  });

  it('keeps the newest five; older ones go only when the officer confirms', async () => {
    const names: string[] = [];
    let last: { name: string; deletable: string[] } = { name: '', deletable: [] };
    for (let i = 0; i < 7; i++) {
      clock.advance(60_000);
      last = await call<{ name: string; deletable: string[] }>('backup:run', { fsUuid: 'UUID-AAAA' });
      names.push(last.name);
    }
    expect(last.deletable).toEqual([names[1], names[0]]);
    expect(backupDirs('UUID-AAAA')).toHaveLength(7);
    expect((await fails(call('backup:prune', { fsUuid: 'UUID-AAAA', names: [names[3]] }))).message).toBe('只能删除最新 5 份以外的备份');
    expect(await call('backup:prune', { fsUuid: 'UUID-AAAA', names: last.deletable })).toEqual({ deleted: [names[1], names[0]] });
    expect(backupDirs('UUID-AAAA').sort()).toEqual(names.slice(2).sort());
  });
});

describe('faults end with nothing lost and a clear error', () => {
  const failingAfter = (bytes: number, fault: () => never): BackupFs => ({
    ...nodeBackupFs,
    open: async (p, f) => {
      const h = await nodeBackupFs.open(p, f);
      let written = 0;
      return { ...h, write: async (b) => ((written += b.length) > bytes ? fault() : h.write(b)) };
    },
    // As the kernel's copy would: the first bytes land, then the fault.
    copyFile: async (from, to) => {
      writeFileSync(to, readFileSync(from).subarray(0, bytes), { flag: 'wx' });
      fault();
    },
  });

  it('the target disappears mid-write', async () => {
    f.backupFs = failingAfter(1 << 20, () => {
      rmSync(join(volumes.root, 'UUID-AAAA'), { recursive: true, force: true });
      throw Object.assign(new Error('gone'), { code: 'ENOENT' });
    });
    // A bigger ledger, so that the copy is cut off mid-way.
    const keeper = (await call<{ id: string }[]>('people:list'))[0]!;
    for (let i = 0; i < 3; i++) await call('carriers:receive', { receivedOn: '2026-11-20', receiverId: keeper.id, items: Array.from({ length: 150 }, (_, k) => ({ title: `文件${i}-${k}`.repeat(20), carrierType: 'paper', level: 'mimi', classifiedOn: '2026-11-01', copies: 1, custodianId: keeper.id })) });
    const e = await fails(call('backup:run', { fsUuid: 'UUID-AAAA' }));
    expect(e.code).toBe('BACKUP_FAILED');
    expect(e.message).toContain('备份介质在写入过程中被移除或无法访问');
    expect((await call<{ total: number }>('carriers:list', {})).total).toBe(451);
    expect(await call('backup:progress')).toMatchObject({ running: false });
  });

  it('the disk is full', async () => {
    f.backupFs = failingAfter(4096, () => {
      throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
    });
    const e = await fails(call('backup:run', { fsUuid: 'UUID-AAAA' }));
    expect(e.message).toBe('备份未完成：备份介质空间已满。台账未受影响，介质上没有留下不完整的备份');
    expect(backupDirs('UUID-AAAA')).toEqual([]);
    volumes.mounted[0]!.freeBytes = 1000;
    expect((await fails(call('backup:run', { fsUuid: 'UUID-AAAA' }))).message).toMatch(/^备份介质空间不足/);
  });

  it('a medium that does not give back what was written: the read-back fails, no folder gets the final name, nothing is recorded', async () => {
    const renamed: string[] = [];
    f.backupFs = {
      ...nodeBackupFs,
      rename: async (a, b) => (renamed.push(b), nodeBackupFs.rename(a, b)),
      // The kernel's copy "succeeds", but one byte on the medium is not what was written.
      copyFile: async (from, to) => {
        const bytes = readFileSync(from);
        bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x10;
        writeFileSync(to, bytes, { flag: 'wx' });
      },
    };
    const e = await fails(call('backup:run', { fsUuid: 'UUID-AAAA' }));
    expect(e).toMatchObject({ code: 'BACKUP_FAILED', message: '备份写入后回读校验失败：ledger.db 与写入的不一致' });
    expect(readdirSync(join(volumes.root, 'UUID-AAAA', BACKUP_ROOT))).toEqual([]);
    expect(renamed).toEqual([]);
    const events = (await call<{ timeline: { type: string }[] }>('media:detail', { id: mediumId })).timeline;
    expect(events.some((x) => x.type === 'backup_written')).toBe(false);
    expect(await call('backup:status')).toMatchObject({ lastBackupAt: null });
  });

  it('a truncated or bit-flipped backup fails verification, naming what is wrong', async () => {
    const a = (await call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' })).name;
    clock.advance(60_000);
    const b = (await call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' })).name;
    const file = (n: string) => join(volumes.root, 'UUID-AAAA', BACKUP_ROOT, n, 'ledger.db');
    truncateSync(file(a), 8192);
    const bytes = readFileSync(file(b));
    bytes[9000] = (bytes[9000] ?? 0) ^ 0x01;
    writeFileSync(file(b), bytes);
    for (const name of [a, b]) {
      const r = await call<{ ok: boolean; checks: { name: string; ok: boolean }[] }>('backup:verify', { fsUuid: 'UUID-AAAA', name, secret: GOOD_PASSPHRASE, kind: 'passphrase' });
      expect(r.ok).toBe(false);
      expect(r.checks.find((c) => c.name === '数据库文件完整')?.ok).toBe(false);
    }
    expect((await fails(call('backup:restore', { fsUuid: 'UUID-AAAA', name: b, secret: GOOD_PASSPHRASE, kind: 'passphrase' }))).message).toMatch(/^备份校验未通过，未恢复/);
    expect(await call('backup:status')).toMatchObject({ lastVerifiedOk: false, stale: true });
  });

  it('a wrong passphrase opens nothing', async () => {
    const { name } = await call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' });
    expect((await fails(call('backup:verify', { fsUuid: 'UUID-AAAA', name, secret: 'Wrong#Pass123', kind: 'passphrase' }))).code).toBe('WRONG_PASSPHRASE');
  });

  it('a forged or copied identity file is refused, and the refusal is recorded', async () => {
    const id = join(volumes.root, 'UUID-AAAA', IDENTITY_FILE);
    volumes.plug('BAOMI-BK1', 'UUID-CCCC', 'USB-SN-9');
    cpSync(id, join(volumes.root, 'UUID-CCCC', IDENTITY_FILE));
    expect((await fails(call('backup:run', { fsUuid: 'UUID-CCCC' }))).message).toMatch(/^此卷不是登记的备份介质 BF-001（卷标识不符/);
    const forged = JSON.parse(readFileSync(id, 'utf8')) as Record<string, unknown>;
    writeFileSync(id, JSON.stringify({ ...forged, mediumNumber: 'BF-999' }));
    expect((await fails(call('backup:run', { fsUuid: 'UUID-AAAA' }))).message).toBe('备份介质身份文件校验失败（可能被伪造或篡改）');
    volumes.plug('EMPTY', 'UUID-DDDD');
    expect((await fails(call('backup:run', { fsUuid: 'UUID-DDDD' }))).code).toBe('BACKUP_REFUSED');
    const refusals = listAudit(services.vault.requireOpen().db, 20).filter((e) => e.action === 'backup.refused');
    expect(refusals.map((e) => e.subject)).toEqual(['UUID-DDDD', 'UUID-AAAA', 'UUID-CCCC']);
    const views = await call<{ fsUuid: string; medium: unknown; refusal: string | null }[]>('backup:volumes');
    expect(views.find((v) => v.fsUuid === 'UUID-CCCC')?.refusal).toMatch(/卷标识不符/);
  });
});

describe('restore', () => {
  it('a failed restore leaves the old vault and a notice for the unlock screen; the status never flickers to locked', async () => {
    const { name } = await call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' });
    let sawDuringSwap = '';
    const backupDir = join(volumes.root, 'UUID-AAAA', BACKUP_ROOT, name);
    const restore = services.vault.restoreFrom(backupDir, 'Wrong#Pass123', 'passphrase', expectationOf(readManifest(backupDir)!), (step) => {
      if (step === 'swapped') sawDuringSwap = services.vault.status().state;
    });
    expect((await fails(restore)).code).toBe('WRONG_PASSPHRASE');
    expect(sawDuringSwap).toBe('unlocked');
    expect(services.vault.status()).toMatchObject({ state: 'locked', notice: expect.stringMatching(/^恢复未完成，已还原为恢复前的台账/) });
    await services.vault.unlock(GOOD_PASSPHRASE);
    expect(services.vault.status().notice).toBeNull();
  });

  it('moving a medium to another volume needs an explicit replace', async () => {
    volumes.plug('NEW', 'UUID-NEW', 'SN-NEW');
    expect((await fails(call('backup:registerVolume', { mediumId, fsUuid: 'UUID-NEW' }))).code).toBe('CONFLICT');
    await call('backup:registerVolume', { mediumId, fsUuid: 'UUID-NEW', replace: true });
    expect((await fails(call('backup:run', { fsUuid: 'UUID-AAAA' }))).code).toBe('BACKUP_REFUSED');
  });

  it('verifies, keeps a pre-restore copy, swaps, and opens the backup’s ledger', async () => {
    const { name } = await call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' });
    const keeper = (await call<{ id: string }[]>('people:list'))[0]!;
    await call('carriers:receive', { receivedOn: '2026-11-20', receiverId: keeper.id, items: [{ title: '备份之后的文件', carrierType: 'paper', level: 'mimi', classifiedOn: '2026-11-01', copies: 1, custodianId: keeper.id }] });
    const cmp = await call<{ backup: { counts: Record<string, number> }; current: { counts: Record<string, number> } }>('backup:compare', { fsUuid: 'UUID-AAAA', name, secret: GOOD_PASSPHRASE, kind: 'passphrase' });
    expect([cmp.backup.counts.carriers, cmp.current.counts.carriers]).toEqual([1, 2]);
    const { value: r, phases } = await phasesDuring(call<{ chain: { ok: boolean } }>('backup:restore', { fsUuid: 'UUID-AAAA', name, secret: GOOD_PASSPHRASE, kind: 'passphrase' }));
    expect(r.chain.ok).toBe(true);
    // After the test restore: the swap, then the restored vault reopened and checked again.
    expect(phases.slice(phases.indexOf('checks'))).toEqual(['checks', 'swap', 'reopen']);
    expect((await call<{ total: number }>('carriers:list', {})).total).toBe(1);
    expect(readdirSync(join(dir, 'vault')).some((f) => f.startsWith('pre-restore-'))).toBe(true);
    expect(readdirSync(join(dir, 'vault'))).not.toContain('restore-in-progress.json');
    expect(listAudit(services.vault.requireOpen().db, 3).map((e) => e.action)).toContain('vault.restored');
    // The restored ledger knows the backup it came from, verified; the head includes vault.restored.
    expect(await call('backup:status')).toMatchObject({ lastVerifiedOk: true, stale: false, maxAgeDays: 7, retention: 5 });
    expect((r as unknown as { chain: { head: { seq: number } } }).chain.head.seq).toBe(listAudit(services.vault.requireOpen().db, 1)[0]?.seq);
    expect(await call('backup:progress')).toMatchObject({ running: false, phase: 'done', fraction: 1 });
  });
});
