import type { Db } from '../../db/open-database';
import { sql } from '../../db/statements';
import type { Level } from '../../ledger/classification/levels';
import { formatMarking } from '../../ledger/classification/term';
import { rowToEvent, type EventRow, type StoredEvent } from '../../ledger/events/event-store';
import type { Carrier } from '../../ledger/carriers/carrier-model';
import { rowToCarrier, type CarrierRow } from '../../ledger/carriers/carrier-repo';

/** A register line: the event it records, and the later event that closes it (a return, a check-in), if any. */
interface PeriodLine {
  event: StoredEvent;
  closedBy: StoredEvent | null;
}

/** A carrier register line, with the carrier as it is now. */
export interface EventLine extends PeriodLine {
  carrier: Carrier;
  marking: string;
}

/** A device register line, with the device's number and level (for the marking). */
export interface DeviceLine extends PeriodLine {
  number: string;
  level: Level;
}

export interface LineQuery {
  types: string[];
  from: string;
  to: string;
  levels: Level[];
  /** Event types that close a line, searched among the item's later events. */
  closingTypes?: string[];
}

const TABLES = { carrier: 'carriers', computer: 'computers', medium: 'media' } as const;
const EVENT_COLUMNS = ['id', 'entity', 'entity_id', 'type', 'at', 'occurred_on', 'actor', 'payload', 'batch_id', 'corrects', 'audit_seq'] as const;
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Register lines come from the event log, not from the projections, so a printed register
 * shows what happened in the period even when the item has moved on since. Two queries
 * whatever the period holds: the events with their item, then every closing event at once.
 */
function periodLines(db: Db, entity: keyof typeof TABLES, q: LineQuery): { line: PeriodLine; item: Record<string, unknown> }[] {
  const closing = q.closingTypes ?? [];
  const closingSql = closing.length
    ? `(SELECT min(x.id) FROM events x WHERE x.entity = e.entity AND x.entity_id = e.entity_id AND x.id > e.id AND x.type IN (${marks(closing.length)}))`
    : 'NULL';
  const rows = sql(
    db,
    `SELECT ${EVENT_COLUMNS.map((c) => `e.${c} AS e_${c}`).join(', ')}, ${closingSql} AS closed_by, d.*
       FROM events e JOIN ${TABLES[entity]} d ON d.id = e.entity_id
       WHERE e.entity = ? AND e.type IN (${marks(q.types.length)}) AND e.occurred_on BETWEEN ? AND ?
         ${q.levels.length ? `AND d.level IN (${marks(q.levels.length)})` : ''}
       ORDER BY e.occurred_on, e.id`,
  ).all(...closing, entity, ...q.types, q.from, q.to, ...q.levels) as (Record<string, unknown> & { closed_by: number | null })[];
  const closers = rows.some((r) => r.closed_by !== null)
    ? new Map(
        (sql(db, 'SELECT e.* FROM json_each(?) j JOIN events e ON e.id = j.value').all(JSON.stringify(rows.map((r) => r.closed_by).filter((id) => id !== null))) as EventRow[]).map(
          (r) => [r.id, rowToEvent(r)],
        ),
      )
    : new Map<number, StoredEvent>();
  return rows.map((r) => ({
    line: {
      event: rowToEvent(Object.fromEntries(EVENT_COLUMNS.map((c) => [c, r[`e_${c}`]])) as unknown as EventRow),
      closedBy: r.closed_by === null ? null : (closers.get(r.closed_by) ?? null),
    },
    item: r,
  }));
}

export const eventLines = (db: Db, q: LineQuery): EventLine[] =>
  periodLines(db, 'carrier', q).map(({ line, item }) => {
    const carrier = rowToCarrier(item as unknown as CarrierRow);
    return { ...line, carrier, marking: formatMarking(carrier.level, carrier.term) };
  });

export const deviceLines = (db: Db, entity: 'computer' | 'medium', q: LineQuery): DeviceLine[] =>
  periodLines(db, entity, q).map(({ line, item }) => ({ ...line, number: item.number as string, level: item.level as Level }));

/** Reads a nested payload value as text, for register cells. */
export function field(payload: Record<string, unknown>, path: string): string {
  let v: unknown = payload;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' && 'name' in x ? String((x as { name: unknown }).name) : String(x))).join('、');
  return String(v);
}

/** Cells every register shares. */
export const seq = { header: '序号', width: 4, value: (_: unknown, i: number) => String(i + 1) };
export const sig = (header: string, width = 8) => ({ header, width, signature: true });
export const lookup = <K extends string>(labels: Record<K, string>, key: string): string => labels[key as K] ?? key;
