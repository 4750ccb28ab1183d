import type { Db } from '../db/open-database';
import type { Settings } from '../settings/settings-schema';

/** Everything a ledger command needs: the open database, who acts, when, and the unit's rules. */
export interface LedgerContext {
  db: Db;
  /** Timestamp of the recording (ISO). */
  at: string;
  /** Today's date in the officer's time zone (YYYY-MM-DD). */
  today: string;
  actor: string;
  settings: Settings;
}
