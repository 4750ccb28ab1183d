import type { Db } from '../../db/open-database';
import type { Level } from '../../ledger/classification/levels';
import { formatMarking } from '../../ledger/classification/term';
import { rowToEvent, type StoredEvent } from '../../ledger/events/event-store';
import type { Carrier } from '../../ledger/carriers/carrier-model';
import { rowToCarrier, type CarrierRow } from '../../ledger/carriers/carrier-repo';
import { sql } from '../../db/statements';

/** One register line: the event that the line records, and the carrier as it is now. */
export interface EventLine {
  event: StoredEvent;
  carrier: Carrier;
  marking: string;
  /** The later event that closes this line (a return, a check-in), if any. */
  closedBy: StoredEvent | null;
}

export interface LineQuery {
  types: string[];
  from: string;
  to: string;
  levels: Level[];
  /** Event types that close a line, searched among the carrier's later events. */
  closingTypes?: string[];
}

type JoinedRow = Record<string, unknown> & { e_id: number };

/**
 * Register lines come from the event log, not from the projections, so a printed register
 * shows what happened in the period even when the item has moved on since.
 */
export function eventLines(db: Db, q: LineQuery): EventLine[] {
  const levelSql = q.levels.length ? `AND c.level IN (${q.levels.map(() => '?').join(', ')})` : '';
  const rows = db
    .prepare(
      `SELECT e.id AS e_id, e.entity AS e_entity, e.entity_id AS e_entity_id, e.type AS e_type, e.at AS e_at,
              e.occurred_on AS e_occurred_on, e.actor AS e_actor, e.payload AS e_payload, e.batch_id AS e_batch_id,
              e.corrects AS e_corrects, e.audit_seq AS e_audit_seq, c.*
       FROM events e JOIN carriers c ON c.id = e.entity_id
       WHERE e.entity = 'carrier' AND e.type IN (${q.types.map(() => '?').join(', ')})
         AND e.occurred_on BETWEEN ? AND ? ${levelSql}
       ORDER BY e.occurred_on, e.id`,
    )
    .all(...q.types, q.from, q.to, ...q.levels) as JoinedRow[];
  const closing = q.closingTypes?.length
    ? sql(db, 
        `SELECT * FROM events WHERE entity = 'carrier' AND entity_id = ? AND id > ?
         AND type IN (${q.closingTypes.map(() => '?').join(', ')}) ORDER BY id LIMIT 1`,
      )
    : null;
  return rows.map((r) => {
    const event = rowToEvent({
      id: r.e_id,
      entity: r.e_entity as 'carrier',
      entity_id: r.e_entity_id as string,
      type: r.e_type as string,
      at: r.e_at as string,
      occurred_on: r.e_occurred_on as string,
      actor: r.e_actor as string,
      payload: r.e_payload as string,
      batch_id: r.e_batch_id as string | null,
      corrects: r.e_corrects as number | null,
      audit_seq: r.e_audit_seq as number,
    });
    const carrier = rowToCarrier(r as unknown as CarrierRow);
    const closedRow = closing?.get(carrier.id, event.id, ...(q.closingTypes ?? [])) as Parameters<typeof rowToEvent>[0] | undefined;
    return { event, carrier, marking: formatMarking(carrier.level, carrier.term), closedBy: closedRow ? rowToEvent(closedRow) : null };
  });
}

/** Reads a nested payload value as text, for register cells. */
export function field(payload: Record<string, unknown>, path: string): string {
  let v: unknown = payload;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' && 'name' in x ? String((x as { name: unknown }).name) : String(x))).join('、');
  return String(v);
}
