import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open-database';

type Statement = Database.Statement<unknown[]>;
const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * Prepared statements, kept per connection. Preparing is the dominant cost of a small
 * ledger write (measured by `npm run bench`), so each SQL text is compiled once.
 */
export function sql(db: Db, text: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(text);
  if (!s) cache.set(text, (s = db.prepare<unknown[]>(text)));
  return s;
}

/**
 * A constant set of values (states, say) as an SQL list: `('a', 'b')`. Only for values
 * written in the code; anything a user typed goes in as a parameter.
 */
export const sqlList = (values: readonly string[]): string => `(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
