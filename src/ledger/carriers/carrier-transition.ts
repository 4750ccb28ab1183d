import type { Db } from '../../db/open-database';
import type { Settings } from '../../settings/settings-schema';
import { appendEvent, type StoredEvent } from '../events/event-store';
import { getPerson, type Person } from '../people/people';
import type { Carrier } from './carrier-model';
import { getCarrier, saveCarrier } from './carrier-repo';
import { checkTransition, NEXT_STATE, type TransitionType } from './carrier-rules';

/** Everything a carrier command needs: the open database, who acts, when, and the unit's rules. */
export interface LedgerContext {
  db: Db;
  /** Timestamp of the recording (ISO). */
  at: string;
  /** Today's date in the officer's time zone (YYYY-MM-DD). */
  today: string;
  actor: string;
  settings: Settings;
}

/** A person snapshot for registers: the name as it was when the event happened. */
export const personSnapshot = (p: Person) => ({ id: p.id, name: p.name, department: p.department });

export const person = (ctx: LedgerContext, id: string): Person => getPerson(ctx.db, id);

/**
 * Applies one state-machine transition: checks that the carrier's state allows the event,
 * appends the event (with its audit entry) and rewrites the projection. The caller has
 * already checked the rule-specific conditions and runs this inside a transaction.
 */
export function transition(
  ctx: LedgerContext,
  carrierId: string,
  type: TransitionType,
  occurredOn: string,
  payload: Record<string, unknown>,
  change: (c: Carrier) => Partial<Carrier>,
  opts: { batchId?: string | null; corrects?: number | null; carrier?: Carrier } = {},
): { carrier: Carrier; event: StoredEvent } {
  const c = opts.carrier ?? getCarrier(ctx.db, carrierId);
  checkTransition(c, type);
  const event = appendEvent(ctx.db, ctx.at, ctx.actor, {
    entity: 'carrier',
    entityId: c.id,
    type,
    occurredOn,
    payload,
    batchId: opts.batchId ?? null,
    corrects: opts.corrects ?? null,
    subject: c.number,
  });
  const to = NEXT_STATE[type];
  const next: Carrier = { ...c, ...change(c), state: to === 'same' ? c.state : to, lastEventId: event.id };
  saveCarrier(ctx.db, next);
  return { carrier: next, event };
}
