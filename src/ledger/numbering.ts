import type { Db } from '../db/open-database';
import { sql } from '../db/statements';

export type SequenceName = 'carrier' | 'receipt' | 'dispatch';

/**
 * Takes the next number of a yearly sequence and formats it, e.g. `ZT-2026-0042`. Runs in
 * the caller's transaction, so a refused event does not consume a number.
 */
export function nextNumber(db: Db, name: SequenceName, year: number, pattern: string, digits: number, taken: (n: string) => boolean = () => false): string {
  const take = sql(db, 
    `INSERT INTO sequences (name, year, last) VALUES (?, ?, 1)
     ON CONFLICT (name, year) DO UPDATE SET last = last + 1
     RETURNING last`,
  );
  // A number the officer typed by hand may lie ahead of the sequence: it is skipped, or
  // every later automatic number would collide with it.
  for (;;) {
    const { last } = take.get(name, year) as { last: number };
    const n = formatNumber(pattern, year, last, digits);
    if (!taken(n)) return n;
  }
}

export const formatNumber = (pattern: string, year: number, seq: number, digits: number): string =>
  pattern.replaceAll('{year}', String(year)).replaceAll('{seq}', String(seq).padStart(digits, '0'));
