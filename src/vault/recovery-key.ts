import { randomBytes } from 'node:crypto';

/**
 * The recovery key is 160 random bits written in Crockford base32 (no I, L, O, U), in
 * groups of four, so that it can be read off a sheet in the safe and typed back without
 * ambiguity. Parsing forgives case, spaces, hyphens and the look-alike letters.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_BYTES = 20;
const CHARS = (RECOVERY_KEY_BYTES * 8) / 5;

export function generateRecoveryKey(): string {
  return formatRecoveryKey(encode(randomBytes(RECOVERY_KEY_BYTES)));
}

export const formatRecoveryKey = (chars: string): string => chars.match(/.{1,4}/g)?.join('-') ?? '';

/** Returns the canonical 32 characters, or null when the text cannot be a recovery key. */
export function normalizeRecoveryKey(text: string): string | null {
  const cleaned = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (cleaned.length !== CHARS) return null;
  for (const c of cleaned) if (!ALPHABET.includes(c)) return null;
  return cleaned;
}

function encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
