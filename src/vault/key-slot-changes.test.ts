import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log';
import { fails } from '../testing/refusal';
import { createdVault, GOOD_PASSPHRASE, type TempVault } from '../testing/temp-vault';

const open: TempVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.cleanup()));

async function openVault(): Promise<TempVault & { recoveryKey: string }> {
  const v = await createdVault();
  open.push(v);
  return v;
}

const actions = (v: TempVault) => listAudit(v.services.vault.requireOpen().db, 50).map((e) => e.action);

describe('key-slot changes', () => {
  it('one at a time: a second while one runs is refused, and the first one’s slots stand', async () => {
    const v = await openVault();
    const vault = v.services.vault;
    const [changed, reissued] = await Promise.allSettled([
      vault.changePassphrase(GOOD_PASSPHRASE, 'Neu&Pass2027'),
      vault.reissueRecoveryKey(GOOD_PASSPHRASE),
    ]);
    expect(changed.status).toBe('fulfilled');
    expect(reissued).toMatchObject({ status: 'rejected', reason: { code: 'CONFLICT', message: '正在更改密钥槽，请稍候' } });
    expect(actions(v)).toContain('vault.passphrase_changed');
    expect(actions(v)).not.toContain('vault.recovery_key_reissued');

    // Once the first has ended, the next may run; both results hold.
    const { recoveryKey } = await vault.reissueRecoveryKey('Neu&Pass2027');
    vault.lock('manual');
    await vault.unlock('Neu&Pass2027');
    vault.lock('manual');
    await vault.unlockWithRecovery(recoveryKey);
    vault.lock('manual');
    expect((await fails(vault.unlockWithRecovery(v.recoveryKey))).code).toBe('WRONG_RECOVERY_KEY');
  });

  it('a refused change (wrong passphrase) does not keep the next one out', async () => {
    const v = await openVault();
    expect((await fails(v.services.vault.changePassphrase('Wrong#Pass1', 'Neu&Pass2027'))).code).toBe('WRONG_PASSPHRASE');
    await v.services.vault.changePassphrase(GOOD_PASSPHRASE, 'Neu&Pass2027');
  });

  it('an audit entry that fails to commit puts the old slot file back: no change stands unaudited', async () => {
    const v = await openVault();
    const vault = v.services.vault;
    const slots = join(v.dir, 'keyslots.json');
    const before = readFileSync(slots);
    // A deferred foreign-key violation makes the COMMIT itself fail, after the file was written.
    vault.requireOpen().db.exec(`
      CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TEMP TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TEMP TRIGGER fail_commit AFTER INSERT ON main.audit_log WHEN NEW.action = 'vault.passphrase_changed'
      BEGIN INSERT INTO child VALUES (1); END;`);
    await expect(vault.changePassphrase(GOOD_PASSPHRASE, 'Neu&Pass2027')).rejects.toThrow(/FOREIGN KEY/);
    expect(readFileSync(slots).equals(before)).toBe(true);
    expect(actions(v)).not.toContain('vault.passphrase_changed');
    vault.lock('manual');
    expect((await fails(vault.unlock('Neu&Pass2027'))).code).toBe('WRONG_PASSPHRASE');
    await vault.unlock(GOOD_PASSPHRASE);
  });
});
