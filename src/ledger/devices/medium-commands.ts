import { randomUUID } from 'node:crypto';
import { sql } from '../../db/statements';
import { AppError } from '../../errors/app-error';
import { isHigher, LEVEL_LABELS } from '../classification/levels';
import { appendEntityEvent, recordTransition } from '../events/entity-transition';
import { eventsOf, inLedgerTransaction } from '../events/event-store';
import type { LedgerContext } from '../ledger-context';
import { activePerson } from '../people/person-checks';
import { checkApproverNotSelf, checkDistinctPeople, checkDue, checkReturnNotBeforeLeaving, ruleError } from '../rule-checks';
import { crossUseViolation, raiseMedium, raiseMediumIfNeeded, refuseCrossUse } from './cross-use';
import { BACKUP_PURPOSE, MEDIUM_ON_SHELF_STATES, MEDIUM_OUT_STATES, type Medium, type MediumState } from './device-model';
import { getComputer, getMedium, mediumByNumber, saveMedium } from './device-repo';
import { checkLevelRise, checkMediumState, checkMediumUsable } from './device-rules';
import {
  bindMediumSchema,
  checkInMediumSchema,
  destroyMediumSchema,
  issueMediumSchema,
  lendMediumSchema,
  lostMediumSchema,
  raiseMediumLevelSchema,
  recordMediumUseSchema,
  registerMediumSchema,
  simpleMediumSchema,
  takeOutMediumSchema,
} from './device-schemas';

const step = (ctx: LedgerContext, m: Medium, type: string, occurredOn: string, payload: Record<string, unknown>, next: Partial<Medium>) =>
  recordTransition(ctx, { entity: 'medium', current: m, type, occurredOn, payload, next, save: (x) => saveMedium(ctx.db, x) }).entity;

const ACTIVE: MediumState[] = [...MEDIUM_ON_SHELF_STATES, ...MEDIUM_OUT_STATES];

export function registerMedium(ctx: LedgerContext, input: unknown): Medium {
  const p = registerMediumSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    if (mediumByNumber(ctx.db, p.fields.number)) throw new AppError('CONFLICT', `介质编号 ${p.fields.number} 已存在`);
    activePerson(ctx.db, p.fields.responsibleId, '责任人');
    const m: Medium = {
      ...p.fields,
      id: randomUUID(),
      issuedOn: null,
      pledgeOn: null,
      isBackup: p.fields.purpose === BACKUP_PURPOSE,
      state: 'registered',
      holderId: null,
      dueOn: null,
      lostOn: null,
      lastEventId: 0,
      boundComputerIds: [],
    };
    const event = appendEntityEvent(ctx, { entity: 'medium', entityId: m.id, type: 'registered', occurredOn: p.registeredOn, payload: { fields: p.fields }, subject: m.number });
    const saved = { ...m, lastEventId: event.id };
    saveMedium(ctx.db, saved);
    return saved;
  });
}

/** issued to a named person who signs for it, with the date of their 承诺书. */
export function issueMedium(ctx: LedgerContext, input: unknown): Medium {
  const p = issueMediumSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const m = getMedium(ctx.db, p.mediumId);
    checkMediumState(m, ['registered', 'in_use'], '配发');
    if (!p.recipientSigned) throw ruleError('R-35', '配发须由领用人签字');
    const recipient = activePerson(ctx.db, p.recipientId, '领用人');
    return step(ctx, m, 'issued', p.occurredOn, { recipient: { id: recipient.id, name: recipient.name, department: recipient.department }, pledgeOn: p.pledgeOn, note: p.note }, {
      state: 'in_use',
      responsibleId: recipient.id,
      department: recipient.department || m.department,
      issuedOn: p.occurredOn,
      pledgeOn: p.pledgeOn,
    });
  });
}

/** Binding names the computers a medium may be used on; never a lower-level one. */
export function bindMedium(ctx: LedgerContext, input: unknown): Medium {
  const p = bindMediumSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const m = getMedium(ctx.db, p.mediumId);
    const c = getComputer(ctx.db, p.computerId);
    checkMediumState(m, ACTIVE, '绑定');
    if (c.state === 'destroyed' || c.state === 'pending_scrap') throw ruleError('R-36', `计算机 ${c.number} 已报废或待报废，不能绑定`);
    if (isHigher(m.level, c.level)) throw ruleError('R-36', `${LEVEL_LABELS[m.level]}介质不得绑定低密级（${LEVEL_LABELS[c.level]}）计算机 ${c.number}`);
    if (m.boundComputerIds.includes(c.id)) throw new AppError('CONFLICT', `介质 ${m.number} 已绑定计算机 ${c.number}`);
    const saved = step(ctx, m, 'bound', p.occurredOn, { computerId: c.id, computerNumber: c.number, note: p.note }, { boundComputerIds: [...m.boundComputerIds, c.id] });
    sql(ctx.db, 'INSERT INTO media_bindings (medium_id, computer_id, bound_event_id) VALUES (?, ?, ?)').run(m.id, c.id, saved.lastEventId);
    return saved;
  });
}

export function unbindMedium(ctx: LedgerContext, input: unknown): Medium {
  const p = bindMediumSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const m = getMedium(ctx.db, p.mediumId);
    const c = getComputer(ctx.db, p.computerId);
    if (!m.boundComputerIds.includes(c.id)) throw new AppError('CONFLICT', `介质 ${m.number} 未绑定计算机 ${c.number}`);
    sql(ctx.db, 'DELETE FROM media_bindings WHERE medium_id = ? AND computer_id = ?').run(m.id, c.id);
    return step(ctx, m, 'unbound', p.occurredOn, { computerId: c.id, computerNumber: c.number, note: p.note }, { boundComputerIds: m.boundComputerIds.filter((x) => x !== c.id) });
  });
}

/** a loan is approved by someone else and closed on return, within the maximum. */
export function lendMedium(ctx: LedgerContext, input: unknown): Medium {
  const p = lendMediumSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const m = getMedium(ctx.db, p.mediumId);
    checkMediumState(m, ['in_use', 'registered'], '借用');
    const b = activePerson(ctx.db, p.borrowerId, '借用人');
    checkApproverNotSelf(ctx.db, 'R-35', p.approval, { personId: b.id, name: b.name }, '借用');
    checkDue('R-35', p.occurredOn, p.dueOn, ctx.settings.maxLoanDays, '借用');
    return step(ctx, m, 'lent', p.occurredOn, { borrower: { id: b.id, name: b.name, department: b.department }, approval: p.approval, reason: p.reason, dueOn: p.dueOn, formerState: m.state, note: p.note }, { state: 'lent', holderId: b.id, dueOn: p.dueOn });
  });
}

/**
 * taking a medium out is approved as a carrier's trip is (by the leader in
 * charge; 绝密 only by the unit head, R-13), and checked back in on return.
 */
export function takeOutMedium(ctx: LedgerContext, input: unknown): Medium {
  const p = takeOutMediumSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const m = getMedium(ctx.db, p.mediumId);
    checkMediumState(m, ['in_use'], '携带外出');
    if (m.level === 'juemi' && p.approval.role !== 'unit_head') throw ruleError('R-13', '绝密介质携带外出须经单位主要负责人批准');
    if (!['leader', 'unit_head'].includes(p.approval.role)) throw ruleError('R-26', '介质携带外出须经主管领导批准');
    const b = activePerson(ctx.db, p.bearerId, '携带人');
    checkApproverNotSelf(ctx.db, 'R-35', p.approval, { personId: b.id, name: b.name }, '携带外出');
    checkReturnNotBeforeLeaving(p.occurredOn, p.untilOn);
    return step(ctx, m, 'taken_out', p.occurredOn, { bearer: { id: b.id, name: b.name }, approval: p.approval, destination: p.destination, untilOn: p.untilOn, note: p.note }, { state: 'taken_out', holderId: b.id, dueOn: p.untilOn });
  });
}

export function checkInMedium(ctx: LedgerContext, input: unknown): Medium {
  const p = checkInMediumSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const m = getMedium(ctx.db, p.mediumId);
    checkMediumState(m, ['lent', 'taken_out', 'repair'], '归还');
    const type = m.state === 'lent' ? 'returned' : m.state === 'taken_out' ? 'brought_back' : 'repair_finished';
    return step(ctx, m, type, p.occurredOn, { intact: p.intact, checkedBy: p.checkedBy, note: p.note }, { state: m.issuedOn ? 'in_use' : 'registered', holderId: null, dueOn: null });
  });
}

/**
 * One use of a medium on a computer (register 11). R-36 refusals are kept as findings; a
 * use on a higher-level computer, or of higher-level content, raises the medium.
 */
export function recordMediumUse(ctx: LedgerContext, input: unknown): Medium {
  const p = recordMediumUseSchema.parse(input);
  const m = getMedium(ctx.db, p.mediumId);
  checkMediumUsable(m);
  checkMediumState(m, ['in_use', 'lent', 'taken_out'], '使用');
  const c = p.computerId ? getComputer(ctx.db, p.computerId) : null;
  const violation = crossUseViolation(m, c, p.otherComputer);
  if (violation) refuseCrossUse(ctx, m, c, p.otherComputer, violation, { operation: p.operation, summary: p.summary, operator: p.operator });
  if (c && isHigher(p.level, c.level)) throw ruleError('R-04', `计算机 ${c.number}（${LEVEL_LABELS[c.level]}）不得处理${LEVEL_LABELS[p.level]}信息`);
  return inLedgerTransaction(ctx.db, () => {
    const used = step(ctx, m, 'used', p.occurredOn, { computerId: c!.id, computerNumber: c!.number, operation: p.operation, summary: p.summary, level: p.level, approver: p.approver ?? null, operator: p.operator, note: p.note }, {});
    return raiseMediumIfNeeded(ctx, used, [c!.level, p.level], p.occurredOn, `在 ${c!.number} 上${p.summary}`);
  });
}

const simple = (type: 'repair_started' | 'destruction_requested', from: MediumState[], to: MediumState, what: string) => (ctx: LedgerContext, input: unknown): Medium => {
  const p = simpleMediumSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const m = getMedium(ctx.db, p.mediumId);
    checkMediumState(m, from, what);
    return step(ctx, m, type, p.occurredOn, { note: p.note }, { state: to });
  });
};
export const startMediumRepair = simple('repair_started', ['in_use', 'registered'], 'repair', '维修');
export const requestMediumDestruction = simple('destruction_requested', ['in_use', 'registered', 'repair'], 'pending_destruction', '申请销毁');

/** destruction is the only end of a medium: never reformatted for ordinary use. */
export function destroyMedium(ctx: LedgerContext, input: unknown): Medium {
  const p = destroyMediumSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const m = getMedium(ctx.db, p.mediumId);
    checkMediumState(m, ['pending_destruction', 'registered', 'in_use'], '销毁');
    checkDistinctPeople(ctx.db, 'R-34', [p.approval.approver, p.handledBy], 2, '销毁须经他人批准，批准人不能是经办人本人');
    sql(ctx.db, 'DELETE FROM media_bindings WHERE medium_id = ?').run(m.id);
    return step(ctx, m, 'destroyed', p.occurredOn, { ...p }, { state: 'destroyed', holderId: null, dueOn: null, boundComputerIds: [] });
  });
}

/** a lost medium starts the same timers as a carrier. */
export function reportMediumLost(ctx: LedgerContext, input: unknown): Medium {
  const p = lostMediumSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const m = getMedium(ctx.db, p.mediumId);
    checkMediumState(m, ACTIVE, '报告遗失');
    return step(ctx, m, 'lost', p.occurredOn, { reportedTo: p.reportedTo, circumstances: p.circumstances, formerState: m.state, note: p.note }, { state: 'lost', lostOn: p.occurredOn });
  });
}

/**
 * a found medium goes back to the state its loss recorded (awaiting destruction or
 * in repair stays so); one lost while lent or out comes back to its keeper's use.
 */
function stateToRestore(ctx: LedgerContext, m: Medium): MediumState {
  const lost = eventsOf(ctx.db, 'medium', m.id).filter((e) => e.type === 'lost' && e.corrects === null).at(-1);
  const former = lost?.payload.formerState as MediumState | undefined;
  if (former && (MEDIUM_ON_SHELF_STATES as readonly MediumState[]).includes(former)) return former;
  return m.issuedOn ? 'in_use' : 'registered';
}

export function markMediumFound(ctx: LedgerContext, input: unknown): Medium {
  const p = simpleMediumSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const m = getMedium(ctx.db, p.mediumId);
    checkMediumState(m, ['lost'], '找回');
    const back = stateToRestore(ctx, m);
    return step(ctx, m, 'found', p.occurredOn, { restoredState: back, note: p.note }, { state: back, lostOn: null, holderId: null, dueOn: null });
  });
}

export function raiseMediumLevel(ctx: LedgerContext, input: unknown): Medium {
  const p = raiseMediumLevelSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const m = getMedium(ctx.db, p.mediumId);
    checkMediumState(m, ACTIVE, '升级密级');
    checkLevelRise(m.level, p.level, '介质');
    return raiseMedium(ctx, m, p.level, p.occurredOn, { reason: p.reason, note: p.note });
  });
}
