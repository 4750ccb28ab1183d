import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appendAudit, type AuditInput } from '../audit/audit-log';
import { AppError } from '../errors/app-error';
import { errorText } from '../errors/error-text';
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
 * a transaction that rolls it back if the file cannot be written, and the old file is put
 * back if the transaction then fails to commit, so that no slot change stands unaudited.
 * The vault may have been locked during the slow key derivation before this: then nothing
 * is written.
 */
function saveSlots(c: SlotChange, file: KeySlotFile, audit: AuditInput): void {
  if (!c.vault.db.open) throw new AppError('VAULT_LOCKED', '台账已锁定，密钥槽未更改');
  const before: { slots: Buffer | null } = { slots: null };
  try {
    c.vault.db
      .transaction(() => {
        appendAudit(c.vault.db, c.now, audit);
        // Kept before writing: a write that fails after its rename is put back too.
        before.slots = readFileSync(c.keySlotsFile);
        writeFileAtomic(c.keySlotsFile, JSON.stringify(file, null, 2));
      })
      .immediate();
  } catch (e) {
    if (before.slots !== null) putBack(c.keySlotsFile, before.slots, e);
    throw e;
  }
}

function putBack(file: string, previous: Buffer, cause: unknown): void {
  try {
    // A write that failed before its rename left the old file in place.
    if (readFileSync(file).equals(previous)) return;
    writeFileAtomic(file, previous);
  } catch (r) {
    // The new slots stand without their audit entry: the officer must know which secret
    // opens the vault now, and that the log lacks the change.
    throw new AppError(
      'INTERNAL',
      `密钥槽已更改，但审计记录未能写入（${errorText(cause)}），旧密钥槽文件也未能还原（${errorText(r)}）；新的口令或恢复密钥现已生效，请联系技术支持`,
    );
  }
}

/**
 * One key-slot change at a time per vault: each reads the slot file, spends a second in
 * scrypt, and writes what it read plus its own slot, so a second one running alongside
 * would drop the first one's slot while both were audited. A second is refused rather than
 * queued: a queued one would check its passphrase against slots the first has just changed.
 */
const changing = new Set<string>();

async function exclusive<T>(c: SlotChange, work: () => Promise<T>): Promise<T> {
  const id = resolve(c.keySlotsFile);
  if (changing.has(id)) throw new AppError('CONFLICT', '正在更改密钥槽，请稍候');
  changing.add(id);
  try {
    return await work();
  } finally {
    changing.delete(id);
  }
}

/** True when one of the passphrase slots opens to this data key; every copy opened is wiped. */
async function passphraseOpens(file: KeySlotFile, passphrase: string, key: Buffer): Promise<boolean> {
  const settled = await Promise.allSettled(file.slots.filter((s) => s.kind === 'passphrase').map((s) => unwrapKey(file.vaultId, s, passphrase)));
  const opened = settled.flatMap((r) => (r.status === 'fulfilled' && r.value !== null ? [r.value] : []));
  const match = opened.some((k) => k.equals(key));
  for (const k of opened) k.fill(0);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return match;
}

export async function changePassphrase(c: SlotChange, current: string, next: string): Promise<void> {
  const { vault } = c;
  assertPolicy(next, readSettings(vault.db).passphraseMinLength);
  return exclusive(c, () =>
    withKeyCopy(c.vault.dataKey, async (key) => {
      const file = c.readKeySlots();
      if (!(await passphraseOpens(file, current, key))) throw new AppError('WRONG_PASSPHRASE', '当前口令错误，口令未更换');
      const slot = await wrapKey(file.vaultId, 'passphrase', next, key, c.kdf, c.now);
      // Only the wrapping changes: the database keeps its data key and is not re-encrypted.
      const updated: KeySlotFile = { ...file, slots: [...file.slots.filter((s) => s.kind !== 'passphrase'), slot] };
      saveSlots(c, updated, { actor: vault.meta.officerName, action: 'vault.passphrase_changed', subject: slot.id, payload: { slotId: slot.id } });
    }),
  );
}

export async function reissueRecoveryKey(c: SlotChange, passphrase: string): Promise<{ recoveryKey: string; issuedAt: string }> {
  const { vault } = c;
  return exclusive(c, () =>
    withKeyCopy(c.vault.dataKey, async (key) => {
      const file = c.readKeySlots();
      if (!(await passphraseOpens(file, passphrase, key))) throw new AppError('WRONG_PASSPHRASE', '口令错误，恢复密钥未重新生成');
      const recoveryKey = generateRecoveryKey();
      const issuedAt = c.now;
      const slot = await wrapKey(file.vaultId, 'recovery', normalizeRecoveryKey(recoveryKey) ?? '', key, c.kdf, issuedAt);
      saveSlots(c, { ...file, slots: [...file.slots.filter((s) => s.kind !== 'recovery'), slot] }, { actor: vault.meta.officerName, action: 'vault.recovery_key_reissued', subject: slot.id, payload: { slotId: slot.id } });
      return { recoveryKey, issuedAt };
    }),
  );
}
