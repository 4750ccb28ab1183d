import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion, loadMigrations, migrate, schemaVersion } from '../src/db/migrate';
import { openCipherDatabase, type Db } from '../src/db/open-database';
import { MIGRATIONS_DIR } from '../src/testing/temp-vault';

/** One describe per migration (Signal Desktop style), plus the runner's own guarantees. */
let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baomi-mig-'));
  db = openCipherDatabase(join(dir, 'm.db'), randomBytes(32));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const all = loadMigrations(MIGRATIONS_DIR);
const upTo = (v: number) => all.filter((m) => m.version <= v);
const tables = () =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('0001-init', () => {
  it('creates vault_meta, settings and the audit chain with its guards', () => {
    expect(migrate(db, upTo(1))).toEqual({ from: 0, to: 1 });
    expect(schemaVersion(db)).toBe(1);
    expect(tables()).toEqual(expect.arrayContaining(['audit_log', 'settings', 'vault_meta']));
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(triggers).toEqual(
      expect.arrayContaining(['audit_log_no_update', 'audit_log_no_delete', 'audit_log_sequential', 'vault_meta_no_delete']),
    );
    db.prepare("INSERT INTO vault_meta VALUES (1, 'id', '单位', '保密员', 't')").run();
    expect(() => db.prepare("INSERT INTO vault_meta VALUES (2, 'id', 'x', 'y', 't')").run()).toThrow(/CHECK/);
  });
});

describe('the migration runner', () => {
  it('numbers migrations 1, 2, 3… and applies only the pending ones', () => {
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
    migrate(db, all);
    expect(migrate(db, all)).toEqual({ from: latestVersion(all), to: latestVersion(all) });
  });

  it('refuses a database written by a newer app version, touching nothing', () => {
    migrate(db, all);
    db.pragma(`user_version = ${latestVersion(all) + 1}`);
    expect(() => migrate(db, all)).toThrow(/更新版本的程序/);
    expect(schemaVersion(db)).toBe(latestVersion(all) + 1);
  });

  it('applies all pending migrations in one transaction: a failing one leaves version and schema unchanged', () => {
    const broken = [...all, { version: all.length + 1, name: 'broken', sql: 'CREATE TABLE later (x); SELECT no_such_fn();' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables()).toEqual([]);
  });

  it('rejects a gap in the numbering', () => {
    const gapDir = mkdtempSync(join(tmpdir(), 'baomi-gap-'));
    writeFileSync(join(gapDir, '0001-a.sql'), 'SELECT 1;');
    writeFileSync(join(gapDir, '0003-c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(gapDir)).toThrow(/numbering broken/);
    rmSync(gapDir, { recursive: true, force: true });
  });
});
