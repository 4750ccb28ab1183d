import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, item, ledgerFixture, ref, type LedgerFixture } from '../../testing/ledger-fixture';
import { copyCarrier, receiveBatch } from '../../ledger/carriers/carrier-intake';
import { bringBack, circulate, distribute, lend, returnCirculation, returnLoan, takeOut } from '../../ledger/carriers/carrier-movements';
import { correct, destroyBatch, handoverPerson, markFound, reportLost } from '../../ledger/carriers/carrier-disposal';
import type { Carrier } from '../../ledger/carriers/carrier-model';
import { eventsOf } from '../../ledger/events/event-store';
import { printRequestSchema, type RegisterId } from '../print-types';
import { registerSpec } from './index';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

/** The register as printed for November: one object per row, header to cell text. */
function table(id: RegisterId): Record<string, string>[] {
  const spec = registerSpec(id);
  const req = printRequestSchema.parse({ registerId: id, from: '2026-11-01', to: '2026-11-30' });
  return spec.rows(f.db, req, '2026-11-20').map((r, i) =>
    Object.fromEntries(spec.definition.columns.map((c) => [c.header, c.signature ? '' : (c.value?.(r, i) ?? '')])),
  );
}
const cols = (rows: Record<string, string>[], ...headers: string[]) => rows.map((r) => headers.map((h) => r[h]));

const one = (over = {}) => receiveBatch(f.ctx('2026-11-02'), { receivedOn: '2026-11-02', receiverId: f.people.officer.id, items: [item(f, over)] })[0]!;
const loan = (c: Carrier, on: string, dueOn: string) =>
  lend(f.ctx(on), { carrierId: c.id, occurredOn: on, borrowerId: f.people.borrower.id, reason: '阅', dueOn, approval: approval(f.people.leader) });
const trip = (c: Carrier, on: string, untilOn: string) =>
  takeOut(f.ctx(on), { carrierId: c.id, occurredOn: on, carrierPersonId: f.people.borrower.id, approval: approval(f.people.leader), destination: '市局', reason: '汇报', untilOn });
/** A return of a loan, circulation or trip, checked in intact by the officer. */
const back = (fn: typeof returnLoan, c: Carrier, on: string) => fn(f.ctx(on), { carrierId: c.id, occurredOn: on, intact: true, checkedBy: ref(f.people.officer) });
const lost = (c: Carrier, on: string) => reportLost(f.ctx(on), { carrierId: c.id, occurredOn: on, reportedTo: '保密办', circumstances: '遗失' });
const found = (c: Carrier, on: string) => markFound(f.ctx(on), { carrierId: c.id, occurredOn: on, where: '会议室' });
const lastEvent = (c: Carrier, type: string) => eventsOf(f.db, 'carrier', c.id).filter((e) => e.type === type).at(-1)!;
const fixDue = (c: Carrier, on: string, correctsEventId: number, dueOn: string) =>
  correct(f.ctx(on), { carrierId: c.id, occurredOn: on, correctsEventId, reason: '应还日期录错', patch: { dueOn } });

describe('借阅（传阅）登记表 and 携带外出审批登记表: how a line ends', () => {
  it('R-30 a loan that ended in a loss prints no return date and says 下落不明; a later circulation keeps its own return', () => {
    const a = one();
    loan(a, '2026-11-03', '2026-11-06');
    lost(a, '2026-11-05');
    found(a, '2026-11-07');
    circulate(f.ctx('2026-11-10'), { carrierId: a.id, occurredOn: '2026-11-10', readerId: f.people.leader.id, dueOn: '2026-11-10' });
    back(returnCirculation, a, '2026-11-10');
    expect(cols(table('loans'), '日期', '事由', '实还日期', '归还核验')).toEqual([
      ['2026-11-03', '阅', '', '下落不明（2026-11-05）'],
      ['2026-11-10', '传阅', '2026-11-10', '完好'],
    ]);
  });

  it('R-26 R-30 a trip that ended in a loss has no 返回日期, and the next trip keeps its own', () => {
    const a = one();
    trip(a, '2026-11-03', '2026-11-04');
    lost(a, '2026-11-04');
    found(a, '2026-11-06');
    trip(a, '2026-11-09', '2026-11-10');
    back(bringBack, a, '2026-11-10');
    expect(cols(table('trips'), '起止日期', '返回日期')).toEqual([
      ['2026-11-03 至 2026-11-04', '下落不明（2026-11-04）'],
      ['2026-11-09 至 2026-11-10', '2026-11-10'],
    ]);
  });
});

describe('corrected due dates are printed (R-15, R-23, R-26)', () => {
  it('R-15 a loan prints its corrected 应还日期, marked 更正, the latest correction winning', () => {
    const a = one();
    loan(a, '2026-11-03', '2026-11-06');
    fixDue(a, '2026-11-04', lastEvent(a, 'lent').id, '2026-11-20');
    // A second correction is entered against the first one: it still belongs to this loan.
    fixDue(a, '2026-11-05', lastEvent(a, 'corrected').id, '2026-11-25');
    expect(cols(table('loans'), '日期', '应还日期')).toEqual([['2026-11-03', '2026-11-25（更正）']]);
  });

  it('R-15 a correction made during a later loan is printed on that loan, not on the earlier one it points at', () => {
    const a = one();
    loan(a, '2026-11-03', '2026-11-06');
    const first = lastEvent(a, 'lent');
    back(returnLoan, a, '2026-11-05');
    loan(a, '2026-11-10', '2026-11-12');
    // correct() changes the due date of the loan under way, whichever entry it names.
    fixDue(a, '2026-11-11', first.id, '2026-11-18');
    expect(cols(table('loans'), '日期', '应还日期')).toEqual([
      ['2026-11-03', '2026-11-06'],
      ['2026-11-10', '2026-11-18（更正）'],
    ]);
  });

  it('R-23 a circulation prints its corrected 应还日期, marked 更正', () => {
    const a = one();
    circulate(f.ctx('2026-11-10'), { carrierId: a.id, occurredOn: '2026-11-10', readerId: f.people.leader.id, dueOn: '2026-11-10' });
    fixDue(a, '2026-11-10', lastEvent(a, 'circulated').id, '2026-11-11');
    expect(cols(table('loans'), '事由', '应还日期')).toEqual([['传阅', '2026-11-11（更正）']]);
  });

  it('R-26 a trip prints its corrected return date at the end of 起止日期, marked 更正', () => {
    const a = one();
    trip(a, '2026-11-03', '2026-11-04');
    fixDue(a, '2026-11-03', lastEvent(a, 'taken_out').id, '2026-11-07');
    expect(cols(table('trips'), '起止日期')).toEqual([['2026-11-03 至 2026-11-07（更正）']]);
  });
});

describe('清退、移交登记表', () => {
  const handover = (on = '2026-11-12') =>
    handoverPerson(f.ctx(on), { occurredOn: on, fromId: f.people.borrower.id, toId: f.people.officer.id, leader: ref(f.people.leader), bothSigned: true });

  it('R-28 lists what the leaver gave back on loan or out (收回) beside what they handed over, but not their ordinary returns', () => {
    const lent = one({ copyNumbers: '001' });
    const kept = one({ copyNumbers: '002', custodianId: f.people.borrower.id });
    const out = one({ copyNumbers: '003' });
    const returned = one({ copyNumbers: '004' });
    loan(returned, '2026-11-03', '2026-11-05');
    back(returnLoan, returned, '2026-11-05');
    loan(lent, '2026-11-03', '2026-11-20');
    trip(out, '2026-11-04', '2026-11-30');
    handover();
    expect(cols(table('handovers'), '载体', '类别', '移交人', '接收人', '日期', '监交领导')).toEqual([
      [`${lent.number} ${lent.title}`, '收回', '李借阅', '张保密', '2026-11-12', '王处长'],
      [`${kept.number} ${kept.title}`, '移交', '李借阅', '张保密', '2026-11-12', '王处长'],
      [`${out.number} ${out.title}`, '收回', '李借阅', '张保密', '2026-11-12', '王处长'],
    ]);
  });

  it('R-28 a leaver who kept nothing in custody still has their taken-back loan on the list', () => {
    const lent = one();
    loan(lent, '2026-11-03', '2026-11-20');
    handover();
    expect(cols(table('handovers'), '载体', '类别', '移交人', '接收人', '监交领导')).toEqual([[`${lent.number} ${lent.title}`, '收回', '李借阅', '张保密', f.people.leader.name]]);
  });

  it('R-28 an item the leaver both kept and had on loan is one 移交 line', () => {
    const own = one({ custodianId: f.people.borrower.id });
    loan(own, '2026-11-03', '2026-11-20');
    handover();
    expect(cols(table('handovers'), '载体', '类别')).toEqual([[`${own.number} ${own.title}`, '移交']]);
  });
});

describe('复制审批登记表', () => {
  it("R-25 prints a copy's number and copy number as they are now, marking one corrected on the copy", () => {
    const a = one({ copyNumbers: '001' });
    const [cp, other] = copyCarrier(f.ctx('2026-11-03'), {
      carrierId: a.id,
      occurredOn: '2026-11-03',
      kind: 'copy',
      count: 2,
      approval: approval(f.people.leader),
      custodianId: f.people.custodian.id,
      applicant: ref(f.people.borrower),
      maker: ref(f.people.officer),
    });
    correct(f.ctx('2026-11-04'), { carrierId: cp!.id, occurredOn: '2026-11-04', correctsEventId: lastEvent(cp!, 'copy_created').id, reason: '份号录错', patch: { copyNumbers: '009' } });
    expect(cols(table('copies'), '复制件编号/份号')).toEqual([[`${cp!.number}（009）（更正）、${other!.number}（${other!.copyNumbers}）`]]);
  });
});

describe('收文登记簿 去向', () => {
  it('names who keeps the item: a distributed one is 在库 with the recipient, a destroyed one names nobody', () => {
    const sent = one({ copyNumbers: '001' });
    const gone = one({ copyNumbers: '002' });
    distribute(f.ctx('2026-11-05'), {
      carrierId: sent.id,
      occurredOn: '2026-11-05',
      recipientId: f.people.borrower.id,
      withinScope: true,
      recipientSigned: true,
      transfer: { method: 'by_hand', couriers: [ref(f.people.officer)] },
    });
    destroyBatch(f.ctx('2026-11-06'), {
      occurredOn: '2026-11-06',
      carrierIds: [gone.id],
      reason: '过期',
      applicant: ref(f.people.officer),
      approval: approval(f.people.head),
      method: 'shredding',
      place: '机要室',
      witnesses: [ref(f.people.witnessA), ref(f.people.witnessB)],
      destroyer: ref(f.people.custodian),
    });
    expect(cols(table('receipts'), '份号', '去向', '清退/销毁日期')).toEqual([
      ['001', '在库（综合处 李借阅）', ''],
      ['002', '已销毁', '2026-11-06'],
    ]);
  });
});
