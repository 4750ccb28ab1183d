import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fails } from '../testing/refusal';
import { cipherIntegrityCheck } from './cipher-integrity';
import { openCipherDatabase } from './open-database';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baomi-open-'));
  dirs.push(dir);
  return join(dir, 'x.db');
}

/** The way the vault was keyed before (pragma text): files written so must still open. */
function pragmaKeyed(file: string, key: Buffer): Database.Database {
  const db = new Database(file);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  return db;
}

const refused = async (f: () => unknown) => fails((async () => f())());

describe('openCipherDatabase', () => {
  it('keys through db.key() with a buffer that is zeroed afterwards, never through pragma text', () => {
    const key = randomBytes(32);
    const seen: { arg: Buffer; atCall: string }[] = [];
    const realKey = Database.prototype.key;
    vi.spyOn(Database.prototype, 'key').mockImplementation(function (this: Database.Database, k: Buffer) {
      seen.push({ arg: k, atCall: k.toString('latin1') });
      return realKey.call(this, k);
    });
    const pragma = vi.spyOn(Database.prototype, 'pragma');
    const db = openCipherDatabase(tempFile(), key);
    db.close();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.atCall).toBe(`x'${key.toString('hex')}'`);
    expect(seen[0]?.arg.every((b) => b === 0)).toBe(true);
    const hex = key.toString('hex');
    expect(pragma.mock.calls.some(([text]) => String(text).includes(hex))).toBe(false);
  });

  it('writes the same SQLCipher 4 raw-key format as before: each opens what the other wrote', async () => {
    const key = randomBytes(32);
    const older = tempFile();
    const old = pragmaKeyed(older, key);
    old.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('旧')");
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    const reopened = openCipherDatabase(older, key);
    expect(reopened.prepare('SELECT x FROM t').pluck().get()).toBe('旧');
    reopened.close();

    const newer = tempFile();
    const db = openCipherDatabase(newer, key);
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('新')");
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // The page HMACs are checked with the raw key itself: a key derived from the text as a
    // passphrase would fail here.
    expect((await cipherIntegrityCheck(newer, key)).ok).toBe(true);
    const back = pragmaKeyed(newer, key);
    expect(back.prepare('SELECT x FROM t').pluck().get()).toBe('新');
    back.close();
  });

  it('refuses a wrong key with VAULT_CORRUPT, read-write and read-only', async () => {
    const file = tempFile();
    const key = randomBytes(32);
    openCipherDatabase(file, key).close();
    const wrong = Buffer.from(key);
    wrong[0] = (wrong[0] ?? 0) ^ 1;
    expect((await refused(() => openCipherDatabase(file, wrong))).code).toBe('VAULT_CORRUPT');
    expect((await refused(() => openCipherDatabase(file, wrong, { readonly: true }))).code).toBe('VAULT_CORRUPT');
    openCipherDatabase(file, key, { readonly: true }).close();
  });
});
