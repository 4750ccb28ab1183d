import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log';
import { fails } from '../testing/refusal';
import { createdVault, GOOD_PASSPHRASE, tempVault, type TempVault } from '../testing/temp-vault';

const open: TempVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.cleanup()));
const track = <T extends TempVault>(v: T): T => (open.push(v), v);

describe('vault creation', () => {
  it('R-10 refuses a weak passphrase and says in Chinese what is missing', async () => {
    const v = track(tempVault());
    const e = await fails(v.services.vault.create({ unitName: '单位', officerName: '张三', passphrase: 'abcdefgh' }));
    expect(e.code).toBe('WEAK_PASSPHRASE');
    expect(e.message).toBe('口令不符合 R-10：需要大写字母、数字、符号');
    expect(v.services.vault.status().state).toBe('none');
  });

  it('writes no plaintext: no SQLite header, unit name not in the bytes', async () => {
    const v = track(await createdVault());
    v.services.vault.lock('manual');
    const bytes = readFileSync(join(v.dir, 'ledger.db'));
    expect(bytes.subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    expect(bytes.includes(Buffer.from('某市保密局', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('张保密', 'utf8'))).toBe(false);
    const slots = readFileSync(join(v.dir, 'keyslots.json'), 'utf8');
    expect(slots).not.toContain('某市保密局');
    expect(slots).not.toContain(v.recoveryKey);
  });

  it('while it is being created the vault is not reported locked (its files exist before it is open)', async () => {
    const v = track(tempVault());
    const seen = new Set<string>();
    let settled = false;
    const creating = v.services.vault.create({ unitName: '某市保密局', officerName: '张保密', passphrase: GOOD_PASSPHRASE }).finally(() => (settled = true));
    while (!settled) {
      seen.add(v.services.vault.status().state);
      await new Promise((r) => setTimeout(r, 1));
    }
    await creating;
    expect([...seen]).toEqual(['none']);
    expect(v.services.vault.status().state).toBe('unlocked');
  });

  it('refuses to create a second vault in the same place', async () => {
    const v = track(await createdVault());
    const e = await fails(v.services.vault.create({ unitName: 'x', officerName: 'y', passphrase: GOOD_PASSPHRASE }));
    expect(e.code).toBe('VAULT_EXISTS');
  });
});

describe('unlocking', () => {
  it('opens with the passphrase and with the recovery key, in any case and grouping', async () => {
    const v = track(await createdVault());
    const vault = v.services.vault;
    vault.lock('manual');
    expect(vault.status().state).toBe('locked');
    expect(() => vault.requireOpen()).toThrow(/已锁定/);
    await vault.unlock(GOOD_PASSPHRASE);
    expect(vault.summary().unitName).toBe('某市保密局');
    vault.lock('manual');
    const r = await vault.unlockWithRecovery(v.recoveryKey.toLowerCase().replace(/-/g, ' '));
    expect(r.integrity.cipherOk).toBe(true);
    expect(r.integrity.quickCheck).toEqual(['ok']);
    expect(r.chain.ok).toBe(true);
  });

  it('an unlock reports its phases as it goes (key, pages, checks), through vault:progress; a failed one ends as failed', async () => {
    const v = track(await createdVault());
    v.services.vault.lock('manual');
    const progress = () => v.services.handlers['vault:progress'](undefined);
    expect(await progress()).toMatchObject({ running: false });
    const seen: string[] = [];
    let settled = false;
    const unlocking = v.services.vault.unlock(GOOD_PASSPHRASE).finally(() => (settled = true));
    while (!settled) {
      const p = await progress();
      if (p.running && seen.at(-1) !== p.phase) seen.push(p.phase);
      expect(p.fraction).toBeGreaterThanOrEqual(0);
      expect(p.fraction).toBeLessThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 2));
    }
    await unlocking;
    // The checks wait at least for their worker threads to start: that phase is always seen.
    expect(seen).toContain('checks');
    expect(['key', 'pages', 'checks'].filter((p) => seen.includes(p))).toEqual(seen);
    expect(await progress()).toEqual({ running: false, phase: 'done', fraction: 1 });
    v.services.vault.lock('manual');
    await fails(v.services.vault.unlock('Wrong#Pass1'));
    expect(await progress()).toMatchObject({ running: false, phase: 'failed' });
  });

  it('a second unlock while one is running is refused, not counted as a failure, and the first one opens the vault', async () => {
    const v = track(await createdVault());
    v.services.vault.lock('manual');
    const first = v.services.vault.unlock(GOOD_PASSPHRASE);
    const second = await fails(v.services.vault.unlock(GOOD_PASSPHRASE));
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toBe('正在解锁，请稍候');
    await first;
    expect(v.services.vault.status()).toMatchObject({ state: 'unlocked', failedAttempts: 0 });
  });

  it('a wrong passphrase is refused with a clear error and nothing is written', async () => {
    const v = track(await createdVault());
    v.services.vault.lock('manual');
    const before = readFileSync(join(v.dir, 'ledger.db'));
    const e = await fails(v.services.vault.unlock('Wrong#Pass1'));
    expect(e.code).toBe('WRONG_PASSPHRASE');
    expect(e.message).toBe('口令错误，台账未解锁');
    expect(readFileSync(join(v.dir, 'ledger.db')).equals(before)).toBe(true);
    expect(v.services.vault.status()).toMatchObject({ state: 'locked', failedAttempts: 1 });
  });

  it('repeated failures add a growing delay, and are audited at the next successful unlock', async () => {
    const v = track(await createdVault());
    const vault = v.services.vault;
    vault.lock('manual');
    for (let i = 0; i < 3; i++) await fails(vault.unlock(`Wrong#Pass${i}`));
    expect(vault.status().retryAfterMs).toBe(1000);
    const throttled = await fails(vault.unlock(GOOD_PASSPHRASE));
    expect(throttled.code).toBe('THROTTLED');
    expect(throttled.details?.retryAfterMs).toBe(1000);
    v.clock.advance(1000);
    await fails(vault.unlockWithRecovery('not a key'));
    expect(vault.status().retryAfterMs).toBe(2000);
    v.clock.advance(2000);
    const r = await vault.unlock(GOOD_PASSPHRASE);
    expect(r.failuresRecorded).toBe(4);
    expect(vault.status()).toMatchObject({ failedAttempts: 0, retryAfterMs: 0 });
    const actions = listAudit(vault.requireOpen().db, 10).map((e) => e.action).reverse();
    expect(actions.slice(-5)).toEqual([
      'vault.unlock_failed',
      'vault.unlock_failed',
      'vault.unlock_failed',
      'vault.unlock_failed',
      'vault.unlocked',
    ]);
  });

  it('R-11 locks itself after the idle minutes and drops the database handle', async () => {
    const v = track(await createdVault());
    const vault = v.services.vault;
    const db = vault.requireOpen().db;
    v.clock.advance(9 * 60_000);
    vault.activity();
    v.clock.advance(9 * 60_000);
    expect(vault.status().state).toBe('unlocked');
    v.clock.advance(60_000);
    expect(vault.status().state).toBe('locked');
    expect(db.open).toBe(false);
    expect(() => vault.summary()).toThrow(/已锁定/);
  });

  it('only one instance may open a vault', async () => {
    const v = track(await createdVault());
    const second = track(tempVault({ dir: v.dir }));
    const e = await fails(second.services.vault.unlock(GOOD_PASSPHRASE));
    expect(e.code).toBe('VAULT_IN_USE');
    v.services.vault.lock('manual');
    await second.services.vault.unlock(GOOD_PASSPHRASE);
    expect(second.services.vault.status().state).toBe('unlocked');
  });
});

describe('changing the passphrase', () => {
  it('rewraps the data key without re-encrypting the database', async () => {
    const v = track(await createdVault());
    const vault = v.services.vault;
    const dbBefore = readFileSync(join(v.dir, 'ledger.db')).subarray(0, 4096);
    await vault.changePassphrase(GOOD_PASSPHRASE, 'Neu&Pass2027');
    vault.lock('manual');
    // Same salt and first page: the database was not rewritten with another key.
    expect(readFileSync(join(v.dir, 'ledger.db')).subarray(0, 16).equals(dbBefore.subarray(0, 16))).toBe(true);
    expect((await fails(vault.unlock(GOOD_PASSPHRASE))).code).toBe('WRONG_PASSPHRASE');
    await vault.unlock('Neu&Pass2027');
    vault.lock('manual');
    await vault.unlockWithRecovery(v.recoveryKey);
    expect(listAudit(vault.requireOpen().db, 50).map((e) => e.action)).toContain('vault.passphrase_changed');
  });

  it('a lock while a passphrase change derives its keys writes nothing: the slots stay, the old passphrase still opens', async () => {
    const vault = track(await createdVault()).services.vault;
    const slots = join(open.at(-1)!.dir, 'keyslots.json');
    const before = readFileSync(slots);
    const change = vault.changePassphrase(GOOD_PASSPHRASE, 'Neu&Pass2027x');
    vault.lock('manual');
    expect((await fails(change)).code).toBe('VAULT_LOCKED');
    expect(readFileSync(slots).equals(before)).toBe(true);
    await vault.unlock(GOOD_PASSPHRASE);
    expect(listAudit(vault.requireOpen().db, 50).map((e) => e.action)).not.toContain('vault.passphrase_changed');
  });

  it('refuses a wrong current passphrase and a new one below the unit policy', async () => {
    const v = track(await createdVault());
    const vault = v.services.vault;
    expect((await fails(vault.changePassphrase('Wrong#Pass1', 'Neu&Pass2027'))).code).toBe('WRONG_PASSPHRASE');
    await v.services.handlers['settings:update']({ passphraseMinLength: 14 });
    const weak = await fails(vault.changePassphrase(GOOD_PASSPHRASE, 'Neu&Pass2027'));
    expect(weak.code).toBe('WEAK_PASSPHRASE');
    expect(weak.message).toContain('至少 14 个字符');
  });
});

describe('recovery key and chain head', () => {
  it('a reissued recovery key replaces the old one, and needs the passphrase', async () => {
    const v = track(await createdVault());
    const vault = v.services.vault;
    expect((await fails(vault.reissueRecoveryKey('Wrong#Pass1'))).code).toBe('WRONG_PASSPHRASE');
    const { recoveryKey } = await vault.reissueRecoveryKey(GOOD_PASSPHRASE);
    expect(recoveryKey).not.toBe(v.recoveryKey);
    vault.lock('manual');
    expect((await fails(vault.unlockWithRecovery(v.recoveryKey))).code).toBe('WRONG_RECOVERY_KEY');
    v.clock.advance(60_000);
    await vault.unlockWithRecovery(recoveryKey);
    expect(listAudit(vault.requireOpen().db, 50).map((e) => e.action)).toContain('vault.recovery_key_reissued');
  });

  it('an unlock reports an append-only guard that is gone, though quick_check alone says ok', async () => {
    const vault = track(await createdVault()).services.vault;
    vault.requireOpen().db.exec('DROP TRIGGER audit_log_no_delete');
    vault.lock('manual');
    const r = await vault.unlock(GOOD_PASSPHRASE);
    expect(r.integrity.quickCheck).toEqual(['缺少只追加保护触发器：audit_log_no_delete']);
  });

  it('an unlock on a machine whose clock went back is recorded, and the home summary says so for this session', async () => {
    const v = track(await createdVault());
    const vault = v.services.vault;
    expect(vault.summary().clockWentBack).toBeNull();
    vault.lock('manual');
    const lockedAt = v.clock.now().toISOString();
    v.clock.advance(-86_400_000);
    await vault.unlock(GOOD_PASSPHRASE);
    expect(vault.summary().clockWentBack).toEqual({ previous: lockedAt, now: v.clock.now().toISOString() });
    // The next session, on a clock put right, no longer shows it.
    vault.lock('manual');
    v.clock.advance(2 * 86_400_000);
    await vault.unlock(GOOD_PASSPHRASE);
    expect(vault.summary().clockWentBack).toBeNull();
  });

  it('the chain status after unlock includes the entries unlock wrote', async () => {
    const v = track(await createdVault());
    const vault = v.services.vault;
    vault.lock('manual');
    const r = await vault.unlock(GOOD_PASSPHRASE);
    const head = listAudit(vault.requireOpen().db, 1)[0];
    expect(r.chain.head.seq).toBe(head?.seq);
    expect(r.chain.checked).toBe(head?.seq);
    await v.services.handlers['settings:update']({ idleMinutes: 5 });
    expect(vault.summary().chain.head.seq).toBe((head?.seq ?? 0) + 1);
  });
});
