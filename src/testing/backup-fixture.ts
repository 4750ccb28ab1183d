import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services } from '../app/create-services';
import { dispatch } from '../api/dispatch';
import { nodeBackupFs, type BackupFs } from '../backup/backup-writer';
import { AppError } from '../errors/app-error';
import { FakeVolumes } from './fake-volumes';
import { ManualClock } from './manual-clock';
import { GOOD_PASSPHRASE, MIGRATIONS_DIR, TEST_KDF } from './temp-vault';

/**
 * A vault with one carrier and one registered backup medium (BF-001, 机密) on a plugged
 * fake volume UUID-AAAA. `backupFs` may be swapped by a test to inject faults.
 */
export interface BackupFixture {
  dir: string;
  volumes: FakeVolumes;
  clock: ManualClock;
  services: Services;
  recoveryKey: string;
  mediumId: string;
  backupFs: BackupFs;
  call<T>(channel: string, input?: unknown): Promise<T>;
  medium(number: string, level: string, purpose?: string): Promise<string>;
  cleanup(): void;
}

export async function backupFixture(): Promise<BackupFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'baomi-backup-'));
  const volumes = new FakeVolumes();
  const clock = new ManualClock('2026-11-20T02:00:00.000Z');
  const f = { dir, volumes, clock, backupFs: { ...nodeBackupFs } } as BackupFixture;
  // Every call goes through f.backupFs as it is at that moment.
  const fs: BackupFs = { open: (p, flags) => f.backupFs.open(p, flags), mkdir: (p) => f.backupFs.mkdir(p), copyFile: (a, b) => f.backupFs.copyFile(a, b), rename: (a, b) => f.backupFs.rename(a, b), rm: (p) => f.backupFs.rm(p) };
  f.services = createServices({ vaultDir: join(dir, 'vault'), migrationsDir: MIGRATIONS_DIR, clock, kdf: TEST_KDF, volumes, backupFs: fs });
  f.call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const r = await dispatch(f.services.handlers, channel, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message);
    return r.value as T;
  };
  f.medium = async (number, level, purpose = '本系统备份介质') => {
    const keeper = (await f.call<{ id: string }[]>('people:list'))[0]!;
    return (await f.call<{ id: string }>('media:register', { registeredOn: '2026-11-20', fields: { number, kind: 'usb', level, purpose, responsibleId: keeper.id, location: '1号保密柜' } })).id;
  };
  f.cleanup = () => {
    f.services.dispose();
    volumes.cleanup();
    rmSync(dir, { recursive: true, force: true });
  };
  ({ recoveryKey: f.recoveryKey } = await f.services.vault.create({ unitName: '某单位', officerName: '张保密', passphrase: GOOD_PASSPHRASE }));
  const keeper = await f.call<{ id: string }>('people:register', { name: '吴保管', clearance: 'important' });
  await f.call('carriers:receive', { receivedOn: '2026-11-20', receiverId: keeper.id, items: [{ title: '机密通知', carrierType: 'paper', level: 'jimi', classifiedOn: '2026-11-01', copies: 1, copyNumbers: '001', custodianId: keeper.id }] });
  f.mediumId = await f.medium('BF-001', 'jimi');
  volumes.plug('BAOMI-BK1', 'UUID-AAAA', 'USB-SN-1');
  await f.call('backup:registerVolume', { mediumId: f.mediumId, fsUuid: 'UUID-AAAA' });
  return f;
}
