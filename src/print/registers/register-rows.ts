import type { Db } from '../../db/open-database';
import { sql } from '../../db/statements';
import type { Level } from '../../ledger/classification/levels';
import { formatMarking } from '../../ledger/classification/term';
import { rowToEvent, type EventRow, type StoredEvent } from '../../ledger/events/event-store';
import type { Carrier } from '../../ledger/carriers/carrier-model';
import { rowToCarrier, type CarrierRow } from '../../ledger/carriers/carrier-repo';

/**
 * A register line: the event it records, the payload as corrected since, and the events
 * around it that the register reads.
 */
interface PeriodLine {
  event: StoredEvent;
  /** The event's payload with the corrections that belong to the line applied (LINE_FIELDS). */
  payload: Record<string, unknown>;
  /** The payload fields a correction changed, so that the printout can say so. */
  corrected: ReadonlySet<string>;
  /** The later event that closes the line (a return, a check-in), if that is how it ended. */
  closedBy: StoredEvent | null;
  /** The later event that ended the line without closing it (a loss, the next loan), if any. */
  interruptedBy: StoredEvent | null;
  /** For a line that is itself a return: the event it ends (the loan, circulation or trip). */
  openedBy: StoredEvent | null;
  /** Another event of the line's batch, of `peerTypes` (the handover a take-back belongs to). */
  peer: StoredEvent | null;
}

/** A carrier register line, with the carrier as it is now. */
export interface EventLine extends PeriodLine {
  carrier: Carrier;
  marking: string;
  /** The custodian's department and name now, '' when it has none. */
  custodian: string;
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
  /** Of `types`, those that make a line only when written as part of a batch. */
  batchedTypes?: string[];
  /**
   * Event types that close a line, searched among the item's later events. A line with
   * closing types also ends, unclosed, at the item's next event of the line's own types.
   */
  closingTypes?: string[];
  /**
   * More event types that end a line without closing it: a loan is over when the item is
   * lost, and a return after it is found belongs to a later loan.
   */
  interruptingTypes?: string[];
  /** For lines that are returns: the event types that open what they return (the latest before). */
  openingTypes?: string[];
  /** Event types looked for among the other events of the line's batch. */
  peerTypes?: string[];
}

/**
 * Fields a correction changes on the line under way rather than on the item's record, by
 * the correction's field and then the line's event type, giving the payload field. A
 * corrected due date always belongs to the loan, circulation or trip in progress (see
 * checkCorrectedDue), whichever entry the correction points at, so it is matched to the
 * line by when it was made, not by `corrects`; a second correction often points at the first.
 */
const LINE_FIELDS: Record<string, Record<string, string>> = {
  dueOn: { lent: 'dueOn', circulated: 'dueOn', taken_out: 'untilOn' },
};

const TABLES = { carrier: 'carriers', computer: 'computers', medium: 'media' } as const;
/** Who has the item in keeping, for the registers that print it. */
const KEEPER: Partial<Record<keyof typeof TABLES, string>> = { carrier: 'custodian_id' };
const EVENT_COLUMNS = ['id', 'entity', 'entity_id', 'type', 'at', 'occurred_on', 'actor', 'payload', 'batch_id', 'corrects', 'audit_seq'] as const;
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const inList = (n: number, sqlIfAny: (m: string) => string, otherwise = 'NULL') => (n ? sqlIfAny(marks(n)) : otherwise);

interface LineRow extends Record<string, unknown> {
  ended_by: number | null;
  opened_by: number | null;
  peer: number | null;
  corrections: string;
  keeper_name: string | null;
  keeper_department: string | null;
}

/**
 * Register lines come from the event log, not from the projections, so a printed register
 * shows what happened in the period even when the item has moved on since. Two queries
 * whatever the period holds: the events with their item and the ids of the events around
 * them, then all of those events at once.
 */
function periodLines(db: Db, entity: keyof typeof TABLES, q: LineQuery): { line: PeriodLine; item: LineRow }[] {
  const closing = q.closingTypes ?? [];
  const interrupting = q.interruptingTypes ?? [];
  const ending = closing.length || interrupting.length ? [...new Set([...closing, ...q.types, ...interrupting])] : [];
  const opening = q.openingTypes ?? [];
  const peers = q.peerTypes ?? [];
  const batched = q.batchedTypes ?? [];
  const fields = Object.entries(LINE_FIELDS);
  const correctable = [...new Set(fields.flatMap(([, byType]) => Object.keys(byType)))];
  const keeper = KEEPER[entity];
  // The first later event that ends the line, by id (the order things were entered in).
  const endSql = inList(ending.length, (m) => `(SELECT min(x.id) FROM events x WHERE x.entity = e.entity AND x.entity_id = e.entity_id AND x.id > e.id AND x.type IN (${m}))`);
  const openSql = inList(opening.length, (m) => `(SELECT max(x.id) FROM events x WHERE x.entity = e.entity AND x.entity_id = e.entity_id AND x.id < e.id AND x.type IN (${m}))`);
  const peerSql = inList(peers.length, (m) => `(SELECT min(x.id) FROM events x WHERE x.batch_id = e.batch_id AND x.id <> e.id AND x.type IN (${m}))`);
  // Corrections made while the line was under way, of a field that belongs to it.
  const correctionSql = `(SELECT json_group_array(x.id) FROM events x
      WHERE l.e_type IN (${marks(correctable.length)}) AND x.entity = l.e_entity AND x.entity_id = l.e_entity_id AND x.type = 'corrected'
        AND x.id > l.e_id AND (l.ended_by IS NULL OR x.id < l.ended_by)
        AND (${fields.map(() => 'json_extract(x.payload, ?) IS NOT NULL').join(' OR ')}))`;
  const rows = sql(
    db,
    `WITH lines AS (
       SELECT ${EVENT_COLUMNS.map((c) => `e.${c} AS e_${c}`).join(', ')}, ${endSql} AS ended_by, ${openSql} AS opened_by, ${peerSql} AS peer,
              ${keeper ? 'k.name AS keeper_name, k.department AS keeper_department' : 'NULL AS keeper_name, NULL AS keeper_department'}, d.*
         FROM events e JOIN ${TABLES[entity]} d ON d.id = e.entity_id
         ${keeper ? `LEFT JOIN people k ON k.id = d.${keeper}` : ''}
         WHERE e.entity = ? AND e.type IN (${marks(q.types.length)}) AND e.occurred_on BETWEEN ? AND ?
           ${batched.length ? `AND (e.batch_id IS NOT NULL OR e.type NOT IN (${marks(batched.length)}))` : ''}
           ${q.levels.length ? `AND d.level IN (${marks(q.levels.length)})` : ''}
     )
     SELECT l.*, ${correctionSql} AS corrections FROM lines l ORDER BY l.e_occurred_on, l.e_id`,
  ).all(
    ...ending,
    ...opening,
    ...peers,
    entity,
    ...q.types,
    q.from,
    q.to,
    ...batched,
    ...q.levels,
    ...correctable,
    ...fields.map(([f]) => `$.after.${f}`),
  ) as LineRow[];
  const correctionIds = rows.map((r) => JSON.parse(r.corrections) as number[]);
  const ids = [...new Set([...rows.flatMap((r) => [r.ended_by, r.opened_by, r.peer]), ...correctionIds.flat()].filter((id): id is number => id !== null))];
  const around = ids.length
    ? new Map((sql(db, 'SELECT e.* FROM json_each(?) j JOIN events e ON e.id = j.value').all(JSON.stringify(ids)) as EventRow[]).map((r) => [r.id, rowToEvent(r)]))
    : new Map<number, StoredEvent>();
  const get = (id: number | null) => (id === null ? null : (around.get(id) ?? null));
  return rows.map((r, i) => {
    const event = rowToEvent(Object.fromEntries(EVENT_COLUMNS.map((c) => [c, r[`e_${c}`]])) as unknown as EventRow);
    const ended = get(r.ended_by);
    const closedBy = ended && closing.includes(ended.type) ? ended : null;
    return {
      line: {
        event,
        ...corrected(event, (correctionIds[i] ?? []).map(get)),
        closedBy,
        interruptedBy: ended && !closedBy ? ended : null,
        openedBy: get(r.opened_by),
        peer: get(r.peer),
      },
      item: r,
    };
  });
}

/** The line's payload with its corrections applied in the order made, so the latest wins. */
function corrected(event: StoredEvent, corrections: (StoredEvent | null)[]): Pick<PeriodLine, 'payload' | 'corrected'> {
  const payload = { ...event.payload };
  const changed = new Set<string>();
  for (const c of corrections.filter((x): x is StoredEvent => x !== null).sort((a, b) => a.id - b.id)) {
    const after = (c.payload.after ?? {}) as Record<string, unknown>;
    for (const [f, byType] of Object.entries(LINE_FIELDS)) {
      const target = byType[event.type];
      if (target === undefined || after[f] === undefined) continue;
      payload[target] = after[f];
      changed.add(target);
    }
  }
  return { payload, corrected: changed };
}

export const eventLines = (db: Db, q: LineQuery): EventLine[] =>
  periodLines(db, 'carrier', q).map(({ line, item }) => {
    const carrier = rowToCarrier(item as unknown as CarrierRow);
    const custodian = `${item.keeper_department ?? ''} ${item.keeper_name ?? ''}`.trim();
    return { ...line, carrier, marking: formatMarking(carrier.level, carrier.term), custodian };
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

/** How a corrected value is printed: an auditor comparing with the paper sees why they differ. */
export const markCorrected = (text: string): string => `${text}（更正）`;

/** A line's payload value as printed: as corrected, and marked when it was. */
export function lineField(line: Pick<PeriodLine, 'payload' | 'corrected'>, path: string): string {
  const text = field(line.payload, path);
  return line.corrected.has(path.split('.')[0] ?? '') && text ? markCorrected(text) : text;
}

/** Cells every register shares. */
export const seq = { header: '序号', width: 4, value: (_: unknown, i: number) => String(i + 1) };
export const sig = (header: string, width = 8) => ({ header, width, signature: true });
export const lookup = <K extends string>(labels: Record<K, string>, key: string): string => labels[key as K] ?? key;
