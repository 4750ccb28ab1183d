import type { LedgerContext } from '../ledger-context';
import { checkEventDate } from './event-dates';
import { appendEvent, type EntityKind, type NewEvent, type StoredEvent } from './event-store';

/** What every ledger entity with a life cycle has in its projection. */
export interface Stateful {
  id: string;
  number: string;
  state: string;
  lastEventId: number;
}

/**
 * Appends an event of a ledger entity after the one date check (checkEventDate): every
 * event of a carrier, computer or medium is written through here, first or later step.
 */
export function appendEntityEvent(ctx: LedgerContext, e: NewEvent): StoredEvent {
  checkEventDate(ctx, e);
  return appendEvent(ctx.db, ctx.at, ctx.actor, e);
}

/**
 * One step of an entity's life: append the event (with its audit entry) and rewrite the
 * projection. The caller has checked that the state allows it and the rule conditions,
 * and runs this inside a transaction.
 */
export function recordTransition<T extends Stateful>(
  ctx: LedgerContext,
  spec: {
    entity: EntityKind;
    current: T;
    type: string;
    occurredOn: string;
    payload: Record<string, unknown>;
    next: Partial<T>;
    save: (entity: T) => void;
    batchId?: string | null;
    corrects?: number | null;
  },
): { entity: T; event: StoredEvent } {
  const event = appendEntityEvent(ctx, {
    entity: spec.entity,
    entityId: spec.current.id,
    type: spec.type,
    occurredOn: spec.occurredOn,
    payload: spec.payload,
    batchId: spec.batchId ?? null,
    corrects: spec.corrects ?? null,
    subject: spec.current.number,
  });
  const entity: T = { ...spec.current, ...spec.next, lastEventId: event.id };
  spec.save(entity);
  return { entity, event };
}
