import { mutate } from '../audit/mutate';
import { AppError } from '../errors/app-error';
import { writeFileAtomic } from '../fs/atomic-write';
import { readSettings } from '../settings/settings-store';
import { unwrapKey, wrapKey, type KdfParams, type KeySlotFile } from './key-slots';
import type { OpenVault } from './open-vault';
import { describeMissingZh, missingRequirements } from './passphrase-policy';
import { generateRecoveryKey, normalizeRecoveryKey } from './recovery-key';

/** What a change of the key slots needs from the open vault. */
export interface SlotChange {
  vault: OpenVault;
  keySlotsFile: string;
  kdf: KdfParams;
  now: string;
  readKeySlots(): KeySlotFile;
}

export function assertPolicy(passphrase: string, minLength: number): void {
  const missing = missingRequirements(passphrase, minLength);
  if (missing.length > 0) {
    throw new AppError('WEAK_PASSPHRASE', describeMissingZh(missing, minLength), { missing, minLength });
  }
}

/** True when one of the passphrase slots opens to this vault's data key. */
async function passphraseOpens(c: SlotChange, file: KeySlotFile, passphrase: string): Promise<boolean> {
  const opened = await Promise.all(file.slots.filter((s) => s.kind === 'passphrase').map((s) => unwrapKey(file.vaultId, s, passphrase)));
  return opened.some((k) => k !== null && k.equals(c.vault.dataKey));
}

export async function changePassphrase(c: SlotChange, current: string, next: string): Promise<void> {
  const { vault } = c;
  assertPolicy(next, readSettings(vault.db).passphraseMinLength);
  const file = c.readKeySlots();
  if (!(await passphraseOpens(c, file, current))) throw new AppError('WRONG_PASSPHRASE', '当前口令错误，口令未更换');
  const slot = await wrapKey(file.vaultId, 'passphrase', next, vault.dataKey, c.kdf, c.now);
  // Only the wrapping changes: the database keeps its data key and is not re-encrypted.
  const updated: KeySlotFile = { ...file, slots: [...file.slots.filter((s) => s.kind !== 'passphrase'), slot] };
  writeFileAtomic(c.keySlotsFile, JSON.stringify(updated, null, 2));
  mutate(vault.db, c.now, () => ({
    result: null,
    audit: { actor: vault.meta.officerName, action: 'vault.passphrase_changed', subject: slot.id, payload: { slotId: slot.id } },
  }));
}

export async function reissueRecoveryKey(c: SlotChange, passphrase: string): Promise<{ recoveryKey: string; issuedAt: string }> {
  const { vault } = c;
  const file = c.readKeySlots();
  if (!(await passphraseOpens(c, file, passphrase))) throw new AppError('WRONG_PASSPHRASE', '口令错误，恢复密钥未重新生成');
  const recoveryKey = generateRecoveryKey();
  const issuedAt = c.now;
  const slot = await wrapKey(file.vaultId, 'recovery', normalizeRecoveryKey(recoveryKey) ?? '', vault.dataKey, c.kdf, issuedAt);
  writeFileAtomic(c.keySlotsFile, JSON.stringify({ ...file, slots: [...file.slots.filter((s) => s.kind !== 'recovery'), slot] }, null, 2));
  mutate(vault.db, issuedAt, () => ({
    result: null,
    audit: { actor: vault.meta.officerName, action: 'vault.recovery_key_reissued', subject: slot.id, payload: { slotId: slot.id } },
  }));
  return { recoveryKey, issuedAt };
}
