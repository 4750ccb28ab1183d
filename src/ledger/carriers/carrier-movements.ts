import { inLedgerTransaction } from '../events/event-store';
import { nextNumber } from '../numbering';
import dayjs from 'dayjs';
import type { Carrier } from './carrier-model';
import {
  circulateSchema,
  distributeSchema,
  lendSchema,
  returnSchema,
  takeOutSchema,
  type LendInput,
} from './carrier-commands-schema';
import { getCarrier } from './carrier-repo';
import { checkApproverNotSelf, checkDistinctPeople, checkDue, ruleError } from './carrier-rules';
import { checkReturnNotBeforeLeaving } from '../rule-checks';
import { personSnapshot, transition, type LedgerContext } from './carrier-transition';
import { activePerson } from '../people/person-checks';

/**
 * distribution only within 知悉范围, signed for by the recipient, carried by
 * named people (绝密 by two), never by ordinary post. The recipient becomes the custodian.
 */
export function distribute(ctx: LedgerContext, input: unknown): Carrier {
  const p = distributeSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getCarrier(ctx.db, p.carrierId);
    if (!p.withinScope) throw ruleError('R-21', '只能在知悉范围内分发，请确认接收人在知悉范围内');
    if (!p.recipientSigned) throw ruleError('R-21', '分发须由接收人签收');
    if (p.transfer.method === 'ordinary_post') throw ruleError('R-22', '涉密载体不得通过普通邮寄传递');
    if (p.transfer.method === 'by_hand') {
      checkDistinctPeople(ctx.db, 'R-22', p.transfer.couriers, 1, '专人送达须登记传递人');
    }
    if (c.level === 'juemi') checkDistinctPeople(ctx.db, 'R-22', p.transfer.couriers, 2, '绝密载体须由两人传递');
    const recipient = activePerson(ctx.db, p.recipientId, '接收人');
    const s = ctx.settings;
    const dispatchNo = c.dispatchNo ?? nextNumber(ctx.db, 'dispatch', dayjs(p.occurredOn).year(), s.dispatchNumberPattern, s.seqDigits);
    return transition(
      ctx,
      c.id,
      'distributed',
      p.occurredOn,
      { recipient: personSnapshot(recipient), transfer: p.transfer, dispatchNo, withinScope: true, recipientSigned: true, note: p.note },
      () => ({ custodianId: recipient.id, dispatchNo }),
      { carrier: c },
    ).carrier;
  });
}

/** read in the office; back the same day by default, never later than the unit's maximum. */
export function circulate(ctx: LedgerContext, input: unknown): Carrier {
  const p = circulateSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    checkDue('R-23', p.occurredOn, p.dueOn, ctx.settings.maxCirculationDays, '传阅');
    const reader = activePerson(ctx.db, p.readerId, '传阅人');
    return transition(
      ctx,
      p.carrierId,
      'circulated',
      p.occurredOn,
      { reader: personSnapshot(reader), dueOn: p.dueOn, note: p.note },
      () => ({ holderId: reader.id, dueOn: p.dueOn }),
    ).carrier;
  });
}

/** a loan is approved by someone else, has a due date within the maximum. */
export function lend(ctx: LedgerContext, input: LendInput): Carrier {
  const p = lendSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const borrower = activePerson(ctx.db, p.borrowerId, '借阅人');
    checkApproverNotSelf(ctx.db, 'R-24', p.approval, { personId: borrower.id, name: borrower.name }, '借阅');
    checkDue('R-15', p.occurredOn, p.dueOn, ctx.settings.maxLoanDays, '借阅');
    return transition(
      ctx,
      p.carrierId,
      'lent',
      p.occurredOn,
      { borrower: personSnapshot(borrower), approval: p.approval, reason: p.reason, dueOn: p.dueOn, note: p.note },
      () => ({ holderId: borrower.id, dueOn: p.dueOn }),
    ).carrier;
  });
}

/** Return of a loan, a circulation or a trip: checked (pages and contents intact) on arrival. */
function checkIn(ctx: LedgerContext, input: unknown, type: 'loan_returned' | 'circulation_returned' | 'brought_back'): Carrier {
  const p = returnSchema.parse(input);
  return inLedgerTransaction(ctx.db, () =>
    transition(
      ctx,
      p.carrierId,
      type,
      p.occurredOn,
      { intact: p.intact, checkedBy: p.checkedBy, note: p.note },
      (c) => ({ holderId: null, dueOn: null, note: p.intact ? c.note : `${c.note}${c.note ? '；' : ''}${p.occurredOn} 归还核验发现不完整：${p.note}` }),
    ).carrier,
  );
}

export const returnLoan = (ctx: LedgerContext, input: unknown): Carrier => checkIn(ctx, input, 'loan_returned');
export const returnCirculation = (ctx: LedgerContext, input: unknown): Carrier => checkIn(ctx, input, 'circulation_returned');
export const bringBack = (ctx: LedgerContext, input: unknown): Carrier => checkIn(ctx, input, 'brought_back');

/**
 * taking out is approved by the leader in charge; 绝密 in principle not at
 * all, an exception only with the unit head's recorded approval.
 */
export function takeOut(ctx: LedgerContext, input: unknown): Carrier {
  const p = takeOutSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getCarrier(ctx.db, p.carrierId);
    if (c.level === 'juemi' && p.approval.role !== 'unit_head') {
      throw ruleError('R-13', '绝密载体原则上不得携带外出，确需携带须经单位主要负责人批准');
    }
    if (!['leader', 'unit_head'].includes(p.approval.role)) throw ruleError('R-26', '携带外出须经主管领导批准');
    const bearer = activePerson(ctx.db, p.carrierPersonId, '携带人');
    checkApproverNotSelf(ctx.db, 'R-26', p.approval, { personId: bearer.id, name: bearer.name }, '携带外出');
    checkReturnNotBeforeLeaving(p.occurredOn, p.untilOn);
    return transition(
      ctx,
      c.id,
      'taken_out',
      p.occurredOn,
      { bearer: personSnapshot(bearer), approval: p.approval, destination: p.destination, reason: p.reason, untilOn: p.untilOn, note: p.note },
      () => ({ holderId: bearer.id, dueOn: p.untilOn }),
      { carrier: c },
    ).carrier;
  });
}
