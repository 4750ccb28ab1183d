import { appendAudit, canonicalJson } from '../../audit/audit-log';
import type { Db } from '../../db/open-database';
import { sql } from '../../db/statements';

export type EntityKind = 'carrier' | 'person' | 'cabinet' | 'computer' | 'medium' | 'template' | 'inspection' | 'finding' | 'reconciliation';

export interface NewEvent {
  entity: EntityKind;
  entityId: string;
  type: string;
  /** The business date the thing happened (YYYY-MM-DD), which registers sort by. */
  occurredOn: string;
  payload: Record<string, unknown>;
  batchId?: string | null;
  /** The event this one corrects (a correction never edits the wrong one). */
  corrects?: number | null;
  /** What the audit log shows as the subject, e.g. the carrier number. */
  subject?: string;
}

export interface StoredEvent {
  id: number;
  entity: EntityKind;
  entityId: string;
  type: string;
  at: string;
  occurredOn: string;
  actor: string;
  payload: Record<string, unknown>;
  batchId: string | null;
  corrects: number | null;
  auditSeq: number;
}

export interface EventRow {
  id: number;
  entity: EntityKind;
  entity_id: string;
  type: string;
  at: string;
  occurred_on: string;
  actor: string;
  payload: string;
  batch_id: string | null;
  corrects: number | null;
  audit_seq: number;
}

/**
 * Appends one event and its audit entry. Must run inside a transaction (the callers use
 * `inLedgerTransaction`), so the event, its audit entry and the projection change commit
 * together. The audit entry repeats the whole event, so the chain covers its content.
 */
export function appendEvent(db: Db, at: string, actor: string, e: NewEvent): StoredEvent {
  if (!db.inTransaction) throw new Error('appendEvent must run inside a transaction');
  const payload = canonicalJson(e.payload);
  const nextId = ((sql(db, 'SELECT coalesce(max(id), 0) + 1 AS id FROM events').get() as { id: number }).id);
  const head = appendAudit(db, at, {
    actor,
    action: `${e.entity}.${e.type}`,
    subject: e.subject ?? e.entityId,
    payload: {
      eventId: nextId,
      entityId: e.entityId,
      occurredOn: e.occurredOn,
      batchId: e.batchId ?? null,
      corrects: e.corrects ?? null,
      data: e.payload,
    },
  });
  sql(db, 
    `INSERT INTO events (id, entity, entity_id, type, at, occurred_on, actor, payload, batch_id, corrects, audit_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(nextId, e.entity, e.entityId, e.type, at, e.occurredOn, actor, payload, e.batchId ?? null, e.corrects ?? null, head.seq);
  return {
    id: nextId,
    entity: e.entity,
    entityId: e.entityId,
    type: e.type,
    at,
    occurredOn: e.occurredOn,
    actor,
    payload: e.payload,
    batchId: e.batchId ?? null,
    corrects: e.corrects ?? null,
    auditSeq: head.seq,
  };
}

export const rowToEvent = (r: EventRow): StoredEvent => ({
  id: r.id,
  entity: r.entity,
  entityId: r.entity_id,
  type: r.type,
  at: r.at,
  occurredOn: r.occurred_on,
  actor: r.actor,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  batchId: r.batch_id,
  corrects: r.corrects,
  auditSeq: r.audit_seq,
});

export function eventsOf(db: Db, entity: EntityKind, entityId: string): StoredEvent[] {
  return (sql(db, 'SELECT * FROM events WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, entityId) as EventRow[]).map(
    rowToEvent,
  );
}

export function eventById(db: Db, id: number): StoredEvent | null {
  const r = sql(db, 'SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
  return r ? rowToEvent(r) : null;
}

export function eventsOfBatch(db: Db, batchId: string): StoredEvent[] {
  return (sql(db, 'SELECT * FROM events WHERE batch_id = ? ORDER BY id').all(batchId) as EventRow[]).map(rowToEvent);
}

/** Runs `work` as one immediate transaction: all its events commit together or none does. */
export const inLedgerTransaction = <T>(db: Db, work: () => T): T => db.transaction(work).immediate();
