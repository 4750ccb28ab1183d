import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, computer, item, ledgerFixture, medium, ref, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { receiveBatch, registerMade } from '../carriers/carrier-intake';
import { correct, declassify, handoverPerson, reportLost } from '../carriers/carrier-disposal';
import { lend, returnLoan } from '../carriers/carrier-movements';
import { getCarrier } from '../carriers/carrier-repo';
import { enableComputer, registerComputer } from '../devices/computer-commands';
import { bindMedium, issueMedium, recordMediumUse, registerMedium } from '../devices/medium-commands';
import { logUsage } from '../devices/usage-commands';
import { eventsOf } from './event-store';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const receiveOne = (receivedOn = TODAY, over = {}) => receiveBatch(f.ctx(), { receivedOn, receiverId: f.people.officer.id, items: [item(f, over)] })[0]!;
const loan = (carrierId: string, occurredOn: string, today = TODAY) =>
  lend(f.ctx(today), { carrierId, occurredOn, borrowerId: f.people.borrower.id, reason: '阅', dueOn: occurredOn, approval: approval(f.people.leader) });
const future = (date: string, today = TODAY, what = '日期') => `${what} ${date} 晚于今天（${today}），不能登记未来的事项`;
const beforeLast = (what: string, date: string, last: string) => `${what}：日期 ${date} 早于该${what.split(' ')[0]}上一条记录的日期（${last}），请按发生的先后登记`;

describe('every event of a carrier is dated no later than today and no earlier than the one before', () => {
  it('R-24 a loan is not dated before the item was received, and a return not before its loan', () => {
    const c = receiveOne();
    expect(refused(() => loan(c.id, '2020-01-01'))).toMatchObject({ code: 'VALIDATION', message: beforeLast(`载体 ${c.number}`, '2020-01-01', TODAY) });
    loan(c.id, TODAY);
    const back = { carrierId: c.id, intact: true, checkedBy: ref(f.people.officer) };
    expect(refused(() => returnLoan(f.ctx('2026-11-22'), { ...back, occurredOn: '2026-11-19' })).message).toBe(beforeLast(`载体 ${c.number}`, '2026-11-19', TODAY));
    expect(refused(() => returnLoan(f.ctx(), { ...back, occurredOn: '2026-11-21' })).message).toBe(future('2026-11-21'));
    expect(returnLoan(f.ctx('2026-11-22'), { ...back, occurredOn: '2026-11-22' }).state).toBe('in_store');
  });

  it('R-30 a loss is not reported in the future: the leak deadline runs from a day that has come', () => {
    const c = receiveOne();
    expect(refused(() => reportLost(f.ctx(), { carrierId: c.id, occurredOn: '2030-01-01', reportedTo: '保密委', circumstances: '未见' })).message).toBe(future('2030-01-01'));
    expect(getCarrier(f.db, c.id)).toMatchObject({ state: 'in_store', lostOn: null });
  });

  it('R-03 an item is not declassified "because its term ended" on a day in the future', () => {
    const c = receiveOne(TODAY, { level: 'mimi', copyNumbers: '', classifiedOn: '2020-01-01', term: { kind: 'years', value: 10 } });
    const input = { carrierId: c.id, occurredOn: '2050-01-01', basis: 'term_expired' as const, decidedBy: '国家保密局', approval: approval(f.people.leader) };
    expect(refused(() => declassify(f.ctx(), input)).message).toBe(future('2050-01-01'));
    expect(getCarrier(f.db, c.id).state).toBe('in_store');
  });

  it('R-20 at intake the 定密日期 is not after the 收文日期, which is not after today', () => {
    expect(refused(() => receiveOne(TODAY, { classifiedOn: '2099-01-01' })).message).toBe('定密日期 2099-01-01 晚于收文日期（2026-11-20），定密日期不能晚于收文日期');
    expect(refused(() => receiveOne('2031-01-01')).message).toBe(future('2031-01-01', TODAY, '收文日期'));
    expect(eventsOf(f.db, 'carrier', receiveOne(TODAY, { classifiedOn: TODAY }).id)).toHaveLength(1);
  });

  it('R-02 a self-made item is not made in the future, nor classified after it was made', () => {
    const fields = item(f, { issuer: '本单位', classifier: '王处长', classifyBasis: '保密事项范围第 3 条' });
    expect(refused(() => registerMade(f.ctx(), { madeOn: '2026-12-01', source: 'self_made', fields })).message).toBe(future('2026-12-01', TODAY, '自制日期'));
    expect(refused(() => registerMade(f.ctx(), { madeOn: '2026-10-01', source: 'print', fields })).message).toBe('定密日期 2026-11-01 晚于打印日期（2026-10-01），定密日期不能晚于打印日期');
    expect(registerMade(f.ctx(), { madeOn: '2026-11-01', source: 'self_made', fields }).receivedOn).toBe('2026-11-01');
  });

  it('a correction entered today fixes an old entry, and a later step may still carry its own earlier date', () => {
    const c = receiveOne('2026-11-05');
    const lent = loan(c.id, '2026-11-10', '2026-11-10');
    const fix = { carrierId: c.id, correctsEventId: lent.lastEventId, reason: '应还日期录错', patch: { dueOn: '2026-11-16' } };
    expect(refused(() => correct(f.ctx(), { ...fix, occurredOn: '2026-11-09' })).message).toBe('更正日期 2026-11-09 早于被更正记录的日期（2026-11-10）');
    expect(refused(() => correct(f.ctx(), { ...fix, occurredOn: '2026-11-21' })).message).toBe(future('2026-11-21'));
    expect(correct(f.ctx(), { ...fix, occurredOn: TODAY }).dueOn).toBe('2026-11-16');
    // Returned on the 15th, entered after the correction dated the 20th.
    expect(returnLoan(f.ctx(), { carrierId: c.id, occurredOn: '2026-11-15', intact: true, checkedBy: ref(f.people.officer) }).state).toBe('in_store');
    const registration = eventsOf(f.db, 'carrier', c.id)[0]!.id;
    expect(refused(() => correct(f.ctx(), { carrierId: c.id, occurredOn: TODAY, correctsEventId: registration, reason: '定密日期录错', patch: { classifiedOn: '2026-11-06' } })).message).toBe(
      '定密日期 2026-11-06 晚于登记日期（2026-11-05），定密日期不能晚于登记日期',
    );
  });

  it('R-28 a handover dated before a step of one of the items names that item and records nothing', () => {
    const early = receiveOne('2026-11-05', { custodianId: f.people.borrower.id });
    const late = receiveOne(TODAY, { custodianId: f.people.borrower.id, copyNumbers: '004' });
    const input = { occurredOn: '2026-11-10', fromId: f.people.borrower.id, toId: f.people.custodian.id, leader: ref(f.people.leader), bothSigned: true };
    expect(refused(() => handoverPerson(f.ctx(), input)).message).toBe(beforeLast(`载体 ${late.number}`, '2026-11-10', TODAY));
    expect([getCarrier(f.db, early.id).custodianId, getCarrier(f.db, late.id).custodianId]).toEqual([f.people.borrower.id, f.people.borrower.id]);
  });
});

describe('every event of a computer or medium is dated the same way', () => {
  it('R-31 a computer is not registered in the future nor enabled before it was registered', () => {
    const fields = { number: 'JSJ-100', level: 'jimi' as const, kind: 'desktop' as const, responsibleId: f.people.custodian.id };
    expect(refused(() => registerComputer(f.ctx(), { registeredOn: '2026-11-21', fields })).message).toBe(future('2026-11-21'));
    const c = registerComputer(f.ctx(), { registeredOn: '2026-11-10', fields });
    expect(refused(() => enableComputer(f.ctx(), { computerId: c.id, occurredOn: '2026-11-09', checkedOn: '2026-11-01', labelApplied: true, level: 'jimi' })).message).toBe(
      beforeLast('计算机 JSJ-100', '2026-11-09', '2026-11-10'),
    );
  });

  it('R-32 a session entered afterwards is not dated before the computer was enabled, but missed days are filled in in any order', () => {
    const c = computer(f, 'JSJ-101');
    const session = (day: string) => ({ computerId: c.id, userId: f.people.borrower.id, work: '起草', startedAt: `${day}T01:00:00.000Z`, endedAt: `${day}T02:00:00.000Z`, highestLevel: 'mimi' as const });
    expect(refused(() => logUsage(f.ctx(), session('2026-11-01'))).message).toBe(beforeLast('计算机 JSJ-101', '2026-11-01', '2026-11-02'));
    expect(refused(() => logUsage(f.ctx(), session('2026-11-21'))).message).toBe(future('2026-11-21'));
    logUsage(f.ctx(), session('2026-11-12'));
    expect(logUsage(f.ctx(), session('2026-11-10')).workDate).toBe('2026-11-10');
  });

  it('R-35 a medium is not issued before it was registered, nor recorded as used in the future', () => {
    const m = registerMedium(f.ctx(), { registeredOn: '2026-11-10', fields: { number: 'U-100', kind: 'usb', level: 'jimi', responsibleId: f.people.custodian.id } });
    const issue = { mediumId: m.id, recipientId: f.people.borrower.id, recipientSigned: true, pledgeOn: '2026-11-01' };
    expect(refused(() => issueMedium(f.ctx(), { ...issue, occurredOn: '2026-11-09' })).message).toBe(beforeLast('介质 U-100', '2026-11-09', '2026-11-10'));
    const used = medium(f, 'U-101');
    const c = computer(f, 'JSJ-102');
    bindMedium(f.ctx(), { mediumId: used.id, computerId: c.id, occurredOn: TODAY });
    const use = { mediumId: used.id, computerId: c.id, occurredOn: '2026-12-01', operation: 'read' as const, summary: '读取', level: 'mimi' as const, operator: ref(f.people.borrower) };
    expect(refused(() => recordMediumUse(f.ctx(), use)).message).toBe(future('2026-12-01'));
  });
});
