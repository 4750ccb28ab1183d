import dayjs from 'dayjs';
import { z } from 'zod';
import type { Db } from '../../db/open-database';
import { LEVELS } from '../classification/levels';
import { formatMarking } from '../classification/term';
import { eventsOf, type StoredEvent } from '../events/event-store';
import { CARRIER_STATES, CARRIER_TYPES, type Carrier } from './carrier-model';
import { getCarrier, rowToCarrier, searchGrams, type CarrierRow } from './carrier-repo';
import { EVENT_LABELS } from './carrier-rules';
import { sql, sqlList } from '../../db/statements';
import { isOut, OUT_STATES, TERM_CLOSED_STATES } from './carrier-states';

export const carrierListQuerySchema = z
  .object({
    search: z.string().trim().max(100).default(''),
    levels: z.array(z.enum(LEVELS)).max(4).default([]),
    states: z.array(z.enum(CARRIER_STATES)).max(11).default([]),
    types: z.array(z.enum(CARRIER_TYPES)).max(5).default([]),
    custodianId: z.string().max(64).nullish(),
    cabinetId: z.string().max(64).nullish(),
    termEndingWithinDays: z.number().int().min(0).max(3650).nullish(),
    overdueOnly: z.boolean().default(false),
    sort: z.enum(['number', 'receivedOn', 'title', 'expiresOn']).default('receivedOn'),
    descending: z.boolean().default(true),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    /** Later pages of the same filters skip the count: the list already knows the total. */
    withTotal: z.boolean().default(true),
  })
  .strict();
export type CarrierListQuery = z.input<typeof carrierListQuerySchema>;

export interface CarrierListRow extends Carrier {
  marking: string;
  custodianName: string | null;
  holderName: string | null;
  cabinetName: string | null;
  overdue: boolean;
}

export interface CarrierListPage {
  /** Matching rows in all; -1 when the query asked not to count (withTotal: false). */
  total: number;
  offset: number;
  rows: CarrierListRow[];
}

const SORT_COLUMNS = { number: 'c.number', receivedOn: 'c.received_on', title: 'c.title', expiresOn: 'c.expires_on' } as const;

export function listCarriers(db: Db, today: string, input: CarrierListQuery): CarrierListPage {
  const q = carrierListQuerySchema.parse(input);
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('c.level', q.levels);
  inList('c.state', q.states);
  inList('c.carrier_type', q.types);
  if (q.custodianId) where.push('(c.custodian_id = ? OR c.holder_id = ?)'), params.push(q.custodianId, q.custodianId);
  if (q.cabinetId) where.push('c.cabinet_id = ?'), params.push(q.cabinetId);
  if (q.termEndingWithinDays != null) {
    where.push('c.expires_on IS NOT NULL AND c.expires_on <= ?');
    params.push(dayjs(today).add(q.termEndingWithinDays, 'day').format('YYYY-MM-DD'));
    where.push(`c.state NOT IN ${sqlList(TERM_CLOSED_STATES)}`);
  }
  if (q.overdueOnly) where.push(`c.state IN ${sqlList(OUT_STATES)} AND c.due_on < ?`), params.push(today);
  const needle = q.search.toLowerCase();
  // Two characters or more: the bigram index (migration 0007) finds the rows; one
  // character: instr() over the covering index. Either way % or _ are just characters.
  const phrase = [...needle].length >= 2 ? `"${searchGrams(needle)}"` : null;
  const filtered = where.length > 0;
  let matches: number[] | null = null;
  if (phrase) {
    // The index is asked once; its rowids then act as one more filter.
    matches = (sql(db, 'SELECT rowid FROM carrier_grams WHERE carrier_grams MATCH ?').all(phrase) as { rowid: number }[]).map((r) => r.rowid);
    where.push('c.rowid IN (SELECT value FROM json_each(?))'), params.push(JSON.stringify(matches));
  } else if (needle) where.push('instr(c.search_text, ?) > 0'), params.push(needle);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // A search with few matches reads just those rows and sorts them. Everything else walks
  // a covering index (migrations 0005, 0008) in the page's order, stopping after the page:
  // the planner, lacking statistics, would otherwise pick a one-column index and sort.
  const few = matches !== null && matches.length <= 2000;
  const orderIndex = few ? '' : ({ receivedOn: 'INDEXED BY carriers_list', title: 'INDEXED BY carriers_by_title', number: '', expiresOn: '' } as const)[q.sort];
  const dir = q.descending ? 'DESC' : 'ASC';
  const total = !q.withTotal
    ? -1
    : matches !== null && !filtered
      ? matches.length
      : (sql(db, `SELECT count(*) AS n FROM carriers c ${few ? '' : 'INDEXED BY carriers_list'} ${whereSql}`).get(...params) as { n: number }).n;
  // Two steps: the page's rowids first (no wide rows read while filtering or skipping),
  // then only those rows in full, with names joined.
  const ids = (
    sql(db, `SELECT c.rowid AS rid FROM carriers c ${orderIndex} ${whereSql} ORDER BY ${SORT_COLUMNS[q.sort]} ${dir}, c.number ${dir} LIMIT ? OFFSET ?`).all(
      ...params,
      q.limit,
      q.offset,
    ) as { rid: number }[]
  ).map((r) => r.rid);
  const byRowid = new Map(
    (ids.length === 0
      ? []
      : (sql(
            db,
            `SELECT c.rowid AS rid, c.*, cu.name AS custodian_name, h.name AS holder_name, cab.name AS cabinet_name
             FROM carriers c
             LEFT JOIN people cu ON cu.id = c.custodian_id
             LEFT JOIN people h ON h.id = c.holder_id
             LEFT JOIN cabinets cab ON cab.id = c.cabinet_id
             WHERE c.rowid IN (SELECT value FROM json_each(?))`,
          ).all(JSON.stringify(ids)) as (CarrierRow & { rid: number; custodian_name: string | null; holder_name: string | null; cabinet_name: string | null })[])
    ).map((r) => [r.rid, r]),
  );
  const rows = ids.map((id) => byRowid.get(id)).filter((r) => r !== undefined);
  return {
    total,
    offset: q.offset,
    rows: rows.map((r) => {
      const c = rowToCarrier(r);
      return {
        ...c,
        marking: formatMarking(c.level, c.term),
        custodianName: r.custodian_name,
        holderName: r.holder_name,
        cabinetName: r.cabinet_name,
        overdue: isOverdue(c, today),
      };
    }),
  };
}

export const isOverdue = (c: Pick<Carrier, 'state' | 'dueOn'>, today: string): boolean =>
  isOut(c.state) && c.dueOn !== null && c.dueOn < today;

export interface TimelineEntry {
  id: number;
  type: string;
  label: string;
  occurredOn: string;
  at: string;
  actor: string;
  payload: Record<string, unknown>;
  batchId: string | null;
  corrects: number | null;
  correctedBy: number[];
}

export interface CarrierDetail {
  carrier: CarrierListRow;
  timeline: TimelineEntry[];
  parent: { id: string; number: string } | null;
  copies: { id: string; number: string; copyNumbers: string; state: string }[];
  leak: LeakStatus | null;
}

/** not found within 10 days (绝密) or 60 days (机密, 秘密) means treated as a leak. */
export interface LeakStatus {
  lostOn: string;
  deadline: string;
  treatedAsLeak: boolean;
  investigationDue: string;
}

export const LOSS_LEAK_DAYS = { juemi: 10, other: 60 } as const;

export function leakStatus(c: Pick<Carrier, 'state' | 'lostOn' | 'level'>, today: string): LeakStatus | null {
  if (c.state !== 'missing' || !c.lostOn) return null;
  const days = c.level === 'juemi' ? LOSS_LEAK_DAYS.juemi : LOSS_LEAK_DAYS.other;
  const deadline = dayjs(c.lostOn).add(days, 'day').format('YYYY-MM-DD');
  return {
    lostOn: c.lostOn,
    deadline,
    treatedAsLeak: today >= deadline,
    investigationDue: dayjs(c.lostOn).add(3, 'month').format('YYYY-MM-DD'),
  };
}

export function timelineOf(events: StoredEvent[]): TimelineEntry[] {
  const correctedBy = new Map<number, number[]>();
  for (const e of events) if (e.corrects) correctedBy.set(e.corrects, [...(correctedBy.get(e.corrects) ?? []), e.id]);
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    label: EVENT_LABELS[e.type as keyof typeof EVENT_LABELS] ?? e.type,
    occurredOn: e.occurredOn,
    at: e.at,
    actor: e.actor,
    payload: e.payload,
    batchId: e.batchId,
    corrects: e.corrects,
    correctedBy: correctedBy.get(e.id) ?? [],
  }));
}

export function carrierDetail(db: Db, today: string, id: string): CarrierDetail {
  const c = getCarrier(db, id);
  const row = db
    .prepare(
      `SELECT cu.name AS custodian_name, h.name AS holder_name, cab.name AS cabinet_name FROM carriers c
       LEFT JOIN people cu ON cu.id = c.custodian_id LEFT JOIN people h ON h.id = c.holder_id
       LEFT JOIN cabinets cab ON cab.id = c.cabinet_id WHERE c.id = ?`,
    )
    .get(id) as { custodian_name: string | null; holder_name: string | null; cabinet_name: string | null };
  const parent = c.parentId ? getCarrier(db, c.parentId) : null;
  const copies = sql(db, 'SELECT id, number, copy_numbers AS copyNumbers, state FROM carriers WHERE parent_id = ? ORDER BY number').all(id) as CarrierDetail['copies'];
  return {
    carrier: {
      ...c,
      marking: formatMarking(c.level, c.term),
      custodianName: row.custodian_name,
      holderName: row.holder_name,
      cabinetName: row.cabinet_name,
      overdue: isOverdue(c, today),
    },
    timeline: timelineOf(eventsOf(db, 'carrier', id)),
    parent: parent ? { id: parent.id, number: parent.number } : null,
    copies,
    leak: leakStatus(c, today),
  };
}
