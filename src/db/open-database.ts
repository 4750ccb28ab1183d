import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors/app-error';

export type Db = Database.Database;

const KEY_BYTES = 32;

/**
 * Opens (or creates) a SQLCipher 4 database with a raw 256-bit key. The cipher and legacy
 * pragmas make sqlite3mc write the exact SQLCipher 4 page format, so that an upstream
 * SQLCipher 4 build can open the vault with the exported key in a disaster.
 */
export function openCipherDatabase(file: string, key: Buffer, opts: { readonly?: boolean } = {}): Db {
  if (key.length !== KEY_BYTES) throw new Error('data key must be 32 bytes');
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    applyRawKey(db, key);
    // The key is only checked when a page is read; force it now for a clear error.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // INSERT OR REPLACE deletes the row it replaces without firing delete triggers unless
    // this is on: with it, the append-only guards on events and audit_log hold for REPLACE too.
    db.pragma('recursive_triggers = ON');
    tuneConnection(db);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof Error && /file is not a database|SQLITE_NOTADB/i.test(`${e.message} ${(e as { code?: string }).code ?? ''}`)) {
      throw new AppError('VAULT_CORRUPT', '台账数据库无法用此密钥解密：文件已损坏或不属于此台账');
    }
    throw e;
  }
}

const HEX_DIGITS = Buffer.from('0123456789abcdef');

/**
 * Keys the connection with SQLCipher's raw-key form `x'<64 hex digits>'`, spelled inside a
 * Buffer that is zeroed afterwards: a JS string holding the key (as a pragma's text would)
 * cannot be wiped and would stay in the heap until the collector happens to reuse it.
 */
function applyRawKey(db: Database.Database, key: Buffer): void {
  // Buffer.alloc, not allocUnsafe: a pooled slab would keep other bytes beside the key.
  const text = Buffer.alloc(key.length * 2 + 3);
  text[0] = 0x78; // x
  text[1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    const b = key[i] ?? 0;
    text[2 + 2 * i] = HEX_DIGITS[b >> 4] ?? 0;
    text[3 + 2 * i] = HEX_DIGITS[b & 15] ?? 0;
  }
  text[text.length - 1] = 0x27;
  try {
    db.key(text);
  } finally {
    text.fill(0);
  }
}

/**
 * A page cache large enough for the whole working set of a big ledger: pages of an
 * encrypted database are decrypted and authenticated once, then served from memory, so
 * list and search stay as fast as on a plain file. Temporary b-trees stay in memory too,
 * so nothing of the ledger is ever written to disk unencrypted.
 */
export function tuneConnection(db: Database.Database): void {
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
}
