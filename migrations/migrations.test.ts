import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missingGuards, withGuards } from '../src/db/append-only-guards';
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

describe('0002-ledger', () => {
  it('creates the append-only event log and the projections', () => {
    migrate(db, upTo(2));
    expect(tables()).toEqual(expect.arrayContaining(['events', 'sequences', 'people', 'cabinets', 'carriers']));
    db.prepare("INSERT INTO audit_log VALUES (1, 't', 'a', 'x', NULL, '{}', ?, 'h1')").run('0'.repeat(64));
    db.prepare("INSERT INTO events (id, entity, entity_id, type, at, occurred_on, actor, payload, audit_seq) VALUES (1, 'carrier', 'c', 'received', 't', '2026-01-01', 'a', '{}', 1)").run();
    expect(() => db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });
});

describe('0003-devices', () => {
  it('adds computers, media, bindings and a usage book that allows one open entry per computer', () => {
    migrate(db, upTo(3));
    expect(tables()).toEqual(expect.arrayContaining(['computers', 'media', 'media_bindings', 'usage_log']));
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('usage_log_one_open');
  });
});

describe('0004-backups', () => {
  it('records each medium’s backup volume and every backup', () => {
    migrate(db, upTo(4));
    expect(tables()).toContain('backups');
    const cols = (db.prepare('PRAGMA table_info(media)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toContain('backup_volume');
  });
});

describe('0005-carrier-list-index', () => {
  it('answers the list from one covering index, newest first, without a sort', () => {
    migrate(db, upTo(5));
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT rowid FROM carriers c INDEXED BY carriers_list WHERE level = 'jimi' AND search_text LIKE '%x%' ORDER BY received_on DESC, number DESC LIMIT 100").all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toContain('USING COVERING INDEX carriers_list');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});

describe('0006-inspections', () => {
  it('adds departure fields, immutable template versions, runs, findings and reconciliation', () => {
    migrate(db, upTo(6));
    expect(tables()).toEqual(expect.arrayContaining(['checklist_templates', 'inspection_runs', 'inspection_results', 'findings', 'recon_sessions', 'recon_scans']));
    const cols = (db.prepare('PRAGMA table_info(people)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['pledge_on', 'on_post_on', 'left_on', 'leave_kind', 'declass_until']));
    db.prepare("INSERT INTO checklist_templates VALUES ('t', 'monthly', 1, '月查', '[]', 'now')").run();
    expect(() => db.prepare("UPDATE checklist_templates SET items = '[1]'").run()).toThrow(/never changes/);
    expect(() => db.prepare("INSERT INTO recon_sessions (id, purpose, scope_kind, started_at, expected) VALUES ('s', 'weekly', 'all', 'now', '[]')").run()).toThrow(/CHECK/);
  });
});

describe('0007-carrier-search', () => {
  it('backfills the bigram index for carriers already in the ledger', () => {
    migrate(db, upTo(6));
    db.prepare("INSERT INTO carriers (id, number, title, carrier_type, level, term_kind, classified_on, copies, source, state, received_on, search_text, last_event_id) VALUES ('a', 'ZT-1', '保密管理', 'paper', 'mimi', 'none', '2026-01-01', 1, 'received', 'in_store', '2026-01-01', 'zt-1\u0001保密管理\u0001', 0)").run();
    migrate(db, upTo(7));
    const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
    const phrase = `"${hex('密管')} ${hex('管理')}"`;
    expect(db.prepare('SELECT rowid FROM carrier_grams WHERE carrier_grams MATCH ?').all(phrase)).toHaveLength(1);
  });
});

describe('0008-carrier-title-index', () => {
  it('pages the list in title order without sorting', () => {
    migrate(db, upTo(8));
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT rowid FROM carriers c INDEXED BY carriers_by_title WHERE level = 'mimi' ORDER BY title, number LIMIT 100").all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toContain('USING COVERING INDEX carriers_by_title');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});

describe('0011-receipt-dispatch-number-index', () => {
  it('finds a 收文/发文编号 already given without scanning the carriers', () => {
    migrate(db, upTo(11));
    for (const column of ['receipt_no', 'dispatch_no']) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM carriers WHERE ${column} = ? LIMIT 1`).all('SW-2026-0001') as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toMatch(new RegExp(`USING (COVERING )?INDEX carriers_by_${column}`));
    }
  });
});

describe('0009-events-bound-to-audit', () => {
  const audit = (seq: number, action: string, payload: object) => {
    const prev = seq === 1 ? '0'.repeat(64) : `h${seq - 1}`;
    db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, NULL, ?, ?, ?)').run(seq, 't', 'a', action, JSON.stringify(payload), prev, `h${seq}`);
  };
  const event = (id: number, seq: number, type = 'received', entityId = 'c') =>
    db.prepare("INSERT INTO events (id, entity, entity_id, type, at, occurred_on, actor, payload, audit_seq) VALUES (?, 'carrier', ?, ?, 't', '2026-01-01', 'a', '{}', ?)").run(id, entityId, type, seq);

  it('an event is accepted only as the next id, bound to the newest audit entry that names it', () => {
    migrate(db, upTo(9));
    audit(1, 'carrier.received', { eventId: 1, entityId: 'c' });
    event(1, 1);
    audit(2, 'carrier.lent', { eventId: 2, entityId: 'c' });
    const refusedInsert = /its own audit entry/;
    expect(() => event(3, 2, 'lent')).toThrow(refusedInsert);
    expect(() => event(2, 1, 'lent')).toThrow(refusedInsert);
    expect(() => event(2, 2, 'destroyed')).toThrow(refusedInsert);
    expect(() => event(2, 2, 'lent', 'other')).toThrow(refusedInsert);
    event(2, 2, 'lent');
    // A second event cannot reuse an audit entry that already has one.
    audit(3, 'vault.locked', {});
    expect(() => event(3, 3, 'lent')).toThrow(refusedInsert);
  });

  it('INSERT OR REPLACE cannot rewrite an event or drop an audit entry (recursive_triggers)', () => {
    migrate(db, upTo(9));
    audit(1, 'carrier.received', { eventId: 1, entityId: 'c' });
    event(1, 1);
    audit(2, 'carrier.destroyed', { eventId: 2, entityId: 'c' });
    event(2, 2, 'destroyed');
    expect(() => db.prepare("INSERT OR REPLACE INTO events (id, entity, entity_id, type, at, occurred_on, actor, payload, audit_seq) VALUES (2, 'carrier', 'c', 'returned', 't', '2026-01-01', '李', '{}', 2)").run()).toThrow(/append-only|its own audit entry/);
    // A new head reusing seq 2's hash would REPLACE seq 2 away through the UNIQUE hash.
    expect(() => db.prepare("INSERT OR REPLACE INTO audit_log VALUES (3, 't', 'a', 'x', NULL, '{}', 'h2', 'h2')").run()).toThrow(/append-only/);
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(2);
    expect((db.prepare("SELECT type FROM events WHERE id = 2").get() as { type: string }).type).toBe('destroyed');
  });
});

describe('0010-events-match-audit', () => {
  // What appendEvent writes: the audit entry repeats the event, its data nested canonically.
  const data = { title: '关于“保密”的通知\n第2号', pages: 12, ratio: 0.5, big: 9007199254740991, tags: ['a', { b: null }], empty: {} };
  const entry = { eventId: 1, entityId: 'c', occurredOn: '2026-01-01', batchId: 'b1', corrects: null, data };
  const auditRow = (payload: object) =>
    db.prepare("INSERT INTO audit_log VALUES (1, '2026-01-01T08:00:00.000Z', '王', 'carrier.received', 'c', ?, ?, 'h1')").run(JSON.stringify(payload), '0'.repeat(64));
  const event = (over: Partial<Record<'payload' | 'occurred_on' | 'batch_id' | 'actor' | 'at', string | null>> = {}) => {
    const row = { payload: JSON.stringify(data), occurred_on: '2026-01-01', batch_id: 'b1', actor: '王', at: '2026-01-01T08:00:00.000Z', ...over };
    db.prepare(
      "INSERT INTO events (id, entity, entity_id, type, at, occurred_on, actor, payload, batch_id, corrects, audit_seq) VALUES (1, 'carrier', 'c', 'received', @at, @occurred_on, @actor, @payload, @batch_id, NULL, 1)",
    ).run(row);
  };
  const refused = /what its audit entry says/;

  it('an event whose data, date, batch, actor or time differ from its audit entry is refused', () => {
    migrate(db, upTo(10));
    auditRow(entry);
    expect(() => event({ payload: JSON.stringify({ ...data, pages: 13 }) })).toThrow(refused);
    expect(() => event({ payload: '{}' })).toThrow(refused);
    expect(() => event({ occurred_on: '2026-01-02' })).toThrow(refused);
    expect(() => event({ batch_id: null })).toThrow(refused);
    expect(() => event({ actor: '李' })).toThrow(refused);
    expect(() => event({ at: '2026-01-01T08:00:01.000Z' })).toThrow(refused);
    expect((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(0);
  });

  it('spacing does not count, key order does: appendEvent writes both sides in canonical (RFC 8785) order', () => {
    migrate(db, upTo(10));
    auditRow(entry);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(data).reverse()));
    expect(() => event({ payload: reordered })).toThrow(refused);
    event({ payload: JSON.stringify(data, null, 2) });
    expect((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(1);
  });

  it('an event cannot name another event as corrected than its audit entry does', () => {
    migrate(db, upTo(10));
    auditRow(entry);
    expect(() =>
      db.prepare("INSERT INTO events (id, entity, entity_id, type, at, occurred_on, actor, payload, batch_id, corrects, audit_seq) VALUES (1, 'carrier', 'c', 'received', '2026-01-01T08:00:00.000Z', '2026-01-01', '王', ?, 'b1', 1, 1)").run(JSON.stringify(data)),
    ).toThrow(refused);
  });
});

describe('the migration runner', () => {
  it('the latest schema keeps every append-only guard (a rebuilt table would drop its triggers)', () => {
    migrate(db, all);
    expect(missingGuards(db)).toEqual([]);
    db.exec('DROP TRIGGER events_no_delete');
    expect(withGuards(db, ['ok'])).toEqual(['缺少只追加保护触发器：events_no_delete']);
  });

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
