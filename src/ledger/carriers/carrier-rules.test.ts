import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../audit/audit-log';
import { approval, item, ledgerFixture, ref, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { eventsOf } from '../events/event-store';
import { copyCarrier, receiveBatch, registerMade } from './carrier-intake';
import { circulate, distribute, lend, returnLoan, takeOut, bringBack } from './carrier-movements';
import {
  correct,
  declassify,
  destroyBatch,
  handoverPerson,
  markFound,
  reclassify,
  reportLost,
  returnToIssuer,
} from './carrier-disposal';
import { carrierDetail, leakStatus, listCarriers } from './carrier-queries';
import { getCarrier } from './carrier-repo';
import type { Carrier } from './carrier-model';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const receiveOne = (over = {}) =>
  receiveBatch(f.ctx(), { receivedOn: TODAY, receiverId: f.people.officer.id, items: [item(f, over)] })[0]!;

describe('intake', () => {
  it('R-20 one delivery of three items: numbered, each with a receipt number, one batch', () => {
    const got = receiveBatch(f.ctx(), {
      receivedOn: TODAY,
      receiverId: f.people.officer.id,
      items: [item(f), item(f, { title: '第二份', copyNumbers: '004' }), item(f, { level: 'mimi', copyNumbers: '' })],
    });
    expect(got.map((c) => c.number)).toEqual(['ZT-2026-0001', 'ZT-2026-0002', 'ZT-2026-0003']);
    expect(got.map((c) => c.receiptNo)).toEqual(['SW-2026-0001', 'SW-2026-0002', 'SW-2026-0003']);
    const batches = new Set(got.map((c) => eventsOf(f.db, 'carrier', c.id)[0]?.batchId));
    expect(batches.size).toBe(1);
    expect(eventsOf(f.db, 'carrier', got[0]!.id)[0]?.payload).toMatchObject({ receiver: { name: '张保密' }, marking: '机密★20年' });
    expect(verifyChain(f.db, TODAY).ok).toBe(true);
  });

  it('R-20 a refused item leaves the whole delivery unrecorded and consumes no number', () => {
    const e = refused(() =>
      receiveBatch(f.ctx(), { receivedOn: TODAY, receiverId: f.people.officer.id, items: [item(f), item(f, { level: 'juemi', copyNumbers: '' })] }),
    );
    expect(e.message).toBe('R-02：绝密载体必须登记份号');
    expect(listCarriers(f.db, TODAY, {}).total).toBe(0);
    expect(receiveOne().number).toBe('ZT-2026-0001');
  });

  it('a number typed by hand ahead of the sequence is skipped by the automatic numbering, not collided with', () => {
    expect(receiveOne().number).toBe('ZT-2026-0001');
    expect(receiveOne({ number: 'ZT-2026-0002' }).number).toBe('ZT-2026-0002');
    expect(receiveOne().number).toBe('ZT-2026-0003');
    expect(refused(() => receiveOne({ number: 'ZT-2026-0003' }))).toMatchObject({ code: 'CONFLICT', message: '载体编号 ZT-2026-0003 已存在' });
  });

  it('R-02 marking and expiry: years, months, long-term and a condition', () => {
    expect(receiveOne({ term: { kind: 'years', value: 10 } })).toMatchObject({ expiresOn: '2036-11-01' });
    const months = receiveOne({ level: 'mimi', copyNumbers: '', term: { kind: 'months', value: 6 } });
    expect(months.expiresOn).toBe('2027-05-01');
    expect(carrierDetail(f.db, TODAY, months.id).carrier.marking).toBe('秘密★6个月');
    const long = receiveOne({ level: 'juemi', term: { kind: 'long' } });
    expect(carrierDetail(f.db, TODAY, long.id).carrier.marking).toBe('绝密★长期');
    expect(long.expiresOn).toBeNull();
    const cond = receiveOne({ level: 'mimi', term: { kind: 'condition', text: '项目验收' } });
    expect(carrierDetail(f.db, TODAY, cond.id).carrier.marking).toBe('秘密★至项目验收');
  });

  it('R-03 no stated term means the level maximum; a longer one is refused', () => {
    expect(receiveOne({ level: 'juemi' }).term).toEqual({ kind: 'years', value: 30 });
    expect(receiveOne({ level: 'mimi', copyNumbers: '' }).expiresOn).toBe('2036-11-01');
    expect(refused(() => receiveOne({ level: 'mimi', term: { kind: 'years', value: 15 } })).message).toBe('R-03：秘密载体的保密期限不能超过 10 年');
  });

  it('R-03 items whose term ends within 90 days are listed for review', () => {
    receiveOne({ level: 'mimi', classifiedOn: '2016-12-01', term: { kind: 'years', value: 10 } });
    receiveOne({ level: 'mimi', classifiedOn: '2020-01-01', term: { kind: 'years', value: 10 } });
    const due = listCarriers(f.db, TODAY, { termEndingWithinDays: 90 });
    expect(due.rows.map((r) => r.expiresOn)).toEqual(['2026-12-01']);
  });
});

describe('movements', () => {
  it('R-21 distribution only within 知悉范围 and signed for', () => {
    const c = receiveOne();
    const base = { carrierId: c.id, occurredOn: TODAY, recipientId: f.people.borrower.id, recipientSigned: true, transfer: { method: 'by_hand' as const, couriers: [ref(f.people.officer)] } };
    expect(refused(() => distribute(f.ctx(), { ...base, withinScope: false })).message).toMatch(/^R-21：只能在知悉范围内分发/);
    expect(refused(() => distribute(f.ctx(), { ...base, withinScope: true, recipientSigned: false })).message).toBe('R-21：分发须由接收人签收');
    const d = distribute(f.ctx(), { ...base, withinScope: true });
    expect(d).toMatchObject({ custodianId: f.people.borrower.id, dispatchNo: 'FW-2026-0001', state: 'in_store' });
  });

  it('R-22 绝密 is carried by two people and never by ordinary post', () => {
    const c = receiveOne({ level: 'juemi' });
    const base = { carrierId: c.id, occurredOn: TODAY, recipientId: f.people.borrower.id, recipientSigned: true, withinScope: true };
    expect(refused(() => distribute(f.ctx(), { ...base, transfer: { method: 'ordinary_post', couriers: [] } })).message).toBe('R-22：涉密载体不得通过普通邮寄传递');
    const one = { method: 'by_hand' as const, couriers: [ref(f.people.officer), { name: '张保密' }] };
    expect(refused(() => distribute(f.ctx(), { ...base, transfer: one })).message).toBe('R-22：绝密载体须由两人传递');
    const two = { method: 'by_hand' as const, couriers: [ref(f.people.officer), ref(f.people.witnessA)] };
    expect(distribute(f.ctx(), { ...base, transfer: two }).custodianId).toBe(f.people.borrower.id);
  });

  it('R-23 circulation is due back within the unit maximum (default one month)', () => {
    const c = receiveOne();
    expect(refused(() => circulate(f.ctx(), { carrierId: c.id, occurredOn: TODAY, readerId: f.people.borrower.id, dueOn: '2026-12-31' })).message).toBe('R-23：传阅期限不得超过 30 天');
    expect(circulate(f.ctx(), { carrierId: c.id, occurredOn: TODAY, readerId: f.people.borrower.id, dueOn: TODAY })).toMatchObject({ state: 'circulating', dueOn: TODAY });
  });

  it('R-24 a loan needs an approver other than the borrower; the return records whether it was intact', () => {
    const c = receiveOne();
    const loan = { carrierId: c.id, occurredOn: TODAY, borrowerId: f.people.borrower.id, reason: '起草文件', dueOn: '2026-11-27' };
    expect(refused(() => lend(f.ctx(), { ...loan, approval: approval(f.people.borrower) })).message).toBe('R-24：借阅须经他人批准，批准人不能是借阅人本人');
    expect(lend(f.ctx(), { ...loan, approval: approval(f.people.leader) })).toMatchObject({ state: 'lent', holderId: f.people.borrower.id });
    expect(refused(() => lend(f.ctx(), { ...loan, approval: approval(f.people.leader) })).code).toBe('CONFLICT');
    const back = returnLoan(f.ctx('2026-11-25'), { carrierId: c.id, occurredOn: '2026-11-25', intact: false, checkedBy: ref(f.people.officer), note: '缺第 5 页' });
    expect(back).toMatchObject({ state: 'in_store', holderId: null, dueOn: null });
    expect(back.note).toContain('缺第 5 页');
    expect(eventsOf(f.db, 'carrier', c.id).at(-1)?.payload).toMatchObject({ intact: false });
  });

  it('R-15 a loan may not exceed the unit maximum; overdue loans are visible', () => {
    const c = receiveOne();
    const loan = { carrierId: c.id, occurredOn: TODAY, borrowerId: f.people.borrower.id, reason: '阅办', approval: approval(f.people.leader) };
    expect(refused(() => lend(f.ctx(), { ...loan, dueOn: '2026-12-21' })).message).toBe('R-15：借阅期限不得超过 30 天');
    lend(f.ctx(), { ...loan, dueOn: '2026-11-21' });
    expect(listCarriers(f.db, '2026-11-21', { overdueOnly: true }).total).toBe(0);
    const overdue = listCarriers(f.db, '2026-11-22', { overdueOnly: true });
    expect(overdue.rows.map((r) => [r.number, r.overdue, r.holderName])).toEqual([[c.number, true, '李借阅']]);
  });

  it('R-26 taking out needs the leader in charge; it is checked back in', () => {
    const c = receiveOne();
    const trip = { carrierId: c.id, occurredOn: TODAY, carrierPersonId: f.people.borrower.id, destination: '省保密局', reason: '汇报', untilOn: '2026-11-21' };
    expect(refused(() => takeOut(f.ctx(), { ...trip, approval: approval(f.people.leader, 'section_head') })).message).toBe('R-26：携带外出须经主管领导批准');
    expect(takeOut(f.ctx(), { ...trip, approval: approval(f.people.leader) }).state).toBe('taken_out');
    expect(bringBack(f.ctx('2026-11-21'), { carrierId: c.id, occurredOn: '2026-11-21', intact: true, checkedBy: ref(f.people.officer) }).state).toBe('in_store');
  });

  it('R-13 绝密 is taken out only with the unit head’s recorded approval', () => {
    const c = receiveOne({ level: 'juemi' });
    const trip = { carrierId: c.id, occurredOn: TODAY, carrierPersonId: f.people.borrower.id, destination: '国家局', reason: '汇报', untilOn: TODAY };
    expect(refused(() => takeOut(f.ctx(), { ...trip, approval: approval(f.people.leader) })).message).toBe('R-13：绝密载体原则上不得携带外出，确需携带须经单位主要负责人批准');
    const out = takeOut(f.ctx(), { ...trip, approval: approval(f.people.head, 'unit_head') });
    expect(eventsOf(f.db, 'carrier', out.id).at(-1)?.payload).toMatchObject({ approval: { role: 'unit_head', approver: { name: '赵局长' } } });
  });
});

describe('copies and classification changes', () => {
  it('R-25 a copy is its own carrier with its own copy number, linked and inheriting level and term', () => {
    const c = receiveOne({ term: { kind: 'years', value: 10 } });
    expect(refused(() => copyCarrier(f.ctx(), { carrierId: c.id, occurredOn: TODAY, kind: 'copy', count: 2, approval: approval(f.people.leader, 'section_head'), custodianId: f.people.custodian.id, applicant: ref(f.people.borrower), maker: ref(f.people.officer) })).message).toBe('R-25：机密、秘密载体复制须经单位领导批准');
    const copies = copyCarrier(f.ctx(), { carrierId: c.id, occurredOn: TODAY, kind: 'copy', count: 2, approval: approval(f.people.leader), custodianId: f.people.custodian.id, applicant: ref(f.people.borrower), maker: ref(f.people.officer) });
    expect(copies.map((x) => [x.number, x.copyNumbers, x.level, x.expiresOn, x.parentId, x.source])).toEqual([
      ['ZT-2026-0002', '003-复1', 'jimi', '2036-11-01', c.id, 'copy'],
      ['ZT-2026-0003', '003-复2', 'jimi', '2036-11-01', c.id, 'copy'],
    ]);
    expect(carrierDetail(f.db, TODAY, c.id).copies.map((x) => x.number)).toEqual(['ZT-2026-0002', 'ZT-2026-0003']);
  });

  it('R-13 copying 绝密 needs the originating authority’s approval, recorded', () => {
    const c = receiveOne({ level: 'juemi' });
    const input = { carrierId: c.id, occurredOn: TODAY, kind: 'excerpt' as const, count: 1, custodianId: f.people.custodian.id, applicant: ref(f.people.borrower), maker: ref(f.people.officer) };
    expect(refused(() => copyCarrier(f.ctx(), { ...input, approval: approval(f.people.head, 'unit_head') })).message).toBe('R-13：绝密载体复制、摘录、汇编须经原定密机关（发文机关）批准并记录');
    const [copy] = copyCarrier(f.ctx(), { ...input, approval: { approver: { name: '国家保密局办公厅' }, role: 'originator', approvedOn: TODAY, note: '国保函〔2026〕3号' } });
    expect(eventsOf(f.db, 'carrier', copy!.id)[0]?.payload).toMatchObject({ approval: { role: 'originator', note: '国保函〔2026〕3号' } });
  });

  it('R-27 a level change is the originator’s recorded decision and the marking follows', () => {
    const c = receiveOne();
    const changed = reclassify(f.ctx(), { carrierId: c.id, occurredOn: TODAY, level: 'mimi', term: { kind: 'years', value: 5 }, decidedBy: '国家保密局', approval: approval(f.people.leader), reason: '降密' });
    expect(carrierDetail(f.db, TODAY, changed.id).carrier.marking).toBe('秘密★5年');
    expect(eventsOf(f.db, 'carrier', c.id).at(-1)?.payload).toMatchObject({ from: '机密★20年', to: '秘密★5年', decidedBy: '国家保密局' });
    expect(refused(() => declassify(f.ctx(), { carrierId: c.id, occurredOn: TODAY, basis: 'term_expired', decidedBy: '国家保密局', approval: approval(f.people.leader) })).message).toMatch(/^R-03：/);
    expect(declassify(f.ctx(), { carrierId: c.id, occurredOn: TODAY, basis: 'decision', decidedBy: '国家保密局', approval: approval(f.people.leader) }).state).toBe('declassified');
  });
});

describe('handover, destruction and loss', () => {
  it('R-28 everything a person holds is handed over as one list', () => {
    const kept = receiveOne({ custodianId: f.people.borrower.id });
    const lentToThem = receiveOne();
    lend(f.ctx(), { carrierId: lentToThem.id, occurredOn: TODAY, borrowerId: f.people.borrower.id, reason: '阅', dueOn: TODAY, approval: approval(f.people.leader) });
    const input = { occurredOn: TODAY, fromId: f.people.borrower.id, toId: f.people.custodian.id, leader: ref(f.people.leader), bothSigned: true };
    expect(refused(() => handoverPerson(f.ctx(), { ...input, bothSigned: false })).message).toBe('R-28：清退/移交须由双方签字');
    const r = handoverPerson(f.ctx(), input);
    expect(r.carriers.map((c) => c.number).sort()).toEqual([kept.number, lentToThem.number].sort());
    expect(getCarrier(f.db, kept.id).custodianId).toBe(f.people.custodian.id);
    expect(getCarrier(f.db, lentToThem.id)).toMatchObject({ state: 'in_store', holderId: null });
    expect(listCarriers(f.db, TODAY, { custodianId: f.people.borrower.id }).total).toBe(0);
    const r2 = returnToIssuer(f.ctx(), { carrierId: kept.id, occurredOn: TODAY, receiver: { name: '国家保密局收文处' }, leader: ref(f.people.leader), bothSigned: true });
    expect(r2.state).toBe('returned');
  });

  it('R-29 destruction needs an approver, two distinct witnesses, a method and a place', () => {
    const a = receiveOne();
    const b = receiveOne({ copyNumbers: '005' });
    const input = {
      occurredOn: TODAY,
      carrierIds: [a.id, b.id],
      reason: '已过保存期',
      applicant: ref(f.people.custodian),
      approval: approval(f.people.leader),
      method: 'pulping' as const,
      place: '市保密局销毁中心',
      destroyer: ref(f.people.custodian),
    };
    expect(refused(() => destroyBatch(f.ctx(), { ...input, witnesses: [ref(f.people.witnessA), ref(f.people.witnessA)] })).message).toBe('R-29：销毁需两名不同的监销人');
    expect(refused(() => destroyBatch(f.ctx(), { ...input, witnesses: [ref(f.people.witnessA), ref(f.people.custodian)] })).message).toBe('R-29：监销人不能由销毁人兼任');
    const r = destroyBatch(f.ctx(), { ...input, witnesses: [ref(f.people.witnessA), ref(f.people.witnessB)] });
    expect(r.carriers.map((c) => c.state)).toEqual(['destroyed', 'destroyed']);
    expect(refused(() => lend(f.ctx(), { carrierId: a.id, occurredOn: TODAY, borrowerId: f.people.borrower.id, reason: 'x', dueOn: TODAY, approval: approval(f.people.leader) })).message).toMatch(/已销毁/);
    expect(eventsOf(f.db, 'carrier', a.id)).toHaveLength(2);
  });

  it('R-30 a loss starts the timer: 10 days for 绝密, 60 for 机密; found again closes it', () => {
    // Received on 11-01: a loss reported that day is not dated before the item came in.
    const [top, secret] = receiveBatch(f.ctx(), { receivedOn: '2026-11-01', receiverId: f.people.officer.id, items: [item(f, { level: 'juemi' }), item(f, { copyNumbers: '004' })] }) as [Carrier, Carrier];
    reportLost(f.ctx(), { carrierId: top.id, occurredOn: '2026-11-01', reportedTo: '局保密委', circumstances: '清点未见' });
    const lostSecret = reportLost(f.ctx(), { carrierId: secret.id, occurredOn: '2026-11-01', reportedTo: '局保密委', circumstances: '清点未见' });
    expect(leakStatus(getCarrier(f.db, top.id), '2026-11-10')).toMatchObject({ deadline: '2026-11-11', treatedAsLeak: false });
    expect(leakStatus(getCarrier(f.db, top.id), '2026-11-11')).toMatchObject({ treatedAsLeak: true, investigationDue: '2027-02-01' });
    expect(leakStatus(lostSecret, '2026-12-30')).toMatchObject({ deadline: '2026-12-31', treatedAsLeak: false });
    expect(leakStatus(lostSecret, '2026-12-31')?.treatedAsLeak).toBe(true);
    const found = markFound(f.ctx(), { carrierId: top.id, occurredOn: '2026-11-12', where: '档案室' });
    expect(found).toMatchObject({ state: 'in_store', lostOn: null });
    expect(leakStatus(found, '2026-11-12')).toBeNull();
  });

  it('a wrong entry is corrected by a new event that points at it; nothing is edited', () => {
    const c = receiveOne({ title: '关于保密工做的通知' });
    const first = eventsOf(f.db, 'carrier', c.id)[0]!;
    const fixed = correct(f.ctx(), { carrierId: c.id, occurredOn: TODAY, correctsEventId: first.id, reason: '标题错字', patch: { title: '关于保密工作的通知' } });
    expect(fixed.title).toBe('关于保密工作的通知');
    const timeline = carrierDetail(f.db, TODAY, c.id).timeline;
    expect(timeline[0]).toMatchObject({ id: first.id, correctedBy: [timeline[1]!.id] });
    expect(timeline[0]?.payload).toMatchObject({ carrier: { title: '关于保密工做的通知' } });
    expect(timeline[1]).toMatchObject({ type: 'corrected', corrects: first.id, payload: { before: { title: '关于保密工做的通知' } } });
    expect(() => f.db.prepare('UPDATE events SET payload = ? WHERE id = ?').run('{}', first.id)).toThrow(/append-only/);
  });
});

describe('self-made items', () => {
  it('R-02 in-house items record who classified them and on what basis', () => {
    const fields = item(f, { issuer: '本单位' });
    expect(refused(() => registerMade(f.ctx(), { madeOn: TODAY, source: 'self_made', fields })).message).toBe('R-02：自制机密载体必须登记定密责任人和定密依据');
    const c = registerMade(f.ctx(), { madeOn: TODAY, source: 'self_made', fields: { ...fields, classifier: '王处长', classifyBasis: '保密事项范围第 3 条' } });
    expect(c).toMatchObject({ source: 'self_made', classifier: '王处长' });
  });
});

describe('the list', () => {
  it('searches number, title and 文号 by substring, Chinese included, and pages', () => {
    const got = receiveBatch(f.ctx(), {
      receivedOn: TODAY,
      receiverId: f.people.officer.id,
      items: Array.from({ length: 30 }, (_, i) => item(f, { title: `关于第${i}批保密检查的通知`, docNo: `保发〔2026〕${i}号`, copyNumbers: `${i}` })),
    });
    expect(listCarriers(f.db, TODAY, { search: '保密检查' }).total).toBe(30);
    expect(listCarriers(f.db, TODAY, { search: '第12批' }).rows.map((r) => r.title)).toEqual(['关于第12批保密检查的通知']);
    expect(listCarriers(f.db, TODAY, { search: 'zt-2026-0007' }).rows.map((r) => r.number)).toEqual([got[6]!.number]);
    expect(listCarriers(f.db, TODAY, { search: '〔2026〕29号' }).total).toBe(1);
    expect(listCarriers(f.db, TODAY, { search: '100%' }).total).toBe(0);
    const page = listCarriers(f.db, TODAY, { search: '通知', offset: 25, limit: 10 });
    expect([page.total, page.rows.length]).toEqual([30, 5]);
    const c = got[3]!;
    correct(f.ctx(), { carrierId: c.id, occurredOn: TODAY, correctsEventId: c.lastEventId, reason: '标题错', patch: { title: '关于年终总结的报告' } });
    expect(listCarriers(f.db, TODAY, { search: '年终总结' }).rows.map((r) => r.id)).toEqual([c.id]);
    expect(listCarriers(f.db, TODAY, { search: '第3批' }).total).toBe(0);
    expect(listCarriers(f.db, TODAY, { search: '年' }).total).toBe(1);
    const later = listCarriers(f.db, TODAY, { offset: 10, limit: 5, withTotal: false });
    expect([later.total, later.rows.map((r) => r.number)]).toEqual([-1, got.slice(15, 20).reverse().map((c) => c.number)]);
  });
});
