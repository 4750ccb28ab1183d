import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../app/create-services';
import { listAudit } from '../audit/audit-log';
import { BACKUP_ROOT } from '../backup/backup-identity';
import { FakeVolumes } from '../testing/fake-volumes';
import { MIGRATIONS_DIR, TEST_KDF } from '../testing/temp-vault';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'baomi-cli-bk-'));
const volumes = new FakeVolumes();
afterAll(() => (volumes.cleanup(), rmSync(dir, { recursive: true, force: true })));
const vault = join(dir, 'v');
const PASS = 'Baomi#2026ok';

const cli = async (args: string[], stdin = `${PASS}\n`) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { readStdin: async () => stdin, out: (l) => out.push(l), err: (l) => err.push(l) }, { kdf: TEST_KDF, volumes });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('CLI backup, verify-backup and restore', () => {
  let folder = '';

  it('backup accepts only a registered medium’s volume', async () => {
    expect((await cli(['init', '--dir', vault, '--unit', '某单位', '--officer', '李四'])).code).toBe(0);
    const stranger = volumes.plug('STRANGER', 'UUID-S');
    const refused = await cli(['backup', '--dir', vault, '--volume', stranger.mountPath]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('BACKUP_REFUSED');
    // Registering a backup medium is done in the app; here through the same services.
    const s = createServices({ vaultDir: vault, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF, volumes });
    await s.vault.unlock(PASS);
    const keeper = await s.handlers['people:register']({ name: '吴保管', department: '', post: '', clearance: 'important' });
    const m = await s.handlers['media:register']({ registeredOn: '2026-11-20', fields: { number: 'BF-1', kind: 'usb', level: 'mimi', purpose: '本系统备份介质', responsibleId: keeper.id, model: '', serial: '', volumeUuid: '', capacity: '', department: '', location: '', note: '' } });
    const bk = volumes.plug('BAOMI-BK', 'UUID-B', 'SN-B');
    await s.handlers['backup:registerVolume']({ mediumId: m.id, fsUuid: 'UUID-B' });
    s.dispose();
    const ok = await cli(['backup', '--dir', vault, '--volume', bk.mountPath]);
    expect(ok.code).toBe(0);
    const name = /backup written and read back: (\S+)/.exec(ok.out)?.[1] ?? '';
    folder = join(bk.mountPath, BACKUP_ROOT, name);
  });

  it('verify-backup checks a folder on its own and exits 1 on a wrong passphrase', async () => {
    const r = await cli(['verify-backup', folder]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ok   审计链');
    expect(r.out).toContain('读取的可能是系统缓存中的副本');
    expect(r.out).toContain('结果未记入台账：未指定 --dir');
    expect((await cli(['verify-backup', folder], 'Wrong#2026ok\n')).code).toBe(1);
    // With the platform's eviction, the test restore reads the medium, and says so.
    const evicted: string[] = [];
    volumes.evictCache = async (file) => (evicted.push(file), true);
    const fromMedium = await cli(['verify-backup', folder]);
    volumes.evictCache = undefined;
    expect(fromMedium.out).toContain('已从介质本身读取');
    expect(evicted).toEqual([join(folder, 'ledger.db'), join(folder, 'keyslots.json')]);
  });

  it('verify-backup --dir records the result on the medium the folder is on; a copy elsewhere is tested but not recorded', async () => {
    const recorded = await cli(['verify-backup', folder, '--dir', vault]);
    expect(recorded.code).toBe(0);
    expect(recorded.out).toContain('结果已记入介质 BF-1 的记录');
    const copy = join(dir, 'copy', basename(folder));
    cpSync(folder, copy, { recursive: true });
    const unrecorded = await cli(['verify-backup', copy, '--dir', vault]);
    expect(unrecorded.code).toBe(0);
    expect(unrecorded.out).toContain('结果未记入台账：此文件夹不在已插入的备份介质的备份目录中');
    const s = createServices({ vaultDir: vault, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF, volumes });
    await s.vault.unlock(PASS);
    const verified = s.vault.requireOpen().db.prepare("SELECT count(*) AS n FROM events WHERE type = 'backup_verified'").get() as { n: number };
    expect(verified.n).toBe(1);
    expect(s.backup.status()).toMatchObject({ lastVerifiedOk: true, mediumNumber: 'BF-1' });
    s.dispose();
  });

  it('a restore refused because the backup fails its test is on record', async () => {
    const broken = join(dir, 'broken', basename(folder));
    cpSync(folder, broken, { recursive: true });
    writeFileSync(join(broken, 'manifest.json'), '{');
    const r = await cli(['restore', broken, '--dir', vault, '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('FAIL 备份文件：备份清单（manifest.json）缺失或损坏');
    const s = createServices({ vaultDir: vault, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF, volumes });
    await s.vault.unlock(PASS);
    expect(listAudit(s.vault.requireOpen().db, 5).find((e) => e.action === 'backup.restore_refused')).toMatchObject({ subject: basename(folder), payload: { folder: broken } });
    s.dispose();
  });

  it('restore shows the comparison and replaces the vault only with --yes', async () => {
    const dry = await cli(['restore', folder, '--dir', vault]);
    expect(dry.code).toBe(2);
    // Beside each other: counts, last event time and chain head of the backup and of the vault.
    expect(dry.out).toMatch(/备份 backup: {2}某单位 .*最后事件 last event 20\d\d-.*chain #\d+ [0-9a-f]{12} {2}\{"carriers":0,/);
    expect(dry.out).toMatch(/当前 current: 某单位 {2}最后事件 last event 20\d\d-.*chain #\d+ [0-9a-f]{12} {2}\{"carriers":0,/);
    const done = await cli(['restore', folder, '--dir', vault, '--yes']);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/已恢复 \/ restored: chain #\d+ ok/);
    expect((await cli(['verify', '--dir', vault])).code).toBe(0);
    // The restored ledger predates its own backup's record; it learns where it came from, as
    // a restore in the app does, so the home page does not say "no backup".
    const s = createServices({ vaultDir: vault, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF, volumes });
    await s.vault.unlock(PASS);
    expect(s.backup.status()).toMatchObject({ lastVerifiedOk: true, mediumNumber: 'BF-1', stale: false });
    s.dispose();
  });
});
