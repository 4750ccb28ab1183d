import type { InputOf } from '../../../../src/api/contract';

/** What audit:list is asked besides the page size and the cursor. */
export type AuditQuery = Omit<InputOf<'audit:list'>, 'limit' | 'beforeSeq'>;

/** The filter bar's fields as the officer left them ('' or null is "any"). */
export interface AuditFilters {
  /** `carrier.` for a whole group, `carrier.lent` for one action. */
  action: string | null;
  text: string;
  fromDate: string;
  toDate: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { action: null, text: '', fromDate: '', toDate: '' };

/**
 * The first part of the action names the core writes, in the order the select lists them.
 * A group with no entries yet still filters correctly: it simply finds none.
 */
export const ACTION_GROUPS = [
  'vault',
  'carrier',
  'person',
  'cabinet',
  'computer',
  'medium',
  'inspection',
  'finding',
  'template',
  'reconciliation',
  'backup',
  'print',
  'settings',
  'clock',
] as const;

/** Empty fields are left out: the contract refuses an empty text, and "any" is no filter. */
export function toAuditQuery(f: AuditFilters): AuditQuery {
  const q: AuditQuery = {};
  const text = f.text.trim();
  if (f.action) q.action = f.action;
  if (text) q.text = text;
  if (f.fromDate) q.fromDate = f.fromDate;
  if (f.toDate) q.toDate = f.toDate;
  return q;
}

export const hasFilters = (f: AuditFilters): boolean => Object.keys(toAuditQuery(f)).length > 0;

/** The dates are inclusive; a range ending before it starts can match nothing and is refused. */
export const datesInOrder = (f: AuditFilters): boolean => !f.fromDate || !f.toDate || f.fromDate <= f.toDate;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SUMMARY_LENGTH = 90;

/**
 * One line of what an entry says, for the table. Ledger events keep what happened under
 * `data`, so that comes first; record ids are left out, as they mean nothing to a reader
 * (the full JSON beside it still has them). Keys and values are shown as recorded.
 */
export function payloadSummary(payload: unknown, max = SUMMARY_LENGTH): string {
  if (payload === null || payload === undefined) return '';
  if (typeof payload !== 'object') return cut(String(payload), max);
  if (Array.isArray(payload)) return cut(JSON.stringify(payload), max);
  const obj = payload as Record<string, unknown>;
  const data = obj.data;
  const inner = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.entries(data) : [];
  const outer = Object.entries(obj).filter(([k]) => !(k === 'data' && inner.length > 0));
  const parts = [...inner, ...outer]
    .filter(([, v]) => v !== null && v !== '' && !(typeof v === 'string' && UUID.test(v)))
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return cut(parts.join('; '), max);
}

const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
