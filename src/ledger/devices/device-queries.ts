import { sql } from '../../db/statements';
import type { Db } from '../../db/open-database';
import { eventsOf, rowToEvent, type StoredEvent } from '../events/event-store';
import { timelineOf, type TimelineEntry } from '../carriers/carrier-queries';
import { MEDIUM_OUT_STATES, type Computer, type Medium } from './device-model';
import { listComputerRows, listMediumRows, missingComputer, missingMedium } from './device-repo';

export interface ComputerRow extends Computer {
  responsibleName: string | null;
  userName: string | null;
  passwordOverdue: boolean;
  openUsage: { id: string; startedAt: string; userName: string } | null;
}

export interface MediumRow extends Medium {
  responsibleName: string | null;
  holderName: string | null;
  boundComputers: { id: string; number: string }[];
  overdue: boolean;
}

const names = (db: Db): Map<string, string> =>
  new Map((sql(db, 'SELECT id, name FROM people').all() as { id: string; name: string }[]).map((p) => [p.id, p.name]));

/** All computers, or just one (`id`) for its detail page. */
export function listComputers(db: Db, today: string, id?: string): ComputerRow[] {
  const who = names(db);
  const open = new Map(
    (sql(db, 'SELECT u.computer_id, u.id, u.started_at, p.name FROM usage_log u JOIN people p ON p.id = u.user_id WHERE u.ended_at IS NULL').all() as {
      computer_id: string;
      id: string;
      started_at: string;
      name: string;
    }[]).map((u) => [u.computer_id, { id: u.id, startedAt: u.started_at, userName: u.name }]),
  );
  return listComputerRows(db, id).map((c) => ({
    ...c,
    responsibleName: c.responsibleId ? (who.get(c.responsibleId) ?? null) : null,
    userName: c.userId ? (who.get(c.userId) ?? null) : null,
    passwordOverdue: c.state === 'in_use' && (c.passwordDueOn === null || c.passwordDueOn < today),
    openUsage: open.get(c.id) ?? null,
  }));
}

/** All media, or just one (`id`) for its detail page. */
export function listMedia(db: Db, today: string, id?: string): MediumRow[] {
  const who = names(db);
  const numbers = new Map((sql(db, 'SELECT id, number FROM computers').all() as { id: string; number: string }[]).map((c) => [c.id, c.number]));
  return listMediumRows(db, id).map((m) => ({
    ...m,
    responsibleName: m.responsibleId ? (who.get(m.responsibleId) ?? null) : null,
    holderName: m.holderId ? (who.get(m.holderId) ?? null) : null,
    boundComputers: m.boundComputerIds.map((id) => ({ id, number: numbers.get(id) ?? id })),
    overdue: (MEDIUM_OUT_STATES as readonly string[]).includes(m.state) && m.dueOn !== null && m.dueOn < today,
  }));
}

export interface ComputerDetail {
  computer: ComputerRow;
  timeline: TimelineEntry[];
  boundMedia: { id: string; number: string; level: string; state: string }[];
}

export function computerDetail(db: Db, today: string, id: string): ComputerDetail {
  const row = listComputers(db, today, id)[0];
  if (!row) throw missingComputer();
  return {
    computer: row,
    timeline: timelineOf(eventsOf(db, 'computer', id)),
    boundMedia: sql(db, 'SELECT m.id, m.number, m.level, m.state FROM media_bindings b JOIN media m ON m.id = b.medium_id WHERE b.computer_id = ? ORDER BY m.number').all(id) as ComputerDetail['boundMedia'],
  };
}

export interface MediumDetail {
  medium: MediumRow;
  timeline: TimelineEntry[];
  /** R-36 refusals recorded for this medium: findings for the monthly inspection. */
  refusals: TimelineEntry[];
}

export function mediumDetail(db: Db, today: string, id: string): MediumDetail {
  const row = listMedia(db, today, id)[0];
  if (!row) throw missingMedium();
  const timeline = timelineOf(eventsOf(db, 'medium', id));
  return { medium: row, timeline, refusals: timeline.filter((e) => e.type === 'use_refused') };
}

/** Every R-36 refusal in a period, across all media (the monthly inspection reads these). */
export function crossUseRefusals(db: Db, from: string, to: string): StoredEvent[] {
  return (sql(db, "SELECT * FROM events WHERE entity = 'medium' AND type = 'use_refused' AND occurred_on BETWEEN ? AND ? ORDER BY id").all(from, to) as Parameters<typeof rowToEvent>[0][]).map(rowToEvent);
}
