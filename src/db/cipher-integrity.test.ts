import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cipherIntegrityCheck, pageVerifier, SQLCIPHER4 } from './cipher-integrity';
import { openCipherDatabase } from './open-database';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function makeDb(): { file: string; key: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'baomi-ci-'));
  dirs.push(dir);
  const file = join(dir, 'x.db');
  const key = randomBytes(32);
  const db = openCipherDatabase(file, key);
  db.exec('CREATE TABLE t (x TEXT)');
  const ins = db.prepare('INSERT INTO t VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) ins.run(`机密文件标题 ${i} `.repeat(5));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { file, key };
}

describe('cipherIntegrityCheck (SQLCipher 4 page HMACs)', () => {
  it('accepts every page of a sound database', async () => {
    const { file, key } = makeDb();
    const r = await cipherIntegrityCheck(file, key);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.pagesChecked).toBeGreaterThan(50);
  });

  it('names the page whose bytes were flipped', async () => {
    const { file, key } = makeDb();
    const bytes = readFileSync(file);
    const page = 7;
    const offset = (page - 1) * SQLCIPHER4.pageSize + 100;
    bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const r = await cipherIntegrityCheck(file, key);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([`第 ${page} 页 HMAC 校验失败`]);
  });

  it('a file cut inside a page is named, and its whole pages still checked', async () => {
    const { file, key } = makeDb();
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, 10 * SQLCIPHER4.pageSize + 100));
    const r = await cipherIntegrityCheck(file, key);
    expect(r).toMatchObject({ ok: false, pagesChecked: 10 });
    expect(r.errors).toEqual([`文件大小 ${10 * SQLCIPHER4.pageSize + 100} 不是页大小 4096 的整数倍`]);
  });

  it('pages fed in chunks that are not whole pages are refused, not misread', () => {
    const { key } = makeDb();
    const v = pageVerifier(key);
    v.update(Buffer.alloc(SQLCIPHER4.pageSize + 10));
    expect(() => v.update(Buffer.alloc(SQLCIPHER4.pageSize))).toThrow(/only the last chunk/);
  });

  it('fails every page under a wrong key', async () => {
    const { file } = makeDb();
    const r = await cipherIntegrityCheck(file, randomBytes(32));
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toBe('第 1 页 HMAC 校验失败');
  });
});
