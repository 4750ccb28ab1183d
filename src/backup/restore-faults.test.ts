import { copyFileSync, cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../app/create-services';
import { openCipherDatabase } from '../db/open-database';
import { backupFixture, type BackupFixture } from '../testing/backup-fixture';
import { fails } from '../testing/refusal';
import { GOOD_PASSPHRASE, MIGRATIONS_DIR, TEST_KDF } from '../testing/temp-vault';
import { BACKUP_ROOT } from './backup-identity';
import { nodeBackupFs } from './backup-writer';
import type { RestoreStep } from './restore';

/** Faults around a restore and around a backup's use of the open vault (review of issue 6). */

let f: BackupFixture;
beforeEach(async () => {
  f = await backupFixture();
});
afterEach(() => f.cleanup());

const VOLUME = 'UUID-AAAA';
const backupDir = (name: string) => join(f.volumes.root, VOLUME, BACKUP_ROOT, name);
const vaultFiles = () => readdirSync(join(f.dir, 'vault'));
const onMedium = () => (existsSync(backupDir('')) ? readdirSync(backupDir('')) : []);
const carriers = async () => (await f.call<{ total: number }>('carriers:list', {})).total;

/** A backup with one carrier, then a second carrier registered after it: old and new differ. */
async function backupThenMore(): Promise<string> {
  const { name } = await f.call<{ name: string }>('backup:run', { fsUuid: VOLUME });
  const keeper = (await f.call<{ id: string }[]>('people:list'))[0]!;
  await f.call('carriers:receive', { receivedOn: '2026-11-20', receiverId: keeper.id, items: [{ title: '备份之后的文件', carrierType: 'paper', level: 'mimi', classifiedOn: '2026-11-01', copies: 1, custodianId: keeper.id }] });
  return name;
}

const restore = (name: string, hook?: (s: RestoreStep) => void, secret: { secret: string; kind: 'passphrase' | 'recovery' } = { secret: GOOD_PASSPHRASE, kind: 'passphrase' }) =>
  f.services.backup.restore({ fsUuid: VOLUME, name, ...secret }, hook);

/** A file-system error at one step of the swap, as Node would throw it. */
const failingAt = (at: RestoreStep, code: string, text: string) => (step: RestoreStep) => {
  if (step === at) throw Object.assign(new Error(`${code}: ${text}`), { code });
};

describe('restore faults', () => {
  it('restores with the recovery key as printed on the sheet, in any case, and counts no failed attempt', async () => {
    const name = await backupThenMore();
    const r = await restore(name, undefined, { secret: f.recoveryKey.toLowerCase(), kind: 'recovery' });
    expect(r.chain.ok).toBe(true);
    expect(await carriers()).toBe(1);
    expect(f.services.vault.status()).toMatchObject({ state: 'unlocked', failedAttempts: 0 });
  });

  it('a failure in the middle of the swap puts the old vault back at once, with a notice, and the work after the backup is kept', async () => {
    const name = await backupThenMore();
    // As a rename refused by Windows (antivirus, indexer) after the key slots were swapped.
    const failed = await restore(name, failingAt('keyslots-swapped', 'EBUSY', 'resource busy or locked')).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'BACKUP_FAILED', message: expect.stringContaining('文件被其他程序占用（EBUSY）') });
    expect(f.services.vault.status()).toMatchObject({ state: 'locked', notice: '恢复未完成，已还原为恢复前的台账：文件被其他程序占用（EBUSY）。请用原来的口令解锁。' });
    expect(vaultFiles()).not.toContain('restore-in-progress.json');
    await f.services.vault.unlock(GOOD_PASSPHRASE);
    expect(await carriers()).toBe(2);
    // Nothing is left for a later start to roll back over newer work.
    f.services.dispose();
    f.services = createServices({ vaultDir: join(f.dir, 'vault'), migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF, volumes: f.volumes });
    expect(f.services.vault.restoreRolledBack).toBe(false);
  });

  it('a failure before anything is replaced leaves the vault as it was and no staged copies behind', async () => {
    const name = await backupThenMore();
    const failed = await restore(name, failingAt('staged', 'ENOSPC', 'no space left on device')).catch((e: unknown) => e);
    expect((failed as Error).message).toContain('ENOSPC');
    expect(vaultFiles().filter((n) => n.endsWith('.restore-tmp') || n.startsWith('pre-restore-') || n === 'restore-in-progress.json')).toEqual([]);
    await f.services.vault.unlock(GOOD_PASSPHRASE);
    expect(await carriers()).toBe(2);
  });

  it('a backup file changed on the medium after its test restore is not swapped in', async () => {
    const older = await backupThenMore();
    f.clock.advance(60_000);
    const newer = (await f.call<{ name: string }>('backup:run', { fsUuid: VOLUME })).name;
    const e = await fails(restore(newer, (step) => {
      // Between the test restore and the copy for the swap, another backup's ledger takes its place.
      if (step === 'saved-current') copyFileSync(join(backupDir(older), 'ledger.db'), join(backupDir(newer), 'ledger.db'));
    }));
    expect(e).toMatchObject({ code: 'BACKUP_INVALID', message: '备份文件 ledger.db 在校验之后被改动，未恢复' });
    await f.services.vault.unlock(GOOD_PASSPHRASE);
    expect(await carriers()).toBe(2);
    expect(vaultFiles().filter((n) => n.startsWith('pre-restore-'))).toEqual([]);
  });

  it('another process started during the swap (the CLI) does not roll the restore back: the vault stays locked to it', async () => {
    const name = await backupThenMore();
    let rolledBack: boolean | null = null;
    let otherUnlock: Promise<string> = Promise.resolve('not started');
    const r = await restore(name, (step) => {
      if (step !== 'swapped') return;
      const s = createServices({ vaultDir: join(f.dir, 'vault'), migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF });
      rolledBack = s.vault.restoreRolledBack;
      otherUnlock = s.vault.unlock(GOOD_PASSPHRASE).then(() => 'opened', (e: unknown) => (e as { code: string }).code);
    });
    expect(rolledBack).toBe(false);
    expect(await otherUnlock).toBe('VAULT_IN_USE');
    expect(r.chain.ok).toBe(true);
    expect(await carriers()).toBe(1);
    expect(vaultFiles()).not.toContain('restore-in-progress.json');
  });
});

describe('another ledger\'s backup', () => {
  let other: BackupFixture;
  beforeEach(async () => {
    other = await backupFixture();
  });
  afterEach(() => other.cleanup());

  /** The other ledger's backup, copied onto this ledger's registered medium. */
  async function foreignBackup(): Promise<{ name: string; dir: string }> {
    const { name } = await other.call<{ name: string }>('backup:run', { fsUuid: VOLUME });
    const dir = join(other.volumes.root, VOLUME, BACKUP_ROOT, name);
    cpSync(dir, backupDir(name), { recursive: true });
    return { name, dir };
  }

  it('does not replace a ledger that has records: refused before anything is swapped, and the refusal is in the audit log', async () => {
    const { name } = await foreignBackup();
    const vaultId = f.services.vault.requireOpen().meta.vaultId;
    const refusal = /此备份属于另一个台账（某单位，2026-11-20），不能恢复到本台账/;
    await expect(f.services.backup.compare({ fsUuid: VOLUME, name, secret: GOOD_PASSPHRASE, kind: 'passphrase' })).rejects.toThrow(refusal);
    await expect(restore(name)).rejects.toThrow(refusal);
    expect(f.services.vault.requireOpen().meta.vaultId).toBe(vaultId);
    expect(vaultFiles().filter((x) => x.startsWith('pre-restore'))).toEqual([]);
    const refused = f.services.vault.requireOpen().db.prepare("SELECT payload FROM audit_log WHERE action = 'backup.refused'").all() as { payload: string }[];
    expect(refused).toHaveLength(2);
    expect(JSON.parse(refused[0]!.payload)).toMatchObject({ backupVaultId: other.services.vault.requireOpen().meta.vaultId });
    // This ledger's own medium is still its own.
    await f.call('backup:run', { fsUuid: VOLUME });
  });

  it('may replace a new ledger with nothing recorded yet: a ledger lost with its computer is brought back on a new one', async () => {
    const { dir } = await foreignBackup();
    const fresh = createServices({ vaultDir: join(f.dir, 'new-vault'), migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF, volumes: f.volumes });
    try {
      await fresh.vault.create({ unitName: '某单位', officerName: '张保密', passphrase: 'Fresh#Pass1' });
      const r = await fresh.backup.restoreFolder(dir, { secret: GOOD_PASSPHRASE, kind: 'passphrase' }, () => true);
      expect(r?.chain.ok).toBe(true);
      expect(fresh.vault.requireOpen().meta.vaultId).toBe(other.services.vault.requireOpen().meta.vaultId);
      expect((fresh.vault.requireOpen().db.prepare('SELECT count(*) AS n FROM carriers').get() as { n: number }).n).toBe(1);
    } finally {
      fresh.dispose();
    }
  });
});

describe('a backup holds the open vault', () => {
  it('a manual lock is refused and the idle lock waits while a backup runs; the idle lock comes after it', async () => {
    let refusal: unknown = null;
    f.backupFs = {
      ...nodeBackupFs,
      copyFile: async (a, b) => {
        await nodeBackupFs.copyFile(a, b);
        refusal = await fails(f.call('vault:lock'));
        f.clock.advance(11 * 60_000);
      },
    };
    const r = await f.call<{ name: string }>('backup:run', { fsUuid: VOLUME });
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: '备份或校验正在进行，完成后才能锁定' });
    expect(f.services.vault.status().state).toBe('unlocked');
    expect(await f.call('backup:status')).toMatchObject({ lastBackupAt: expect.any(String) });
    expect(onMedium()).toEqual([r.name]);
    f.clock.advance(11 * 60_000);
    expect(f.services.vault.status().state).toBe('locked');
  });

  it('the app shutting down mid-backup leaves no backup on the medium that looks finished', async () => {
    f.backupFs = {
      ...nodeBackupFs,
      copyFile: async (a, b) => {
        await nodeBackupFs.copyFile(a, b);
        f.services.vault.lock('shutdown');
      },
    };
    const e = await fails(f.call('backup:run', { fsUuid: VOLUME }));
    expect(e.code).toBe('BACKUP_FAILED');
    expect(onMedium()).toEqual([]);
  });

  it('a backup is refused, writing nothing, when a reader keeps commits in the WAL (the copy would miss them)', async () => {
    const reader = openCipherDatabase(f.services.vault.files.database, f.services.vault.requireOpen().dataKey, { readonly: true });
    try {
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT count(*) FROM carriers').get();
      await f.call('people:register', { name: '快照之后登记的人', clearance: 'general' });
      const e = await fails(f.call('backup:run', { fsUuid: VOLUME }));
      expect(e).toMatchObject({ code: 'BACKUP_FAILED', message: '台账正被读取，未能建立一致的快照；请稍后再试。介质未被写入' });
      expect(onMedium()).toEqual([]);
    } finally {
      reader.close();
    }
    expect((await f.call<{ name: string }>('backup:run', { fsUuid: VOLUME })).name).toBeTruthy();
  });
});
