import { appendAudit, type AuditInput } from '../audit/audit-log';
import { AppError } from '../errors/app-error';
import { writeFileAtomic } from '../fs/atomic-write';
import { readSettings } from '../settings/settings-store';
import { unwrapKey, wrapKey, type KdfParams, type KeySlotFile } from './key-slots';
import type { OpenVault } from './open-vault';
import { describeMissingZh, missingRequirements } from './passphrase-policy';
import { withKeyCopy } from './key-copy';
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

/**
 * Writes the key-slot file and its audit entry together: the entry is appended first, inside
 * a transaction that rolls it back if the file cannot be written. The vault may have been
 * locked during the slow key derivation before this: then nothing is written.
 */
function saveSlots(c: SlotChange, file: KeySlotFile, audit: AuditInput): void {
  if (!c.vault.db.open) throw new AppError('VAULT_LOCKED', '台账已锁定，密钥槽未更改');
  c.vault.db
    .transaction(() => {
      appendAudit(c.vault.db, c.now, audit);
      writeFileAtomic(c.keySlotsFile, JSON.stringify(file, null, 2));
    })
    .immediate();
}

/** True when one of the passphrase slots opens to this data key. */
async function passphraseOpens(file: KeySlotFile, passphrase: string, key: Buffer): Promise<boolean> {
  const opened = await Promise.all(file.slots.filter((s) => s.kind === 'passphrase').map((s) => unwrapKey(file.vaultId, s, passphrase)));
  return opened.some((k) => k !== null && k.equals(key));
}

export async function changePassphrase(c: SlotChange, current: string, next: string): Promise<void> {
  const { vault } = c;
  assertPolicy(next, readSettings(vault.db).passphraseMinLength);
  return withKeyCopy(c.vault.dataKey, async (key) => {
    const file = c.readKeySlots();
    if (!(await passphraseOpens(file, current, key))) throw new AppError('WRONG_PASSPHRASE', '当前口令错误，口令未更换');
    const slot = await wrapKey(file.vaultId, 'passphrase', next, key, c.kdf, c.now);
    // Only the wrapping changes: the database keeps its data key and is not re-encrypted.
    const updated: KeySlotFile = { ...file, slots: [...file.slots.filter((s) => s.kind !== 'passphrase'), slot] };
    saveSlots(c, updated, { actor: vault.meta.officerName, action: 'vault.passphrase_changed', subject: slot.id, payload: { slotId: slot.id } });
  });
}

export async function reissueRecoveryKey(c: SlotChange, passphrase: string): Promise<{ recoveryKey: string; issuedAt: string }> {
  const { vault } = c;
  return withKeyCopy(c.vault.dataKey, async (key) => {
    const file = c.readKeySlots();
    if (!(await passphraseOpens(file, passphrase, key))) throw new AppError('WRONG_PASSPHRASE', '口令错误，恢复密钥未重新生成');
    const recoveryKey = generateRecoveryKey();
    const issuedAt = c.now;
    const slot = await wrapKey(file.vaultId, 'recovery', normalizeRecoveryKey(recoveryKey) ?? '', key, c.kdf, issuedAt);
    saveSlots(c, { ...file, slots: [...file.slots.filter((s) => s.kind !== 'recovery'), slot] }, { actor: vault.meta.officerName, action: 'vault.recovery_key_reissued', subject: slot.id, payload: { slotId: slot.id } });
    return { recoveryKey, issuedAt };
  });
}
