import { sql } from '../../db/statements';
import { highestLevel, isHigher, LEVEL_LABELS, type Level } from '../classification/levels';
import { appendEntityEvent, recordTransition } from '../events/entity-transition';
import { inLedgerTransaction } from '../events/event-store';
import type { LedgerContext } from '../ledger-context';
import { ruleError } from '../rule-checks';
import type { Computer, Medium } from './device-model';
import { getComputer, saveMedium } from './device-repo';

/**
 * R-36: a classified medium is used only on a classified computer of the ledger, one it is
 * bound to, and never on a computer of a lower level. Returns the refusal, or null.
 */
export function crossUseViolation(m: Medium, c: Computer | null, otherComputer: string): string | null {
  if (!c) return `R-36：涉密介质 ${m.number} 不得在非涉密计算机${otherComputer ? `（${otherComputer}）` : ''}上使用`;
  if (c.state === 'destroyed' || c.state === 'pending_scrap') return `R-36：计算机 ${c.number} 已报废或待报废，不得使用介质`;
  if (isHigher(m.level, c.level)) {
    return `R-36：${LEVEL_LABELS[m.level]}介质 ${m.number} 不得在低密级（${LEVEL_LABELS[c.level]}）计算机 ${c.number} 上使用`;
  }
  if (!m.boundComputerIds.includes(c.id)) return `R-36：介质 ${m.number} 未绑定计算机 ${c.number}，不得在其上使用`;
  return null;
}

/**
 * The refused attempt is kept (in its own transaction, so the refusal does not roll it
 * back) as a finding for the monthly inspection, and then the command is refused.
 */
export function refuseCrossUse(ctx: LedgerContext, m: Medium, c: Computer | null, otherComputer: string, message: string, attempt: Record<string, unknown>): never {
  // Inside a caller's transaction this one would be a savepoint, rolled back with the command.
  if (ctx.db.inTransaction) throw new Error('refuseCrossUse must run outside a transaction: its record would be rolled back');
  inLedgerTransaction(ctx.db, () =>
    appendEntityEvent(ctx, {
      entity: 'medium',
      entityId: m.id,
      type: 'use_refused',
      occurredOn: ctx.today,
      payload: { rule: 'R-36', message, computerId: c?.id ?? null, computerNumber: c?.number ?? null, otherComputer, attempt },
      subject: m.number,
    }),
  );
  throw ruleError('R-36', message.replace(/^R-36：/, ''));
}

/**
 * R-04 / R-36: the medium now holds `to`. The rise is a fact (it held that data) and is
 * recorded whatever the bindings say; refusing it would leave the ledger showing a lower
 * level than the medium holds. R-36 then forbids it on every bound computer below `to`:
 * those bindings end in the same transaction, each by its own 'unbound' event naming the
 * computer, so register 11 and the medium's record no longer offer them.
 */
export function raiseMedium(ctx: LedgerContext, m: Medium, to: Level, occurredOn: string, payload: Record<string, unknown>): Medium {
  const save = (x: Medium) => saveMedium(ctx.db, x);
  let raised = recordTransition(ctx, { entity: 'medium', current: m, type: 'level_raised', occurredOn, payload: { from: m.level, to, ...payload }, next: { level: to }, save }).entity;
  const lower = raised.boundComputerIds.map((id) => getComputer(ctx.db, id)).filter((c) => isHigher(to, c.level));
  for (const c of lower) {
    sql(ctx.db, 'DELETE FROM media_bindings WHERE medium_id = ? AND computer_id = ?').run(m.id, c.id);
    const reason = `介质升为${LEVEL_LABELS[to]}，不得再用于${LEVEL_LABELS[c.level]}计算机`;
    raised = recordTransition(ctx, {
      entity: 'medium',
      current: raised,
      type: 'unbound',
      occurredOn,
      payload: { computerId: c.id, computerNumber: c.number, rule: 'R-36', reason, automatic: true, note: '' },
      next: { boundComputerIds: raised.boundComputerIds.filter((x) => x !== c.id) },
      save,
    }).entity;
  }
  return raised;
}

/**
 * R-04: a medium used on a higher-level computer, or recording higher-level content, now
 * holds that level; it rises by its own event, in the caller's transaction.
 */
export function raiseMediumIfNeeded(ctx: LedgerContext, m: Medium, levels: Level[], occurredOn: string, reason: string): Medium {
  const top = highestLevel([m.level, ...levels]) ?? m.level;
  if (top === m.level) return m;
  return raiseMedium(ctx, m, top, occurredOn, { reason, automatic: true });
}
