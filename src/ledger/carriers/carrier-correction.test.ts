import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, item, ledgerFixture, ref, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { eventsOf } from '../events/event-store';
import { copyCarrier, receiveBatch } from './carrier-intake';
import { correct } from './carrier-disposal';
import { circulate, lend, takeOut } from './carrier-movements';
import type { Carrier } from './carrier-model';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const receiveOne = (over = {}) => receiveBatch(f.ctx(), { receivedOn: TODAY, receiverId: f.people.officer.id, items: [item(f, over)] })[0]!;
/** Corrects the carrier's latest event, on `today` (the day the correction is entered). */
const fix = (c: Carrier, patch: Record<string, unknown>, today = TODAY) =>
  correct(f.ctx(today), { carrierId: c.id, occurredOn: today, correctsEventId: eventsOf(f.db, 'carrier', c.id).at(-1)!.id, reason: '录入错误', patch });

describe('a correction is held to the rules of what it corrects', () => {
  it('R-15 a corrected loan due date stays within the maximum, counted from the day of the loan', () => {
    const c = lend(f.ctx(), { carrierId: receiveOne().id, occurredOn: TODAY, borrowerId: f.people.borrower.id, reason: '阅', dueOn: '2026-11-27', approval: approval(f.people.leader) });
    expect(refused(() => fix(c, { dueOn: '2028-11-20' })).message).toBe('R-15：借阅期限不得超过 30 天');
    // Entered on 12-10, a due date of 12-25 is 15 days from the correction but 35 from the loan.
    expect(refused(() => fix(c, { dueOn: '2026-12-25' }, '2026-12-10')).message).toBe('R-15：借阅期限不得超过 30 天');
    expect(refused(() => fix(c, { dueOn: '2026-11-19' })).message).toBe('R-15：借阅的应还日期不能早于借阅日期');
    expect(fix(c, { dueOn: '2026-12-15' }, '2026-12-10').dueOn).toBe('2026-12-15');
  });

  it('R-23 a corrected circulation due date stays within the circulation maximum', () => {
    const c = circulate(f.ctx(), { carrierId: receiveOne().id, occurredOn: TODAY, readerId: f.people.borrower.id, dueOn: TODAY });
    expect(refused(() => fix(c, { dueOn: '2027-01-20' })).message).toBe('R-23：传阅期限不得超过 30 天');
    expect(fix(c, { dueOn: '2026-11-21' }).dueOn).toBe('2026-11-21');
  });

  it('R-26 a corrected return date of a trip is not before the trip; an item not out has no due date to correct', () => {
    const trip = { occurredOn: TODAY, carrierPersonId: f.people.borrower.id, destination: '省保密局', reason: '汇报', untilOn: '2026-11-22', approval: approval(f.people.leader) };
    const c = takeOut(f.ctx(), { ...trip, carrierId: receiveOne().id });
    expect(refused(() => fix(c, { dueOn: '2026-11-19' })).message).toBe('R-26：返回日期不能早于外出日期');
    expect(fix(c, { dueOn: '2026-11-23' }).dueOn).toBe('2026-11-23');
    const home = receiveOne({ copyNumbers: '004' });
    expect(refused(() => fix(home, { dueOn: '2026-11-23' }))).toMatchObject({ code: 'VALIDATION', message: `载体 ${home.number} 当前没有借阅、传阅或携带外出，没有应还日期可更正` });
  });

  it('R-02 a correction cannot clear the 份号 of a 机密 item nor raise a registration to 绝密 without one', () => {
    const secret = receiveOne();
    expect(refused(() => fix(secret, { copyNumbers: '' })).message).toBe('R-02：机密载体必须登记份号');
    const plain = receiveOne({ level: 'mimi', copyNumbers: '' });
    expect(refused(() => fix(plain, { level: 'juemi' })).message).toBe('R-02：绝密载体必须登记份号');
    expect(fix(plain, { level: 'juemi', copyNumbers: '001' })).toMatchObject({ level: 'juemi', copyNumbers: '001' });
  });

  it('R-02 correcting one field keeps the others: 文号, 份号 and 备注 are not blanked', () => {
    const c = receiveOne({ note: '正本', scope: '局领导' });
    const fixed = fix(c, { pages: 8 });
    expect(fixed).toMatchObject({ pages: 8, docNo: c.docNo, copyNumbers: '003', note: '正本', scope: '局领导', issuer: c.issuer });
    expect(eventsOf(f.db, 'carrier', c.id).at(-1)?.payload).toMatchObject({ before: { pages: 12 }, after: { pages: 8 } });
    expect(Object.keys(eventsOf(f.db, 'carrier', c.id).at(-1)?.payload.after as object)).toEqual(['pages']);
  });

  it('R-25 a copy’s 份号 cannot be corrected to one its original already gave', () => {
    const original = receiveOne();
    const copy = { carrierId: original.id, occurredOn: TODAY, kind: 'copy' as const, count: 2, approval: approval(f.people.leader), custodianId: f.people.custodian.id, applicant: ref(f.people.borrower), maker: ref(f.people.officer) };
    const [first] = copyCarrier(f.ctx(), copy);
    expect(refused(() => fix(first!, { copyNumbers: '003-复2' })).message).toBe('R-25：份号「003-复2」在 ZT-2026-0001 及其复制件中已经使用，每份复制件须有自己的份号');
    expect(fix(first!, { copyNumbers: '003-复1A' }).copyNumbers).toBe('003-复1A');
  });
});
