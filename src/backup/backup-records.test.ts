import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerContext } from '../api/handlers/ledger-context';
import { listAudit } from '../audit/audit-log';
import { dueItems } from '../ledger/due/due-engine';
import { backupFixture, type BackupFixture } from '../testing/backup-fixture';
import { fails } from '../testing/refusal';
import { GOOD_PASSPHRASE } from '../testing/temp-vault';
import { BACKUP_ROOT } from './backup-identity';

/** What the ledger records of backups when things go wrong: nothing claimed that did not happen. */
let f: BackupFixture;
beforeEach(async () => {
  f = await backupFixture();
});
afterEach(() => f.cleanup());

const verify = (name: string) => f.call<{ ok: boolean; checks: { name: string; ok: boolean; detail: string }[] }>('backup:verify', { fsUuid: 'UUID-AAAA', name, secret: GOOD_PASSPHRASE, kind: 'passphrase' });
const folder = (name: string) => join(f.volumes.root, 'UUID-AAAA', BACKUP_ROOT, name);
const timeline = async () => (await f.call<{ timeline: { type: string; payload: Record<string, unknown> }[] }>('media:detail', { id: f.mediumId })).timeline;
const audit = () => listAudit(f.services.vault.requireOpen().db, 50);

describe('a test restore of a backup that can no longer be read', () => {
  it('R-05 is recorded as failed, so an earlier pass no longer vouches for it', async () => {
    const { name } = await f.call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' });
    expect((await verify(name)).ok).toBe(true);
    expect(await f.call('backup:status')).toMatchObject({ lastVerifiedOk: true, stale: false });
    writeFileSync(join(folder(name), 'manifest.json'), '{ "format": "baomi-bac');
    const report = await verify(name);
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([{ name: '备份文件', ok: false, detail: '备份清单（manifest.json）缺失或损坏：这不是完整的备份' }]);
    expect(await f.call('backup:status')).toMatchObject({ lastVerifiedOk: false, stale: true, ageDays: null });
    expect((await timeline()).filter((e) => e.type === 'backup_verified').map((e) => e.payload.ok)).toEqual([true, false]);
    expect(dueItems(ledgerContext(f.services.vault, f.clock), f.services.backup.status()).find((d) => d.kind === 'backup')?.title).toMatch(/^备份：最近一次读回校验未通过/);
  });

  it('a restore from it is refused and the refusal is on record', async () => {
    const { name } = await f.call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' });
    writeFileSync(join(folder(name), 'keyslots.json'), 'not json');
    expect(await fails(f.call('backup:restore', { fsUuid: 'UUID-AAAA', name, secret: GOOD_PASSPHRASE, kind: 'passphrase' }))).toMatchObject({ code: 'BACKUP_INVALID', message: '备份校验未通过，未恢复：备份文件' });
    expect((await timeline()).at(-1)).toMatchObject({ type: 'backup_verified', payload: { ok: false } });
  });

  it('a wrong passphrase is an error, not a result: nothing is recorded', async () => {
    const { name } = await f.call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' });
    expect((await fails(f.call('backup:verify', { fsUuid: 'UUID-AAAA', name, secret: 'Wrong#Pass123', kind: 'passphrase' }))).code).toBe('WRONG_PASSPHRASE');
    expect((await timeline()).some((e) => e.type === 'backup_verified')).toBe(false);
  });
});

describe('home page warning', () => {
  it('R-05 a backup never test-restored is named as such, not as "? days"', async () => {
    await f.call('backup:run', { fsUuid: 'UUID-AAAA' });
    const item = dueItems(ledgerContext(f.services.vault, f.clock), f.services.backup.status()).find((d) => d.kind === 'backup');
    expect(item?.title).toBe('备份：尚无试恢复校验通过的备份（要求 7 天内）');
  });
});

describe('retention records each deletion as it happens', () => {
  async function sevenBackups(): Promise<string[]> {
    const names: string[] = [];
    for (let i = 0; i < 7; i++) {
      f.clock.advance(60_000);
      names.push((await f.call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' })).name);
    }
    return names;
  }

  it('a deletion that fails half-way: the one done is on record, the one not done is still listed', async () => {
    const names = await sevenBackups();
    const renames: string[] = [];
    f.backupFs = {
      ...f.backupFs,
      rename: async (a, b) => {
        renames.push(a);
        if (renames.length === 2) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
        const { rename } = await import('node:fs/promises');
        await rename(a, b);
      },
    };
    const e = await fails(f.call('backup:prune', { fsUuid: 'UUID-AAAA', names: [names[1], names[0]] }));
    expect(e).toMatchObject({ code: 'BACKUP_FAILED' });
    expect(e.message).toMatch(new RegExp(`^删除旧备份 ${names[0]} 失败：读写出错.+。已删除并记入台账：${names[1]}$`));
    expect(e.message).not.toMatch(/i\/o error|rename/);
    expect((await timeline()).filter((x) => x.type === 'backup_deleted').map((x) => x.payload.names)).toEqual([[names[1]]]);
    const db = f.services.vault.requireOpen().db;
    const rows = db.prepare('SELECT name FROM backups WHERE deleted_at IS NOT NULL').all() as { name: string }[];
    expect(rows.map((r) => r.name)).toEqual([names[1]]);
    expect(readdirSync(join(f.volumes.root, 'UUID-AAAA', BACKUP_ROOT)).sort()).toEqual([...names.slice(2), names[0]].sort());
  });

  it('a deletion the ledger cannot record puts the backup back under its name', async () => {
    const names = await sevenBackups();
    const db = f.services.vault.requireOpen().db;
    db.exec("CREATE TEMP TRIGGER refuse_deleted BEFORE UPDATE OF deleted_at ON backups BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    const e = await fails(f.call('backup:prune', { fsUuid: 'UUID-AAAA', names: [names[0]] }));
    db.exec('DROP TRIGGER temp.refuse_deleted');
    expect(e).toMatchObject({ code: 'BACKUP_FAILED' });
    expect(e.message).toMatch(new RegExp(`^删除旧备份 ${names[0]} 失败：.+。未删除任何备份$`));
    expect(readdirSync(join(f.volumes.root, 'UUID-AAAA', BACKUP_ROOT)).sort()).toEqual([...names].sort());
    expect((await timeline()).some((x) => x.type === 'backup_deleted')).toBe(false);
  });

  it('no test restore starts while a deletion runs', async () => {
    const names = await sevenBackups();
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const rm = f.backupFs.rm;
    f.backupFs = { ...f.backupFs, rm: async (p) => (await held, rm(p)) };
    const pruning = f.call('backup:prune', { fsUuid: 'UUID-AAAA', names: [names[0]] });
    while (!(await f.call<{ running: boolean }>('backup:progress')).running) await new Promise((r) => setTimeout(r, 1));
    expect(await fails(verify(names[0]!))).toMatchObject({ code: 'CONFLICT', message: '已有备份或校验正在进行，请等待其完成' });
    release();
    expect(await pruning).toEqual({ deleted: [names[0]] });
    expect((await timeline()).some((x) => x.type === 'backup_verified')).toBe(false);
  });

  it('no deletion while a test restore may be reading the medium', async () => {
    const names = await sevenBackups();
    const reading = verify(names[0]!);
    while (!(await f.call<{ running: boolean }>('backup:progress')).running) await new Promise((r) => setTimeout(r, 1));
    const refusal = await fails(f.call('backup:prune', { fsUuid: 'UUID-AAAA', names: [names[0]] }));
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: '已有备份或校验正在进行，请等待其完成' });
    expect((await reading).ok).toBe(true);
    expect(existsSync(folder(names[0]!))).toBe(true);
  });
});

describe('which volume is the registered medium', () => {
  it('R-04 a look-alike with the same volume id whose serial cannot be read is refused, and the refusal recorded', async () => {
    f.volumes.unplug('UUID-AAAA');
    // Same folder, identity file and volume id; seen through a reader that hides the serial.
    f.volumes.plug('BAOMI-BK1', 'UUID-AAAA', '');
    expect(await fails(f.call('backup:run', { fsUuid: 'UUID-AAAA' }))).toMatchObject({
      code: 'BACKUP_REFUSED',
      message: '读不到此卷的设备序列号（登记时为 USB-SN-1），无法确认它就是备份介质 BF-001；请把介质直接插在本机的 USB 接口上，不经读卡器或扩展坞',
    });
    expect(audit().filter((e) => e.action === 'backup.refused').map((e) => e.subject)).toEqual(['UUID-AAAA']);
  });

  it('R-04 one volume cannot be registered to a second medium', async () => {
    const second = await f.medium('BF-002', 'jimi');
    expect(await fails(f.call('backup:registerVolume', { mediumId: second, fsUuid: 'UUID-AAAA' }))).toMatchObject({
      code: 'CONFLICT',
      message: '此卷已登记为介质 BF-001 的备份卷，一个卷只能对应台账中的一个介质；如 BF-001 密级不够，请在介质台账中提升它的密级',
    });
    const detail = await f.call<{ timeline: { type: string }[] }>('media:detail', { id: second });
    expect(detail.timeline.map((e) => e.type)).toEqual(['registered']);
  });

  it('R-04 a level raised while a test restore runs is not undone when its result is recorded', async () => {
    const { name } = await f.call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' });
    const reading = verify(name);
    // The job has recognised the medium (as 机密) before the progress shows it running.
    while (!(await f.call<{ running: boolean }>('backup:progress')).running) await new Promise((r) => setTimeout(r, 1));
    await f.call('media:raiseLevel', { mediumId: f.mediumId, occurredOn: '2026-11-20', level: 'juemi', reason: '改作绝密备份介质' });
    expect((await reading).ok).toBe(true);
    const m = await f.call<{ medium: { level: string }; timeline: { type: string }[] }>('media:detail', { id: f.mediumId });
    expect(m.medium.level).toBe('juemi');
    expect(m.timeline.map((e) => e.type).slice(-2)).toEqual(['level_raised', 'backup_verified']);
  });
});
