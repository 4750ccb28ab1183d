import dayjs from 'dayjs';
import { sql, sqlList } from '../../db/statements';
import type { Db } from '../../db/open-database';
import { leakStatus } from '../carriers/carrier-queries';
import { OUT_STATES, TERM_CLOSED_STATES } from '../carriers/carrier-states';
import type { CarrierState } from '../carriers/carrier-model';
import type { Level } from '../classification/levels';
import { MEDIUM_OUT_STATES } from '../devices/device-model';

/**
 * The ledger's deadlines as they stand now, for the home page's due list (due-engine.ts).
 * Each takes the last day to include, so "overdue today" is `dayBefore(today)` and "due
 * within a week" is a week ahead. The monthly inspection's evidence (evidence.ts) applies
 * the same rules to the ledger as it stood at the month's end (ledger-as-of.ts); for the
 * current month the two agree (due-queries.test.ts).
 */
export const dayBefore = (day: string): string => dayjs(day).subtract(1, 'day').format('YYYY-MM-DD');

const all = <T>(db: Db, text: string, ...params: unknown[]) => sql(db, text).all(...params) as T[];

/** Carriers lent, circulating or carried out, due back by `lastDay`. */
export const carriersDueBy = (db: Db, lastDay: string) =>
  all<{ id: string; number: string; title: string; state: CarrierState; due_on: string }>(
    db,
    `SELECT id, number, title, state, due_on FROM carriers WHERE state IN ${sqlList(OUT_STATES)} AND due_on <= ? ORDER BY due_on, number`,
    lastDay,
  );

/** Media lent or carried out, due back by `lastDay`. */
export const mediaDueBy = (db: Db, lastDay: string) =>
  all<{ id: string; number: string; due_on: string }>(db, `SELECT id, number, due_on FROM media WHERE state IN ${sqlList(MEDIUM_OUT_STATES)} AND due_on <= ? ORDER BY due_on, number`, lastDay);

/** Carriers whose term ends by `lastDay` and must be reviewed. */
export const termsEndingBy = (db: Db, lastDay: string) =>
  all<{ id: string; number: string; title: string; expires_on: string }>(
    db,
    `SELECT id, number, title, expires_on FROM carriers WHERE expires_on IS NOT NULL AND expires_on <= ? AND state NOT IN ${sqlList(TERM_CLOSED_STATES)} ORDER BY expires_on, number`,
    lastDay,
  );

type Lost = { id: string; number: string; level: Level; lost_on: string };
/** the same timers for a lost medium as for a missing carrier, from the day reported. */
const withLeak = (today: string) => (x: Lost) => ({ ...x, leak: leakStatus({ state: 'missing', lostOn: x.lost_on, level: x.level }, today) });

/** Carriers reported missing, each with where its loss timer stands. */
export const missingCarriers = (db: Db, today: string) =>
  all<Lost>(db, `SELECT id, number, level, lost_on FROM carriers WHERE state = 'missing' ORDER BY number`).map(withLeak(today));

/** Media reported lost, each with where its loss timer stands. */
export const lostMedia = (db: Db, today: string) =>
  all<Lost>(db, `SELECT id, number, level, lost_on FROM media WHERE state = 'lost' ORDER BY number`).map(withLeak(today));

/** Computers in use whose password is due by `lastDay`, or was never recorded. */
export const passwordsDueBy = (db: Db, lastDay: string) =>
  all<{ id: string; number: string; password_due_on: string | null }>(
    db,
    `SELECT id, number, password_due_on FROM computers WHERE state = 'in_use' AND (password_due_on IS NULL OR password_due_on <= ?) ORDER BY number`,
    lastDay,
  );
