import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../app/create-services';
import { FakeVolumes } from '../testing/fake-volumes';
import { GOOD_PASSPHRASE, MIGRATIONS_DIR, TEST_KDF } from '../testing/temp-vault';
import { RESTORE_MARKER } from './restore';

const NEW_PASSPHRASE = 'Neu&Pass2027x';
const root = resolve(import.meta.dirname, '../..');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function prepared(): Promise<{ vaultDir: string; volumes: FakeVolumes; name: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'baomi-killed-'));
  const volumes = new FakeVolumes();
  cleanups.push(() => (volumes.cleanup(), rmSync(dir, { recursive: true, force: true })));
  const vaultDir = join(dir, 'vault');
  const s = createServices({ vaultDir, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF, volumes });
  await s.vault.create({ unitName: '某单位', officerName: '张保密', passphrase: GOOD_PASSPHRASE });
  const h = s.handlers;
  const keeper = await h['people:register']({ name: '吴保管', department: '', post: '', clearance: 'important' });
  const m = await h['media:register']({ registeredOn: '2026-11-20', fields: { number: 'BF-001', kind: 'usb', level: 'jimi', purpose: '本系统备份介质', responsibleId: keeper.id, model: '', serial: '', volumeUuid: '', capacity: '', department: '', location: '', note: '' } });
  volumes.plug('BK', 'UUID-K', 'SN-K');
  await h['backup:registerVolume']({ mediumId: m.id, fsUuid: 'UUID-K' });
  const { name } = await h['backup:run']({ fsUuid: 'UUID-K' });
  // After the backup: a new passphrase and one more record, so old and new vault differ.
  await s.vault.changePassphrase(GOOD_PASSPHRASE, NEW_PASSPHRASE);
  await h['people:register']({ name: '备份之后登记的人', department: '', post: '', clearance: 'general' });
  s.dispose();
  return { vaultDir, volumes, name };
}

const reopen = (vaultDir: string): Services => {
  const s = createServices({ vaultDir, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF });
  cleanups.unshift(() => s.dispose());
  return s;
};

describe('a process killed during restore', () => {
  it.each(['marked', 'keyslots-swapped', 'swapped'] as const)('killed at "%s": the old vault is put back and opens as before', async (step) => {
    const { vaultDir, volumes, name } = await prepared();
    // The child unlocks with the current passphrase and opens the backup with its own.
    const args = ['--import', 'tsx', join(root, 'src/testing/restore-child.ts'), vaultDir, JSON.stringify(volumes.mounted[0]), name, NEW_PASSPHRASE, GOOD_PASSPHRASE, step];
    const child = spawnSync(join(root, 'node_modules/.bin/node'), args, {
      cwd: root,
      encoding: 'utf8',
    });
    expect(child.signal ?? child.stderr).toBe('SIGKILL');
    expect(existsSync(join(vaultDir, RESTORE_MARKER))).toBe(true);
    const s = reopen(vaultDir);
    expect(s.vault.restoreRolledBack).toBe(true);
    // The officer is told, on the unlock screen, that the restore did not happen.
    expect(s.vault.status().notice).toBe('上次恢复未完成，已还原为恢复前的台账。请用原来的口令解锁。');
    expect(readdirSync(vaultDir)).not.toContain(RESTORE_MARKER);
    const r = await s.vault.unlock(NEW_PASSPHRASE);
    expect(r.integrity.cipherOk).toBe(true);
    expect(r.chain.ok).toBe(true);
    const people = await s.handlers['people:list'](undefined);
    expect(people.map((p) => p.name)).toContain('备份之后登记的人');
  });
});
