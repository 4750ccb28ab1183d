import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fails } from '../testing/refusal';
import { createdVault, GOOD_PASSPHRASE, type TempVault } from '../testing/temp-vault';

const open: TempVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.cleanup()));

async function lockedVault(): Promise<TempVault> {
  const v = await createdVault();
  open.push(v);
  v.services.vault.lock('manual');
  return v;
}

describe('a ledger whose key slots are missing', () => {
  it('is reported damaged, not absent; it cannot be unlocked nor replaced by a new vault', async () => {
    const v = await lockedVault();
    const vault = v.services.vault;
    const db = join(v.dir, 'ledger.db');
    const slots = join(v.dir, 'keyslots.json');
    const before = readFileSync(db);
    // What the officer would fetch from a backup: the same data key, wrapped the same way.
    copyFileSync(slots, join(v.dir, 'keyslots.backup'));
    rmSync(slots);

    const s = vault.status();
    expect(s.state).toBe('damaged');
    expect(s.notice).toContain('密钥槽文件 keyslots.json 缺失');
    expect(s.notice).toContain('不要新建台账');
    const u = await fails(vault.unlock(GOOD_PASSPHRASE));
    expect(u.code).toBe('VAULT_CORRUPT');
    expect(u.message).toContain('请从备份恢复密钥槽文件');
    const c = await fails(vault.create({ unitName: '新单位', officerName: '李四', passphrase: GOOD_PASSPHRASE }));
    expect(c.code).toBe('VAULT_EXISTS');
    expect(readFileSync(db).equals(before)).toBe(true);

    renameSync(join(v.dir, 'keyslots.backup'), slots);
    expect(vault.status()).toMatchObject({ state: 'locked', notice: null });
    await vault.unlock(GOOD_PASSPHRASE);
    expect(vault.summary().unitName).toBe('某市保密局');
  });

  it('a WAL without its database is a ledger too: damaged, and never overwritten by a new vault', async () => {
    const v = await lockedVault();
    const vault = v.services.vault;
    rmSync(join(v.dir, 'ledger.db'));
    writeFileSync(join(v.dir, 'ledger.db-wal'), 'commits not yet in the main file');
    expect(vault.status().state).toBe('damaged');
    expect(vault.status().notice).toContain('ledger.db 缺失');
    expect((await fails(vault.create({ unitName: '新单位', officerName: '李四', passphrase: GOOD_PASSPHRASE }))).code).toBe('VAULT_EXISTS');
    expect(readFileSync(join(v.dir, 'ledger.db-wal'), 'utf8')).toBe('commits not yet in the main file');
  });
});

describe('a lock left behind', () => {
  it('by a previous run of this same PID, as after a power cut, does not stop the unlock', async () => {
    const v = await lockedVault();
    writeFileSync(join(v.dir, 'vault.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    await v.services.vault.unlock(GOOD_PASSPHRASE);
    expect(v.services.vault.status().state).toBe('unlocked');
  });
});
