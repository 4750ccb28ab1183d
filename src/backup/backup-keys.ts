import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../audit/audit-log';

/**
 * Keys derived from the vault's data key (HKDF-SHA256, one label per purpose), so that a
 * manifest or an identity file can only be made by someone who can open the vault.
 */
export type KeyPurpose = 'backup-manifest' | 'backup-identity';

export const deriveKey = (dataKey: Buffer, vaultId: string, purpose: KeyPurpose): Buffer =>
  Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(vaultId), Buffer.from(`baomi ${purpose} v1`), 32));

export const macOf = (key: Buffer, body: unknown): string => createHmac('sha256', key).update(canonicalJson(body)).digest('hex');

export function macMatches(key: Buffer, body: unknown, mac: string): boolean {
  const expected = Buffer.from(macOf(key, body), 'hex');
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
