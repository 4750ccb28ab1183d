import { afterEach, describe, expect, it, vi } from 'vitest';

/** Every key unwrapKey handed out, and every buffer the decipher produced on the way. */
const returned: Buffer[] = [];
const deciphered: Buffer[] = [];

vi.mock('node:crypto', async (orig) => {
  const m = await orig<typeof import('node:crypto')>();
  const createDecipheriv = ((...a: Parameters<typeof m.createDecipheriv>) => {
    const d = m.createDecipheriv(...a);
    const update = d.update.bind(d) as (data: Buffer) => Buffer;
    const final = d.final.bind(d) as () => Buffer;
    Object.assign(d, {
      update: (data: Buffer) => {
        const out = update(data);
        deciphered.push(out);
        return out;
      },
      final: () => {
        const out = final();
        deciphered.push(out);
        return out;
      },
    });
    return d;
  }) as typeof m.createDecipheriv;
  return { ...m, createDecipheriv, default: { ...m, createDecipheriv } };
});

vi.mock('./key-slots', async (orig) => {
  const m = await orig<typeof import('./key-slots')>();
  return {
    ...m,
    unwrapKey: async (...a: Parameters<typeof m.unwrapKey>) => {
      const k = await m.unwrapKey(...a);
      if (k) returned.push(k);
      return k;
    },
  };
});

const { fails } = await import('../testing/refusal');
const { createdVault, GOOD_PASSPHRASE, tempVault } = await import('../testing/temp-vault');
type TempVault = import('../testing/temp-vault').TempVault;

const open: TempVault[] = [];
afterEach(() => {
  open.splice(0).forEach((v) => v.cleanup());
  returned.length = 0;
  deciphered.length = 0;
});

const wiped = (b: Buffer): boolean => b.every((x) => x === 0);

describe('copies of the data key', () => {
  it('every key unwrapped (unlock, passphrase change, reissue, recovery unlock) and every decipher buffer is zeroed once locked', async () => {
    const v = await createdVault();
    open.push(v);
    const vault = v.services.vault;
    vault.lock('manual');
    await vault.unlock(GOOD_PASSPHRASE);
    await vault.changePassphrase(GOOD_PASSPHRASE, 'Neu&Pass2027');
    await fails(vault.changePassphrase('Wrong#Pass1', 'Neu&Pass2028'));
    const { recoveryKey } = await vault.reissueRecoveryKey('Neu&Pass2027');
    vault.lock('manual');
    await vault.unlockWithRecovery(recoveryKey);
    vault.lock('manual');
    expect(returned.length).toBe(4);
    expect(returned.map(wiped)).toEqual([true, true, true, true]);
    expect(deciphered.length).toBeGreaterThan(0);
    expect(deciphered.every(wiped)).toBe(true);
  });

  it('unwrapKey hands out a buffer of its own, not a slice of the shared pool', async () => {
    const v = await createdVault();
    open.push(v);
    v.services.vault.lock('manual');
    await v.services.vault.unlock(GOOD_PASSPHRASE);
    const key = returned[0];
    expect(key?.length).toBe(32);
    expect(key?.byteOffset).toBe(0);
    expect(key?.buffer.byteLength).toBe(32);
  });

  it('a correct passphrase refused with VAULT_IN_USE leaves its key zeroed', async () => {
    const first = await createdVault();
    open.push(first);
    const second = tempVault({ dir: first.dir });
    open.push(second);
    const e = await fails(second.services.vault.unlock(GOOD_PASSPHRASE));
    expect(e.code).toBe('VAULT_IN_USE');
    expect(returned).toHaveLength(1);
    expect(wiped(returned[0] ?? Buffer.from([1]))).toBe(true);
  });
});
