import type { Db } from '../../db/open-database';
import { AppError } from '../../errors/app-error';
import type { Level } from '../classification/levels';
import { expiryDate, termFromColumns, termToColumns } from '../classification/term';
import type { Carrier } from './carrier-model';
import { sql, sqlList } from '../../db/statements';
import { ACTIVE, OUT_STATES } from './carrier-states';

interface CarrierRow {
  id: string;
  number: string;
  receipt_no: string | null;
  dispatch_no: string | null;
  doc_no: string;
  title: string;
  carrier_type: Carrier['carrierType'];
  issuer: string;
  level: Level;
  term_kind: string;
  term_value: number | null;
  term_condition: string | null;
  classified_on: string;
  expires_on: string | null;
  scope: string;
  copies: number;
  copy_numbers: string;
  pages: number | null;
  capacity: string;
  source: Carrier['source'];
  parent_id: string | null;
  classifier: string;
  classify_basis: string;
  custodian_id: string | null;
  cabinet_id: string | null;
  state: Carrier['state'];
  holder_id: string | null;
  due_on: string | null;
  lost_on: string | null;
  received_on: string;
  note: string;
  last_event_id: number;
}

export const rowToCarrier = (r: CarrierRow): Carrier => ({
  id: r.id,
  number: r.number,
  receiptNo: r.receipt_no,
  dispatchNo: r.dispatch_no,
  docNo: r.doc_no,
  title: r.title,
  carrierType: r.carrier_type,
  issuer: r.issuer,
  level: r.level,
  term: termFromColumns(r),
  classifiedOn: r.classified_on,
  expiresOn: r.expires_on,
  scope: r.scope,
  copies: r.copies,
  copyNumbers: r.copy_numbers,
  pages: r.pages,
  capacity: r.capacity,
  source: r.source,
  parentId: r.parent_id,
  classifier: r.classifier,
  classifyBasis: r.classify_basis,
  custodianId: r.custodian_id,
  cabinetId: r.cabinet_id,
  state: r.state,
  holderId: r.holder_id,
  dueOn: r.due_on,
  lostOn: r.lost_on,
  receivedOn: r.received_on,
  note: r.note,
  lastEventId: r.last_event_id,
});

/** Lower-cased so that a search for "zt-2026" finds "ZT-2026-0001"; Chinese is unchanged. */
export const searchText = (c: Pick<Carrier, 'number' | 'title' | 'docNo'>): string =>
  `${c.number}\u0001${c.title}\u0001${c.docNo}`.toLowerCase();

const toRow = (c: Carrier): CarrierRow => ({
  id: c.id,
  number: c.number,
  receipt_no: c.receiptNo,
  dispatch_no: c.dispatchNo,
  doc_no: c.docNo,
  title: c.title,
  carrier_type: c.carrierType,
  issuer: c.issuer,
  level: c.level,
  ...termToColumns(c.term),
  classified_on: c.classifiedOn,
  expires_on: expiryDate(c.classifiedOn, c.term),
  scope: c.scope,
  copies: c.copies,
  copy_numbers: c.copyNumbers,
  pages: c.pages,
  capacity: c.capacity,
  source: c.source,
  parent_id: c.parentId,
  classifier: c.classifier,
  classify_basis: c.classifyBasis,
  custodian_id: c.custodianId,
  cabinet_id: c.cabinetId,
  state: c.state,
  holder_id: c.holderId,
  due_on: c.dueOn,
  lost_on: c.lostOn,
  received_on: c.receivedOn,
  note: c.note,
  last_event_id: c.lastEventId,
});

const COLUMNS = Object.keys(toRow({ term: null } as unknown as Carrier)).concat('search_text');

/** The search index's tokens for a text: its bigrams as UTF-8 hex (migration 0007). */
export function searchGrams(text: string): string {
  const cps = [...text];
  const grams: string[] = [];
  for (let i = 0; i < cps.length - 1; i++) grams.push(Buffer.from(`${cps[i]}${cps[i + 1]}`, 'utf8').toString('hex'));
  return grams.join(' ');
}

/** Writes the projection row (insert or replace): only ever called beside appendEvent. */
export function saveCarrier(db: Db, c: Carrier): void {
  const row = { ...toRow(c), search_text: searchText(c) };
  const before = sql(db, 'SELECT rowid, search_text FROM carriers WHERE id = ?').get(c.id) as { rowid: number; search_text: string } | undefined;
  sql(db, 
    `INSERT INTO carriers (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((k) => `@${k}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((k) => k !== 'id').map((k) => `${k} = excluded.${k}`).join(', ')}`,
  ).run(row);
  if (before?.search_text === row.search_text) return;
  const rowid = before?.rowid ?? (sql(db, 'SELECT rowid FROM carriers WHERE id = ?').get(c.id) as { rowid: number }).rowid;
  if (before) sql(db, 'DELETE FROM carrier_grams WHERE rowid = ?').run(rowid);
  sql(db, 'INSERT INTO carrier_grams (rowid, grams) VALUES (?, ?)').run(rowid, searchGrams(row.search_text));
}

export function getCarrier(db: Db, id: string): Carrier {
  const r = sql(db, 'SELECT * FROM carriers WHERE id = ?').get(id) as CarrierRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '载体不存在');
  return rowToCarrier(r);
}

export function findCarrierByNumber(db: Db, number: string): Carrier | null {
  const r = sql(db, 'SELECT * FROM carriers WHERE number = ?').get(number) as CarrierRow | undefined;
  return r ? rowToCarrier(r) : null;
}

/**
 * What a person holds (R-28): items out with them, and items in their custody that are still
 * the unit's. A missing item (下落不明) stays on the list of whoever kept or had it when it
 * went missing: it is not accounted for, so they cannot be marked as left (R-14, R-30) until
 * it is found. Parameters: the person's id, twice.
 */
export const HELD_BY = `(holder_id = ? AND state IN ${sqlList([...OUT_STATES, 'missing'])})
  OR (custodian_id = ? AND state IN ${sqlList([...ACTIVE, 'missing'])})`;

export const carriersHeldBy = (db: Db, personId: string): Carrier[] => carriersWhere(db, `${HELD_BY} ORDER BY number`, personId, personId);

export const carriersWhere = (db: Db, where: string, ...params: unknown[]): Carrier[] =>
  (sql(db, `SELECT * FROM carriers WHERE ${where}`).all(...params) as CarrierRow[]).map(rowToCarrier);

export type { CarrierRow };
