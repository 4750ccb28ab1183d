import type { Db } from './open-database';

/**
 * The triggers that keep the ledger append-only. A migration that rebuilt one of these
 * tables would drop its triggers without a word; the unlock and every test restore check
 * that they are all still there.
 */
export const APPEND_ONLY_GUARDS = [
  'audit_log_no_update',
  'audit_log_no_delete',
  'audit_log_sequential',
  'events_no_update',
  'events_no_delete',
  'events_bound_to_audit',
  'events_match_audit',
] as const;

export function missingGuards(db: Db): string[] {
  const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((r) => r.name));
  return APPEND_ONLY_GUARDS.filter((g) => !present.has(g));
}

/** quick_check's lines, with one more when a guard is gone (quick_check alone would say "ok"). */
export function withGuards(db: Db, quickCheck: string[]): string[] {
  const missing = missingGuards(db);
  return missing.length === 0 ? quickCheck : [...quickCheck.filter((l) => l !== 'ok'), `缺少只追加保护触发器：${missing.join('、')}`];
}
