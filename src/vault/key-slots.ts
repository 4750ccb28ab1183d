import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors/app-error';

/**
 * The data key never touches the disk in clear: it is stored only wrapped (AES-256-GCM)
 * under keys derived from a secret with scrypt, whose parameters travel with each slot so
 * they can be raised later without breaking old vaults. GCM's tag tells a wrong secret
 * apart from a damaged database before the database is even opened.
 */
export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** 128 MiB, about 0.47 s on the reference 2-core machine (measured; R-10 brute force cost). */
export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

export type SlotKind = 'passphrase' | 'recovery';

const slotSchema = z.object({
  id: z.string(),
  kind: z.enum(['passphrase', 'recovery']),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().positive(),
    r: z.number().int().positive(),
    p: z.number().int().positive(),
    salt: z.string(),
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: z.string(),
  tag: z.string(),
  wrappedKey: z.string(),
  createdAt: z.string(),
});
export type KeySlot = z.infer<typeof slotSchema>;

export const keySlotFileSchema = z.object({
  format: z.literal('baomi-keyslots'),
  version: z.literal(1),
  vaultId: z.string(),
  slots: z.array(slotSchema).min(1),
});
export type KeySlotFile = z.infer<typeof keySlotFileSchema>;

export function readKeySlotFile(file: string): KeySlotFile {
  if (!existsSync(file)) {
    throw new AppError('VAULT_CORRUPT', '密钥槽文件 keyslots.json 缺失，无法解锁；请从备份恢复');
  }
  try {
    return keySlotFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new AppError('VAULT_CORRUPT', '密钥槽文件 keyslots.json 已损坏，无法解锁；请从备份恢复');
  }
}

const deriveKek = (secret: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    // NFC so that the same passphrase typed through different input methods matches.
    scrypt(secret.normalize('NFC'), salt, 32, { ...kdf, maxmem: 256 * kdf.N * kdf.r + 32 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );

// Binding the slot's identity into GCM's associated data stops a slot being moved to
// another vault or relabelled as the other kind.
const aad = (vaultId: string, slot: Pick<KeySlot, 'id' | 'kind'>) => Buffer.from(`${vaultId}|${slot.id}|${slot.kind}`);

export async function wrapKey(
  vaultId: string,
  kind: SlotKind,
  secret: string,
  dataKey: Buffer,
  kdf: KdfParams,
  now: string,
): Promise<KeySlot> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const id = randomUUID();
  const kek = await deriveKek(secret, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(vaultId, { id, kind }));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  kek.fill(0);
  return {
    id,
    kind,
    kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    createdAt: now,
  };
}

/**
 * Returns the data key, or null when the secret does not open this slot. The key is in a
 * buffer of its own (never a slice of Node's shared pool), so that the caller's fill(0)
 * really wipes it; every intermediate copy is wiped here.
 */
export async function unwrapKey(vaultId: string, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const { N, r, p } = slot.kdf;
  const kek = await deriveKek(secret, Buffer.from(slot.kdf.salt, 'base64'), { N, r, p });
  const parts: Buffer[] = [];
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(aad(vaultId, slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    parts.push(decipher.update(Buffer.from(slot.wrappedKey, 'base64')));
    parts.push(decipher.final());
    const length = parts.reduce((n, b) => n + b.length, 0);
    const key = Buffer.alloc(length);
    let at = 0;
    for (const b of parts) at += b.copy(key, at);
    return key;
  } catch {
    // GCM checks the tag only in final(), after update() has produced the plaintext (the
    // real key, if only the tag was damaged): the finally below wipes it all the same.
    return null;
  } finally {
    for (const b of parts) b.fill(0);
    kek.fill(0);
  }
}
