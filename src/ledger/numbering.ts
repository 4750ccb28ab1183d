import type { Db } from '../db/open-database';
import { sql } from '../db/statements';

export type SequenceName = 'carrier' | 'receipt' | 'dispatch';

/** The carriers column each sequence's numbers end up in. */
const COLUMN: Record<SequenceName, string> = { carrier: 'number', receipt: 'receipt_no', dispatch: 'dispatch_no' };

/**
 * Takes the next number of a yearly sequence and formats it, e.g. `ZT-2026-0042`. Runs in
 * the caller's transaction, so a refused event does not consume a number.
 */
export function nextNumber(db: Db, name: SequenceName, year: number, pattern: string, digits: number): string {
  const take = sql(db, 
    `INSERT INTO sequences (name, year, last) VALUES (?, ?, 1)
     ON CONFLICT (name, year) DO UPDATE SET last = last + 1
     RETURNING last`,
  );
  const inLedger = sql(db, `SELECT 1 FROM carriers WHERE ${COLUMN[name]} = ? LIMIT 1`);
  // A number already in the ledger is skipped, or two items would carry it: one typed by
  // hand ahead of the sequence, or one from an earlier year under a pattern stored before
  // {year} was required (the sequence restarts every year).
  for (;;) {
    const { last } = take.get(name, year) as { last: number };
    const n = formatNumber(pattern, year, last, digits);
    if (inLedger.get(n) === undefined) return n;
  }
}

export const formatNumber = (pattern: string, year: number, seq: number, digits: number): string =>
  pattern.replaceAll('{year}', String(year)).replaceAll('{seq}', String(seq).padStart(digits, '0'));
