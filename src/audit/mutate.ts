import type { Db } from '../db/open-database';
import { appendAudit, type AuditInput } from './audit-log';

/**
 * The only way the ledger changes: the change and its audit entry commit together or not
 * at all. `change` returns the audit entry describing what it did.
 */
export function mutate<T>(
  db: Db,
  at: string,
  change: (db: Db) => { result: T; audit: AuditInput },
): T {
  return db
    .transaction(() => {
      const { result, audit } = change(db);
      appendAudit(db, at, audit);
      return result;
    })
    .immediate();
}
