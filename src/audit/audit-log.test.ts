import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../db/migrate';
import { openCipherDatabase, type Db } from '../db/open-database';
import { MIGRATIONS_DIR } from '../testing/temp-vault';
import { appendAudit, canonicalBody, chainHead, GENESIS_HASH, listAudit, quickBody, verifyChain } from './audit-log';
import { mutate } from './mutate';

let dir: string;
let db: Db;
const AT = '2026-11-22T09:00:00.000Z';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baomi-audit-'));
  db = openCipherDatabase(join(dir, 'a.db'), randomBytes(32));
  migrate(db, loadMigrations(MIGRATIONS_DIR));
  for (let i = 1; i <= 5; i++) {
    appendAudit(db, AT, { actor: '张保密', action: 'test.event', subject: `ZT-2026-${i}`, payload: { n: i, 标题: '机密' } });
  }
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('audit chain', () => {
  it('links every entry to the previous hash from the genesis', () => {
    const rows = db.prepare('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq').all() as {
      seq: number;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]?.hash));
    expect(chainHead(db)).toMatchObject({ seq: 5, hash: rows[4]?.hash, shortHash: rows[4]?.hash.slice(0, 8) });
    expect(verifyChain(db, AT)).toMatchObject({ ok: true, checked: 5, firstBrokenSeq: null });
  });

  it('triggers forbid UPDATE and DELETE, and inserts that do not extend the chain', () => {
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 5').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare("INSERT INTO audit_log VALUES (9, ?, 'x', 'x', NULL, '{}', ?, 'abc')")
        .run(AT, chainHead(db).hash),
    ).toThrow(/extend the chain/);
    expect(verifyChain(db, AT).ok).toBe(true);
  });

  it('a raw-SQL edit of an entry is reported at its sequence number', () => {
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET payload = '{"n":99}' WHERE seq = 3`).run();
    const r = verifyChain(db, AT);
    expect(r.ok).toBe(false);
    expect(r.firstBrokenSeq).toBe(3);
    expect(r.reason).toBe('第 3 条记录的内容与其哈希不符');
    expect(r.checked).toBe(2);
  });

  it('the quick canonical body is byte for byte the RFC 8785 one, whatever the text holds', () => {
    const awkward = ['', '"', '\\', '\n\t\r\b\f', '\u0000\u001f\u007f', '\u2028\u2029', '机密★', '😀', '</script>', '{"a":[1,2]}'];
    for (const text of awkward) {
      for (const subject of [text, null]) {
        const row = { seq: 123456789, at: text, actor: text, action: text, subject, payload: JSON.stringify({ t: text }), prev_hash: text };
        expect(quickBody(row)).toBe(canonicalBody(row));
      }
    }
  });

  it('verifies a chain longer than one page of rows, and names a break past the first page', () => {
    const many = db.transaction(() => {
      for (let i = 0; i < 5010; i++) appendAudit(db, AT, { actor: '张保密', action: 'bulk', subject: null, payload: { i } });
    });
    many();
    expect(verifyChain(db, AT)).toMatchObject({ ok: true, checked: 5015 });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET payload = '{"i":-1}' WHERE seq = 5012`).run();
    expect(verifyChain(db, AT)).toMatchObject({ ok: false, checked: 5011, firstBrokenSeq: 5012 });
  });

  it('a deleted entry is reported where the gap starts', () => {
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    expect(verifyChain(db, AT)).toMatchObject({ ok: false, firstBrokenSeq: 4, reason: '缺少第 4 条记录' });
  });

  it('going on from an earlier head: new entries are checked, and a chain cut back below that head is reported', () => {
    const first = verifyChain(db, AT);
    appendAudit(db, AT, { actor: '张保密', action: 'test.event', subject: null, payload: { n: 6 } });
    const second = verifyChain(db, AT, first);
    expect(second).toMatchObject({ ok: true, checked: 6, head: { seq: 6 } });
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq >= 5').run();
    // A full walk cannot see it: the shorter chain links from the genesis.
    expect(verifyChain(db, AT)).toMatchObject({ ok: true, head: { seq: 4 } });
    expect(verifyChain(db, AT, second)).toMatchObject({ ok: false, firstBrokenSeq: 6, reason: '上次校验时的链头（第 6 条）已不在或已被改动，审计链被截短或改写' });
  });

  it('an entry dated before the head (the clock went back) is preceded by an entry that says so', () => {
    appendAudit(db, '2026-11-21T08:00:00.000Z', { actor: '张保密', action: 'test.event', subject: null, payload: { n: 6 } });
    appendAudit(db, '2026-11-21T08:05:00.000Z', { actor: '张保密', action: 'test.event', subject: null, payload: { n: 7 } });
    const actions = listAudit(db, 4).map((e) => [e.action, e.at, e.payload]);
    expect(actions).toEqual([
      ['test.event', '2026-11-21T08:05:00.000Z', { n: 7 }],
      ['test.event', '2026-11-21T08:00:00.000Z', { n: 6 }],
      ['clock.went_back', '2026-11-21T08:00:00.000Z', { previous: AT, now: '2026-11-21T08:00:00.000Z' }],
      ['test.event', AT, { n: 5, 标题: '机密' }],
    ]);
    expect(verifyChain(db, AT).ok).toBe(true);
  });

  it('mutate commits the change and its entry together, or neither', () => {
    expect(() =>
      mutate(db, AT, (tx) => {
        tx.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'k'").get()).toEqual({ n: 0 });
    expect(chainHead(db).seq).toBe(5);
    mutate(db, AT, (tx) => {
      tx.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
      return { result: null, audit: { actor: '张保密', action: 'settings.updated', payload: { k: 1 } } };
    });
    expect(chainHead(db).seq).toBe(6);
    expect(listAudit(db, 1)[0]).toMatchObject({ seq: 6, action: 'settings.updated', payload: { k: 1 } });
  });
});
