import type { Db } from '../db/open-database';

export type SequenceName = 'carrier' | 'receipt' | 'dispatch';

/**
 * Takes the next number of a yearly sequence and formats it, e.g. `ZT-2026-0042`. Runs in
 * the caller's transaction, so a refused event does not consume a number.
 */
export function nextNumber(db: Db, name: SequenceName, year: number, pattern: string, digits: number): string {
  const row = db
    .prepare(
      `INSERT INTO sequences (name, year, last) VALUES (?, ?, 1)
       ON CONFLICT (name, year) DO UPDATE SET last = last + 1
       RETURNING last`,
    )
    .get(name, year) as { last: number };
  return formatNumber(pattern, year, row.last, digits);
}

export const formatNumber = (pattern: string, year: number, seq: number, digits: number): string =>
  pattern.replaceAll('{year}', String(year)).replaceAll('{seq}', String(seq).padStart(digits, '0'));
