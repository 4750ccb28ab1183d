import { randomUUID } from 'node:crypto';
import dayjs from 'dayjs';
import { AppError } from '../../errors/app-error';
import { LEVEL_LABELS } from '../classification/levels';
import { formatMarking } from '../classification/term';
import { appendEntityEvent } from '../events/entity-transition';
import { checkDateOrder, checkNotFuture } from '../events/event-dates';
import { inLedgerTransaction } from '../events/event-store';
import { nextNumber } from '../numbering';
import { SOURCE_LABELS, type Carrier, type CarrierFields, type CarrierSource } from './carrier-model';
import { copySchema, receiveBatchSchema, registerMadeSchema, type CopyInput, type ReceiveBatchInput } from './carrier-commands-schema';
import { findCarrierByNumber, getCarrier, saveCarrier } from './carrier-repo';
import { checkCopyNumbers, checkDistinctPeople, checkTransition, resolveTerm, ruleError } from './carrier-rules';
import { copyNumbersFor } from './copy-numbers';
import { personSnapshot, transition, type LedgerContext } from './carrier-transition';
import { activePerson } from '../people/person-checks';
import { expiryDate } from '../classification/term';
import { sql } from '../../db/statements';

const yearOf = (date: string): number => dayjs(date).year();

function carrierNumber(ctx: LedgerContext, wanted: string | undefined, on: string): string {
  if (wanted) {
    if (findCarrierByNumber(ctx.db, wanted)) throw new AppError('CONFLICT', `载体编号 ${wanted} 已存在`);
    return wanted;
  }
  const s = ctx.settings;
  return nextNumber(ctx.db, 'carrier', yearOf(on), s.carrierNumberPattern, s.seqDigits);
}

/** Builds the projection of a carrier entering the ledger, after the intake rules. */
function newCarrier(
  ctx: LedgerContext,
  f: CarrierFields,
  extra: { source: CarrierSource; on: string; receiptNo?: string | null; parentId?: string | null },
): Carrier {
  // The item has reached the unit (or been made) by now, and was marked before that.
  const onWhat = `${SOURCE_LABELS[extra.source]}日期`;
  checkNotFuture(ctx, extra.on, onWhat);
  checkDateOrder({ date: f.classifiedOn, what: '定密日期' }, { date: extra.on, what: onWhat });
  checkCopyNumbers(f.level, f.copyNumbers);
  const term = resolveTerm(f.level, f.term, ctx.settings);
  activePerson(ctx.db, f.custodianId, '保管人');
  if (f.cabinetId && !sql(ctx.db, 'SELECT 1 FROM cabinets WHERE id = ?').get(f.cabinetId)) {
    throw new AppError('NOT_FOUND', '存放位置（保密柜）不存在');
  }
  return {
    id: randomUUID(),
    number: carrierNumber(ctx, f.number, extra.on),
    receiptNo: extra.receiptNo ?? null,
    dispatchNo: null,
    docNo: f.docNo,
    title: f.title,
    carrierType: f.carrierType,
    issuer: f.issuer,
    level: f.level,
    term,
    classifiedOn: f.classifiedOn,
    expiresOn: expiryDate(f.classifiedOn, term),
    scope: f.scope,
    copies: f.copies,
    copyNumbers: f.copyNumbers,
    pages: f.pages ?? null,
    capacity: f.capacity,
    source: extra.source,
    parentId: extra.parentId ?? null,
    classifier: f.classifier,
    classifyBasis: f.classifyBasis,
    custodianId: f.custodianId,
    cabinetId: f.cabinetId ?? null,
    state: 'in_store',
    holderId: null,
    dueOn: null,
    lostOn: null,
    receivedOn: extra.on,
    note: f.note,
    lastEventId: 0,
  };
}

function record(ctx: LedgerContext, c: Carrier, type: 'received' | 'registered' | 'copy_created', payload: Record<string, unknown>, batchId: string | null): Carrier {
  const { lastEventId: _ignored, ...snapshot } = c;
  const event = appendEntityEvent(ctx, {
    entity: 'carrier',
    entityId: c.id,
    type,
    occurredOn: c.receivedOn,
    payload: { ...payload, carrier: snapshot, marking: formatMarking(c.level, c.term) },
    batchId,
    subject: c.number,
  });
  const saved = { ...c, lastEventId: event.id };
  saveCarrier(ctx.db, saved);
  return saved;
}

/** one delivery, counted and numbered, every item on one receipt signed by the receiver. */
export function receiveBatch(ctx: LedgerContext, input: ReceiveBatchInput): Carrier[] {
  const p = receiveBatchSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const receiver = activePerson(ctx.db, p.receiverId, '签收人');
    const batchId = randomUUID();
    return p.items.map((f) => {
      const s = ctx.settings;
      const receiptNo = nextNumber(ctx.db, 'receipt', yearOf(p.receivedOn), s.receiptNumberPattern, s.seqDigits);
      const c = newCarrier(ctx, f, { source: 'received', on: p.receivedOn, receiptNo });
      return record(ctx, c, 'received', { receiver: personSnapshot(receiver), receiptNo, itemsInDelivery: p.items.length }, batchId);
    });
  });
}

/** Items made in-house (自制) or printed: the 定密责任人 and 定密依据 must be recorded. */
export function registerMade(ctx: LedgerContext, input: unknown): Carrier {
  const p = registerMadeSchema.parse(input);
  if (p.fields.level !== 'neibu' && (!p.fields.classifier || !p.fields.classifyBasis)) {
    throw ruleError('R-02', `自制${LEVEL_LABELS[p.fields.level]}载体必须登记定密责任人和定密依据`);
  }
  return inLedgerTransaction(ctx.db, () => record(ctx, newCarrier(ctx, p.fields, { source: p.source, on: p.madeOn }), 'registered', {}, null));
}

/**
 * each copy (or excerpt, compilation) is a carrier of its own with its own
 * number and copy number, linked to its original, keeping the original's level and term.
 * 绝密 needs the originating authority's approval; 机密 and 秘密 the unit leader's.
 */
export function copyCarrier(ctx: LedgerContext, input: CopyInput): Carrier[] {
  const p = copySchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const original = getCarrier(ctx.db, p.carrierId);
    checkTransition(original, 'copied');
    if (original.level === 'juemi' && p.approval.role !== 'originator') {
      throw ruleError('R-13', '绝密载体复制、摘录、汇编须经原定密机关（发文机关）批准并记录');
    }
    if (original.level !== 'juemi' && !['leader', 'unit_head', 'originator'].includes(p.approval.role)) {
      throw ruleError('R-25', '机密、秘密载体复制须经单位领导批准');
    }
    // The approval is a check on the people who want and make the copy: never their own.
    const what = SOURCE_LABELS[p.kind];
    checkDistinctPeople(ctx.db, 'R-25', [p.approval.approver, p.applicant], 2, `${what}须经他人批准，批准人不能是申请人本人`);
    checkDistinctPeople(ctx.db, 'R-25', [p.approval.approver, p.maker], 2, `${what}须经他人批准，批准人不能是${what}人本人`);
    if (p.copyNumbers && p.copyNumbers.length !== p.count) {
      throw new AppError('VALIDATION', `份号数量（${p.copyNumbers.length}）与复制份数（${p.count}）不一致`);
    }
    const batchId = randomUUID();
    const source = p.kind;
    const copyNumbers = copyNumbersFor(ctx.db, original, p.count, p.copyNumbers);
    const copies = copyNumbers.map((copyNumber) => {
      const c = newCarrier(
        ctx,
        {
          docNo: original.docNo,
          title: original.title,
          carrierType: original.carrierType,
          issuer: original.issuer,
          level: original.level,
          term: original.term,
          classifiedOn: original.classifiedOn,
          scope: original.scope,
          copies: 1,
          copyNumbers: copyNumber,
          pages: original.pages,
          capacity: original.capacity,
          classifier: original.classifier,
          classifyBasis: original.classifyBasis,
          custodianId: p.custodianId,
          cabinetId: p.cabinetId ?? null,
          note: p.note,
        },
        { source, on: p.occurredOn, parentId: original.id },
      );
      return record(ctx, c, 'copy_created', { originalId: original.id, originalNumber: original.number, kind: p.kind, approval: p.approval, applicant: p.applicant, maker: p.maker, destination: p.destination }, batchId);
    });
    transition(
      ctx,
      original.id,
      'copied',
      p.occurredOn,
      {
        kind: p.kind,
        count: p.count,
        approval: p.approval,
        applicant: p.applicant,
        maker: p.maker,
        destination: p.destination,
        copies: copies.map((c) => ({ id: c.id, number: c.number, copyNumber: c.copyNumbers })),
        note: p.note,
      },
      () => ({}),
      { batchId, carrier: original },
    );
    return copies;
  });
}
