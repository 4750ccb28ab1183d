import { createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { eachChunk } from '../fs/file-streams';

/**
 * SQLCipher's own `PRAGMA cipher_integrity_check` is not implemented by sqlite3mc, so the
 * same check is done here from the published SQLCipher 4 page format: every page ends with
 * a 16-byte IV and a 64-byte HMAC-SHA512 over the page's ciphertext, the IV and the page
 * number (4 bytes, little endian). The HMAC key is PBKDF2-HMAC-SHA512 of the raw key over
 * the file salt XOR 0x3a, 2 iterations. Page 1 starts with the 16-byte plaintext salt.
 * The caller checkpoints the WAL first, so that every page is in the main file.
 */
export const SQLCIPHER4 = { pageSize: 4096, saltBytes: 16, ivBytes: 16, hmacBytes: 64, hmacSaltMask: 0x3a, fastKdfIter: 2 };

export interface CipherIntegrityResult {
  ok: boolean;
  pagesChecked: number;
  errors: string[];
}

const MAX_REPORTED = 20;

/**
 * Checks pages as chunks of the file arrive, so that a caller already reading the file
 * (to hash it, say) need not read it twice. Chunks come in order and, but for the last,
 * hold whole pages.
 */
export function pageVerifier(key: Buffer): { update(chunk: Buffer): void; result(): CipherIntegrityResult } {
  const { pageSize, saltBytes, hmacBytes } = SQLCIPHER4;
  const errors: string[] = [];
  const pgno = Buffer.alloc(4);
  let hmacKey: Buffer | null = null;
  let pages = 0;
  let bad = 0;
  let tail = 0;
  return {
    update(chunk) {
      if (tail !== 0) throw new Error('only the last chunk may end inside a page');
      tail = chunk.length % pageSize;
      for (let at = 0; at + pageSize <= chunk.length; at += pageSize) {
        const page = chunk.subarray(at, at + pageSize);
        const n = ++pages;
        if (n === 1) {
          const hmacSalt = Buffer.from(page.subarray(0, saltBytes).map((b) => b ^ SQLCIPHER4.hmacSaltMask));
          hmacKey = pbkdf2Sync(key, hmacSalt, SQLCIPHER4.fastKdfIter, key.length, 'sha512');
        }
        pgno.writeUInt32LE(n, 0);
        const mac = createHmac('sha512', hmacKey as Buffer)
          .update(page.subarray(n === 1 ? saltBytes : 0, pageSize - hmacBytes))
          .update(pgno)
          .digest();
        if (!timingSafeEqual(mac, page.subarray(pageSize - hmacBytes))) {
          bad += 1;
          if (errors.length < MAX_REPORTED) errors.push(`第 ${n} 页 HMAC 校验失败`);
        }
      }
    },
    result() {
      const size = pages * pageSize + tail;
      const all = [...errors];
      if (size === 0 || tail !== 0) all.unshift(`文件大小 ${size} 不是页大小 ${pageSize} 的整数倍`);
      if (bad > MAX_REPORTED) all.push(`另有 ${bad - MAX_REPORTED} 页校验失败`);
      return { ok: all.length === 0, pagesChecked: pages, errors: all };
    },
  };
}

/** Every page of a file, read in chunks in the thread pool (see eachChunk). */
export async function cipherIntegrityCheck(file: string, key: Buffer, onBytes: (checked: number) => void = () => {}): Promise<CipherIntegrityResult> {
  const verifier = pageVerifier(key);
  await eachChunk(file, (chunk, offset) => {
    verifier.update(chunk);
    onBytes(offset + chunk.length);
  });
  return verifier.result();
}
