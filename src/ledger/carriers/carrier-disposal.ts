import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors/app-error';
import { LEVEL_LABELS } from '../classification/levels';
import { expiryDate, formatMarking } from '../classification/term';
import { checkDateOrder } from '../events/event-dates';
import { eventById, eventsOf, inLedgerTransaction } from '../events/event-store';
import { samePerson } from '../people/people';
import type { Carrier, CarrierState } from './carrier-model';
import {
  correctionSchema,
  declassifySchema,
  destroySchema,
  foundSchema,
  handoverSchema,
  lostSchema,
  reclassifySchema,
  returnToIssuerSchema,
  simpleEventSchema,
  type DestroyInput,
} from './carrier-commands-schema';
import { carriersHeldBy, getCarrier } from './carrier-repo';
import { checkApproverNotSelf, checkCopyNumbers, checkDistinctPeople, checkDue, resolveTerm, ruleError } from './carrier-rules';
import { checkCorrectedCopyNumber } from './copy-numbers';
import { person, personSnapshot, transition, type LedgerContext } from './carrier-transition';
import { activePerson } from '../people/person-checks';
import { checkPersonRefs, checkReturnNotBeforeLeaving } from '../rule-checks';
import { isOut, stateBeforeLoss } from './carrier-states';

/** a level or term change is the originator's recorded decision; the marking follows. */
export function reclassify(ctx: LedgerContext, input: unknown): Carrier {
  const p = reclassifySchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getCarrier(ctx.db, p.carrierId);
    const term = resolveTerm(p.level, p.term, ctx.settings);
    const from = formatMarking(c.level, c.term);
    const to = formatMarking(p.level, term);
    if (from === to) throw new AppError('VALIDATION', `新密级与期限（${to}）与原标志相同`);
    return transition(
      ctx,
      c.id,
      'reclassified',
      p.occurredOn,
      { from, to, level: p.level, term, decidedBy: p.decidedBy, approval: p.approval, reason: p.reason, note: p.note },
      () => ({ level: p.level, term, expiresOn: expiryDate(c.classifiedOn, term) }),
      { carrier: c },
    ).carrier;
  });
}

/** declassification, by decision or because the term ran out, is recorded. */
export function declassify(ctx: LedgerContext, input: unknown): Carrier {
  const p = declassifySchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getCarrier(ctx.db, p.carrierId);
    if (p.basis === 'term_expired' && (!c.expiresOn || c.expiresOn > p.occurredOn)) {
      throw ruleError('R-03', `载体 ${c.number} 的保密期限尚未届满，不能按到期解密`);
    }
    return transition(
      ctx,
      c.id,
      'declassified',
      p.occurredOn,
      { basis: p.basis, decidedBy: p.decidedBy, approval: p.approval, formerMarking: formatMarking(c.level, c.term), note: p.note },
      () => ({}),
      { carrier: c },
    ).carrier;
  });
}

const simple =
  (type: 'marked_for_return' | 'archived') =>
  (ctx: LedgerContext, input: unknown): Carrier => {
    const p = simpleEventSchema.parse(input);
    return inLedgerTransaction(ctx.db, () => transition(ctx, p.carrierId, type, p.occurredOn, { note: p.note }, () => ({})).carrier);
  };
export const markForReturn = simple('marked_for_return');
export const archive = simple('archived');

/**
 * everything a person holds goes, as one list, to the receiver: what they keep in
 * custody changes custodian; what they have on loan, in circulation or out is checked back
 * in first. Both parties and a leader sign.
 */
export function handoverPerson(ctx: LedgerContext, input: unknown): { batchId: string; carriers: Carrier[] } {
  const p = handoverSchema.parse(input);
  if (p.fromId === p.toId) throw ruleError('R-28', '移交人与接收人不能是同一人');
  if (!p.bothSigned) throw ruleError('R-28', '清退/移交须由双方签字');
  return inLedgerTransaction(ctx.db, () => {
    // The one handing over may be leaving (that is why they hand over); the receiver may not.
    const from = person(ctx, p.fromId);
    const to = activePerson(ctx.db, p.toId, '接收人');
    checkPersonRefs(ctx.db, [p.leader]);
    if (samePerson(p.leader, { personId: from.id, name: from.name })) throw ruleError('R-28', '监交领导不能是移交人本人');
    // A missing item cannot be handed over: nobody can sign for it. It stays on their list,
    // and keeps them from being marked as left, until it is found and handed over.
    const all = carriersHeldBy(ctx.db, from.id);
    const held = all.filter((c) => c.state !== 'missing');
    if (held.length === 0) {
      const missing = all.map((c) => c.number).join('、');
      throw new AppError('VALIDATION', missing ? `${from.name} 名下只有下落不明的载体（${missing}），找回后才能移交` : `${from.name} 名下没有需要移交的载体`);
    }
    const batchId = randomUUID();
    const common = { from: personSnapshot(from), to: personSnapshot(to), leader: p.leader, bothSigned: true, note: p.note };
    const carriers = held.map((c) => {
      let current = c;
      if (c.holderId === from.id && isOut(c.state)) {
        const type = c.state === 'lent' ? 'loan_returned' : c.state === 'circulating' ? 'circulation_returned' : 'brought_back';
        current = transition(ctx, c.id, type, p.occurredOn, { intact: true, checkedBy: { personId: to.id, name: to.name }, note: '随移交清单收回', from: personSnapshot(from), leader: p.leader }, () => ({ holderId: null, dueOn: null }), { batchId, carrier: c }).carrier;
      }
      if (current.custodianId !== from.id) return current;
      return transition(ctx, c.id, 'handed_over', p.occurredOn, common, () => ({ custodianId: to.id }), { batchId, carrier: current }).carrier;
    });
    return { batchId, carriers };
  });
}

/** 清退, returning an item to its issuer; it leaves the unit's custody for good. */
export function returnToIssuer(ctx: LedgerContext, input: unknown): Carrier {
  const p = returnToIssuerSchema.parse(input);
  if (!p.bothSigned) throw ruleError('R-28', '清退须由双方签字');
  return inLedgerTransaction(ctx.db, () =>
    transition(ctx, p.carrierId, 'returned_to_issuer', p.occurredOn, { receiver: p.receiver, leader: p.leader, bothSigned: true, note: p.note }, () => ({ holderId: null, dueOn: null })).carrier,
  );
}

export function requestDestruction(ctx: LedgerContext, input: unknown): Carrier {
  const p = simpleEventSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => transition(ctx, p.carrierId, 'destruction_requested', p.occurredOn, { note: p.note }, () => ({})).carrier);
}

/**
 * one destruction list, approved by someone other than the applicant and the person
 * destroying; at least two distinct witnesses (neither of them the person destroying), a
 * method and a place. The records stay for good.
 */
export function destroyBatch(ctx: LedgerContext, input: DestroyInput): { batchId: string; carriers: Carrier[] } {
  const p = destroySchema.parse(input);
  checkDistinctPeople(ctx.db, 'R-29', p.witnesses, 2, '销毁需两名不同的监销人');
  if (p.witnesses.some((w) => samePerson(w, p.destroyer))) throw ruleError('R-29', '监销人不能由销毁人兼任');
  // As for devices: the approval is someone else's, neither the destroyer nor the applicant.
  checkApproverNotSelf(ctx.db, 'R-29', p.approval, p.destroyer, '销毁');
  checkDistinctPeople(ctx.db, 'R-29', [p.approval.approver, p.applicant], 2, '销毁须经他人批准，批准人不能是申请人本人');
  if (new Set(p.carrierIds).size !== p.carrierIds.length) throw new AppError('VALIDATION', '销毁清单中有重复的载体');
  return inLedgerTransaction(ctx.db, () => {
    const batchId = randomUUID();
    const carriers = p.carrierIds.map((id, i) => {
      const c = getCarrier(ctx.db, id);
      const payload = {
        listIndex: i + 1,
        listSize: p.carrierIds.length,
        reason: p.reason,
        applicant: p.applicant,
        approval: p.approval,
        method: p.method,
        place: p.place,
        witnesses: p.witnesses,
        destroyer: p.destroyer,
        note: p.note,
      };
      return transition(ctx, id, 'destroyed', p.occurredOn, payload, () => ({ holderId: null, dueOn: null }), { batchId, carrier: c }).carrier;
    });
    return { batchId, carriers };
  });
}

/** a missing item is reported at once; its timer runs from the day it was reported. */
export function reportLost(ctx: LedgerContext, input: unknown): Carrier {
  const p = lostSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getCarrier(ctx.db, p.carrierId);
    // The state it leaves is recorded: finding it brings it back there (markFound).
    const payload = { reportedTo: p.reportedTo, circumstances: p.circumstances, formerState: c.state, note: p.note };
    return transition(ctx, c.id, 'lost', p.occurredOn, payload, () => ({ lostOn: p.occurredOn }), { carrier: c }).carrier;
  });
}

/** found again, the item goes back to the state it had when reported missing. */
export function markFound(ctx: LedgerContext, input: unknown): Carrier {
  const p = foundSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getCarrier(ctx.db, p.carrierId);
    const back = stateBeforeLoss(eventsOf(ctx.db, 'carrier', c.id));
    return transition(ctx, c.id, 'found', p.occurredOn, { where: p.where, restoredState: back, note: p.note }, () => ({ state: back, lostOn: null, holderId: null, dueOn: null }), { carrier: c }).carrier;
  });
}

/** The event that took a carrier out, for each state with a due date. */
const STARTED_BY: Partial<Record<CarrierState, 'lent' | 'circulated' | 'taken_out'>> = { lent: 'lent', circulating: 'circulated', taken_out: 'taken_out' };

/**
 * a corrected due date belongs to the loan, circulation or trip under
 * way, and is held to the same limit, counted from the day that one began.
 */
function checkCorrectedDue(ctx: LedgerContext, c: Carrier, dueOn: string): void {
  const began = STARTED_BY[c.state];
  const start = began ? eventsOf(ctx.db, 'carrier', c.id).filter((e) => e.type === began).at(-1) : undefined;
  if (!start) throw new AppError('VALIDATION', `载体 ${c.number} 当前没有借阅、传阅或携带外出，没有应还日期可更正`);
  if (began === 'lent') checkDue('R-15', start.occurredOn, dueOn, ctx.settings.maxLoanDays, '借阅');
  else if (began === 'circulated') checkDue('R-23', start.occurredOn, dueOn, ctx.settings.maxCirculationDays, '传阅');
  else checkReturnNotBeforeLeaving(start.occurredOn, dueOn);
}

/**
 * A wrong entry is corrected by a new event that points at it; nothing is edited in place.
 * The patch changes the carrier's record from now on; the wrong event stays as written.
 */
export function correct(ctx: LedgerContext, input: unknown): Carrier {
  const p = correctionSchema.parse(input);
  if (Object.keys(p.patch).length === 0) throw new AppError('VALIDATION', '更正内容为空');
  return inLedgerTransaction(ctx.db, () => {
    const c = getCarrier(ctx.db, p.carrierId);
    const wrong = eventById(ctx.db, p.correctsEventId);
    if (!wrong || wrong.entity !== 'carrier' || wrong.entityId !== c.id) {
      throw new AppError('VALIDATION', '被更正的记录不属于此载体');
    }
    const level = p.patch.level ?? c.level;
    const term = 'term' in p.patch || p.patch.level ? resolveTerm(level, p.patch.term === undefined ? c.term : p.patch.term, ctx.settings) : c.term;
    if (level !== c.level && !['received', 'registered', 'copy_created'].includes(wrong.type)) {
      throw ruleError('R-27', `密级只能在登记记录上更正；变更为${LEVEL_LABELS[level]}须办理变更密级`);
    }
    // A correction may not reach what the commands refuse: the result is checked as they check it.
    checkCopyNumbers(level, p.patch.copyNumbers ?? c.copyNumbers);
    if (p.patch.copyNumbers !== undefined) checkCorrectedCopyNumber(ctx.db, c, p.patch.copyNumbers);
    if (p.patch.dueOn !== undefined) checkCorrectedDue(ctx, c, p.patch.dueOn);
    if (p.patch.classifiedOn !== undefined) checkDateOrder({ date: p.patch.classifiedOn, what: '定密日期' }, { date: c.receivedOn, what: '登记日期' });
    const before = Object.fromEntries(Object.keys(p.patch).map((k) => [k, (c as unknown as Record<string, unknown>)[k] ?? null]));
    return transition(
      ctx,
      c.id,
      'corrected',
      p.occurredOn,
      { correctsEventId: wrong.id, correctsType: wrong.type, reason: p.reason, before, after: p.patch },
      () => {
        const { term: _t, level: _l, pages, cabinetId, ...rest } = p.patch;
        const classifiedOn = p.patch.classifiedOn ?? c.classifiedOn;
        return {
          ...rest,
          ...(pages !== undefined ? { pages: pages ?? null } : {}),
          ...(cabinetId !== undefined ? { cabinetId: cabinetId ?? null } : {}),
          level,
          term,
          expiresOn: expiryDate(classifiedOn, term),
        };
      },
      { corrects: wrong.id, carrier: c },
    ).carrier;
  });
}
