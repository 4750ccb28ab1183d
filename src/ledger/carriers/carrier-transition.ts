import { recordTransition } from '../events/entity-transition';
import type { StoredEvent } from '../events/event-store';
import type { LedgerContext } from '../ledger-context';
import { getPerson, type Person } from '../people/people';
import type { Carrier } from './carrier-model';
import { getCarrier, saveCarrier } from './carrier-repo';
import { checkTransition, NEXT_STATE, type TransitionType } from './carrier-rules';

export type { LedgerContext } from '../ledger-context';

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
  const to = NEXT_STATE[type];
  const changed = change(c);
  // 'before_loss' depends on the carrier's history: the command reads it and names the state.
  if (to === 'before_loss' && !changed.state) throw new Error(`${type} must name the state it restores`);
  const state = to === 'same' ? c.state : to === 'before_loss' ? changed.state! : to;
  const { entity, event } = recordTransition(ctx, {
    entity: 'carrier',
    current: c,
    type,
    occurredOn,
    payload,
    next: { ...changed, state },
    save: (x) => saveCarrier(ctx.db, x),
    batchId: opts.batchId ?? null,
    corrects: opts.corrects ?? null,
  });
  return { carrier: entity, event };
}
