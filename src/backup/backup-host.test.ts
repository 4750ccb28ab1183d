import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFixture, type BackupFixture } from '../testing/backup-fixture';
import { fails } from '../testing/refusal';
import { GOOD_PASSPHRASE } from '../testing/temp-vault';
import { IDENTITY_FILE } from './backup-identity';
import type { VolumeView } from './backup-service';

/** R-36 for this ledger's own backup media: 本机 is where every one of them is used. */
let f: BackupFixture;
beforeEach(async () => {
  f = await backupFixture();
});
afterEach(() => f.cleanup());

type Event = { type: string; payload: Record<string, unknown> };
const timeline = async (id = f.mediumId) => (await f.call<{ timeline: Event[] }>('media:detail', { id })).timeline;
const refusals = async (id = f.mediumId) => (await timeline(id)).filter((e) => e.type === 'use_refused');
const secret = { secret: GOOD_PASSPHRASE, kind: 'passphrase' };

/** Every file on a fake volume, with its size: a refused command must leave it as it was. */
const filesOn = (fsUuid: string): string[] => {
  const root = join(f.volumes.root, fsUuid);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .map((e) => join(e.parentPath, e.name))
    .map((p) => `${relative(root, p)} ${statSync(p).isFile() ? statSync(p).size : 'dir'}`)
    .sort();
};

async function computer(number: string, level: string): Promise<string> {
  const keeper = (await f.call<{ id: string }[]>('people:list'))[0]!;
  const { id } = await f.call<{ id: string }>('computers:register', {
    registeredOn: '2026-11-20',
    fields: { number, level, kind: 'desktop', disks: [{ serial: `WD-${number}`, capacity: '1TB' }], responsibleId: keeper.id, location: '机要室' },
  });
  await f.call('computers:enable', { computerId: id, occurredOn: '2026-11-20', checkedOn: '2026-11-19', labelApplied: true, level });
  return id;
}

const bind = (mediumId: string, computerId: string) => f.call('media:bind', { mediumId, computerId, occurredOn: '2026-11-20' });
const setHost = (hostComputerId: string | null) => f.call('settings:update', { hostComputerId });
const backup = () => f.call<{ name: string }>('backup:run', { fsUuid: 'UUID-AAAA' });

describe('R-36 backups checked against 本机', () => {
  it('R-36 the CLI restore of a folder on the medium is refused the same way; a copy elsewhere does not involve the medium', async () => {
    const { name } = await backup();
    await setHost(await computer('JSJ-001', 'mimi'));
    const folder = join(f.volumes.root, 'UUID-AAAA', 'baomi-backups', name);
    const message = 'R-36：机密介质 BF-001 不得在低密级（秘密）计算机 JSJ-001 上使用';
    expect(await fails(f.services.backup.restoreFolder(folder, { secret: GOOD_PASSPHRASE, kind: 'passphrase' }, () => false))).toMatchObject({ message });
    expect((await refusals()).map((e) => (e.payload.attempt as { operation: string; folder: string }))).toEqual([{ operation: 'backup_restored', folder }]);
    const copy = join(f.dir, 'copy', name);
    cpSync(folder, copy, { recursive: true });
    const seen: boolean[] = [];
    expect(await f.services.backup.restoreFolder(copy, { secret: GOOD_PASSPHRASE, kind: 'passphrase' }, (r) => (seen.push(r.ok), false))).toBeNull();
    expect(seen).toEqual([true]);
    expect(await refusals()).toHaveLength(1);
  });

  it('R-36 a backup medium of a higher level than 本机 is refused, the refusal is kept on the medium, and nothing is written', async () => {
    const { name } = await backup();
    await setHost(await computer('JSJ-001', 'mimi'));
    const before = filesOn('UUID-AAAA');
    const message = 'R-36：机密介质 BF-001 不得在低密级（秘密）计算机 JSJ-001 上使用';
    expect(await fails(backup())).toMatchObject({ code: 'RULE_VIOLATION', message });
    expect(await fails(f.call('backup:verify', { fsUuid: 'UUID-AAAA', name, ...secret }))).toMatchObject({ message });
    expect(await fails(f.call('backup:restore', { fsUuid: 'UUID-AAAA', name, ...secret }))).toMatchObject({ message });
    expect(filesOn('UUID-AAAA')).toEqual(before);
    expect((await refusals()).map((e) => [e.payload.message, (e.payload.attempt as { operation: string }).operation])).toEqual([
      [message, 'backup_written'],
      [message, 'backup_verified'],
      [message, 'backup_restored'],
    ]);
    expect((await timeline()).filter((e) => e.type === 'backup_written' || e.type === 'backup_verified')).toHaveLength(1);
  });

  it('R-36 registering a 绝密 medium as a backup volume on a 机密 本机 is refused and recorded; no identity file is written', async () => {
    await setHost(await computer('JSJ-002', 'jimi'));
    const juemi = await f.medium('BF-002', 'juemi');
    f.volumes.plug('BAOMI-BK2', 'UUID-BBBB', 'USB-SN-2');
    const e = await fails(f.call('backup:registerVolume', { mediumId: juemi, fsUuid: 'UUID-BBBB' }));
    expect(e.message).toBe('R-36：绝密介质 BF-002 不得在低密级（机密）计算机 JSJ-002 上使用');
    expect(existsSync(join(f.volumes.root, 'UUID-BBBB', IDENTITY_FILE))).toBe(false);
    expect(filesOn('UUID-BBBB')).toEqual([]);
    expect((await refusals(juemi)).map((r) => (r.payload.attempt as { operation: string }).operation)).toEqual(['backup_volume_registered']);
  });

  it('R-36 a backup medium not bound to 本机 is refused and the refusal recorded', async () => {
    await setHost(await computer('JSJ-003', 'jimi'));
    const before = filesOn('UUID-AAAA');
    expect((await fails(backup())).message).toBe('R-36：介质 BF-001 未绑定计算机 JSJ-003，不得在其上使用');
    expect(filesOn('UUID-AAAA')).toEqual(before);
    expect(await refusals()).toHaveLength(1);
    // The volume list says so without recording a use each time it is read.
    const [view] = await f.call<VolumeView[]>('backup:volumes');
    expect(view).toMatchObject({ medium: { number: 'BF-001' }, refusal: 'R-36：介质 BF-001 未绑定计算机 JSJ-003，不得在其上使用' });
    expect(await refusals()).toHaveLength(1);
  });

  it('R-36 a medium bound to 本机, at a level 本机 may hold, is backed up, verified and listed as before', async () => {
    const host = await computer('JSJ-004', 'jimi');
    await bind(f.mediumId, host);
    await setHost(host);
    const { name } = await backup();
    expect((await f.call<{ ok: boolean }>('backup:verify', { fsUuid: 'UUID-AAAA', name, ...secret })).ok).toBe(true);
    expect((await f.call<VolumeView[]>('backup:volumes'))[0]).toMatchObject({ refusal: null, backups: [{ name }] });
    expect(await refusals()).toEqual([]);
  });

  it('R-36 with 本机 not named nothing is refused: ledgers from before the setting keep working', async () => {
    await computer('JSJ-005', 'mimi');
    const { name } = await backup();
    expect((await f.call<{ ok: boolean }>('backup:verify', { fsUuid: 'UUID-AAAA', name, ...secret })).ok).toBe(true);
    expect(await refusals()).toEqual([]);
  });
});
