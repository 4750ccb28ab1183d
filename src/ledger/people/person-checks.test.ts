import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, computer, departed, item, ledgerFixture, medium, ref, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { copyCarrier, receiveBatch } from '../carriers/carrier-intake';
import { circulate, distribute, lend, returnLoan, takeOut } from '../carriers/carrier-movements';
import { handoverPerson } from '../carriers/carrier-disposal';
import { getCarrier } from '../carriers/carrier-repo';
import { moveComputer, registerComputer } from '../devices/computer-commands';
import { issueMedium, lendMedium, registerMedium, takeOutMedium } from '../devices/medium-commands';
import { logUsage, startUsage } from '../devices/usage-commands';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const receiveOne = (over = {}) => receiveBatch(f.ctx(), { receivedOn: TODAY, receiverId: f.people.officer.id, items: [item(f, over)] })[0]!;
const gone = (role: string, kind = '离职') => `R-14：钱离职已于 2026-11-10 ${kind}，不能再作为${role}`;

describe('R-14 / R-28 nobody who has left is given anything', () => {
  it('R-14 a person who has left cannot be given a carrier: borrower, reader, bearer, recipient, custodian or receiver', () => {
    const left = departed(f);
    const c = receiveOne();
    const on = { carrierId: c.id, occurredOn: TODAY };
    expect(refused(() => lend(f.ctx(), { ...on, borrowerId: left.id, reason: '阅', dueOn: TODAY, approval: approval(f.people.leader) })).message).toBe(gone('借阅人'));
    expect(refused(() => circulate(f.ctx(), { ...on, readerId: left.id, dueOn: TODAY })).message).toBe(gone('传阅人'));
    const trip = { ...on, carrierPersonId: left.id, destination: '省保密局', reason: '汇报', untilOn: TODAY, approval: approval(f.people.leader) };
    expect(refused(() => takeOut(f.ctx(), trip)).message).toBe(gone('携带人'));
    const dispatch = { ...on, recipientId: left.id, withinScope: true, recipientSigned: true, transfer: { method: 'by_hand' as const, couriers: [ref(f.people.officer)] } };
    expect(refused(() => distribute(f.ctx(), dispatch)).message).toBe(gone('接收人'));
    expect(refused(() => receiveOne({ custodianId: left.id })).message).toBe(gone('保管人'));
    expect(refused(() => receiveBatch(f.ctx(), { receivedOn: TODAY, receiverId: left.id, items: [item(f)] })).message).toBe(gone('签收人'));
    const copy = { ...on, kind: 'copy' as const, count: 1, approval: approval(f.people.leader), custodianId: left.id, applicant: ref(f.people.borrower), maker: ref(f.people.officer) };
    expect(refused(() => copyCarrier(f.ctx(), copy)).message).toBe(gone('保管人'));
    const handover = { occurredOn: TODAY, fromId: f.people.custodian.id, toId: left.id, leader: ref(f.people.leader), bothSigned: true };
    expect(refused(() => handoverPerson(f.ctx(), handover)).message).toBe(gone('接收人'));
    expect(getCarrier(f.db, c.id)).toMatchObject({ state: 'in_store', holderId: null, custodianId: f.people.custodian.id });
  });

  it('R-14 someone who left only the post (still on the roll) is refused as well', () => {
    const left = departed(f, 'left_post');
    expect(left).toMatchObject({ active: true, leftOn: '2026-11-10' });
    const c = receiveOne();
    const loan = { carrierId: c.id, occurredOn: TODAY, borrowerId: left.id, reason: '阅', dueOn: TODAY, approval: approval(f.people.leader) };
    expect(refused(() => lend(f.ctx(), loan)).message).toBe(gone('借阅人', '离岗'));
  });

  it('R-14 a person who has left cannot be issued, lent or sent out with a medium, made responsible for a device, or given a computer', () => {
    const left = departed(f);
    const m = medium(f, 'U-100');
    expect(refused(() => issueMedium(f.ctx(), { mediumId: m.id, occurredOn: TODAY, recipientId: left.id, recipientSigned: true, pledgeOn: TODAY })).message).toBe(gone('领用人'));
    const loan = { mediumId: m.id, occurredOn: TODAY, borrowerId: left.id, reason: '拷贝', dueOn: TODAY, approval: approval(f.people.leader) };
    expect(refused(() => lendMedium(f.ctx(), loan)).message).toBe(gone('借用人'));
    const trip = { mediumId: m.id, occurredOn: TODAY, bearerId: left.id, destination: '省局', untilOn: TODAY, approval: approval(f.people.leader) };
    expect(refused(() => takeOutMedium(f.ctx(), trip)).message).toBe(gone('携带人'));
    expect(refused(() => registerMedium(f.ctx(), { registeredOn: TODAY, fields: { number: 'U-101', kind: 'usb', level: 'mimi', responsibleId: left.id } })).message).toBe(gone('责任人'));
    const fields = { number: 'JSJ-100', level: 'jimi' as const, kind: 'desktop' as const, responsibleId: f.people.custodian.id };
    expect(refused(() => registerComputer(f.ctx(), { registeredOn: TODAY, fields: { ...fields, userId: left.id } })).message).toBe(gone('使用人'));
    expect(refused(() => registerComputer(f.ctx(), { registeredOn: TODAY, fields: { ...fields, responsibleId: left.id } })).message).toBe(gone('责任人'));
    const c = computer(f, 'JSJ-101');
    expect(refused(() => moveComputer(f.ctx(), { computerId: c.id, occurredOn: TODAY, userId: left.id })).message).toBe(gone('使用人'));
    expect(refused(() => startUsage(f.ctx(), { computerId: c.id, userId: left.id, work: '起草' })).message).toBe(gone('计算机使用人'));
  });

  it('R-14 a session worked before leaving may still be entered afterwards; one on or after the leaving day may not', () => {
    const left = departed(f);
    const c = computer(f, 'JSJ-102');
    const session = { computerId: c.id, userId: left.id, work: '校对', highestLevel: 'mimi' as const };
    expect(logUsage(f.ctx(), { ...session, startedAt: '2026-11-09T01:00:00.000Z', endedAt: '2026-11-09T03:00:00.000Z' })).toMatchObject({ userName: '钱离职', workDate: '2026-11-09' });
    expect(refused(() => logUsage(f.ctx(), { ...session, startedAt: '2026-11-12T01:00:00.000Z', endedAt: '2026-11-12T03:00:00.000Z' })).message).toBe(gone('计算机使用人'));
  });

  it('R-28 what a departed person still holds (recorded before this check) can be returned and handed over', () => {
    const c = receiveOne({ custodianId: f.people.borrower.id });
    const lent = receiveOne();
    lend(f.ctx(), { carrierId: lent.id, occurredOn: TODAY, borrowerId: f.people.borrower.id, reason: '阅', dueOn: TODAY, approval: approval(f.people.leader) });
    // An older ledger: the person was marked as left while still holding these two.
    f.db.prepare("UPDATE people SET left_on = '2026-11-10', leave_kind = 'left_unit', active = 0 WHERE id = ?").run(f.people.borrower.id);
    expect(returnLoan(f.ctx(), { carrierId: lent.id, occurredOn: TODAY, intact: true, checkedBy: ref(f.people.officer) }).state).toBe('in_store');
    const r = handoverPerson(f.ctx(), { occurredOn: TODAY, fromId: f.people.borrower.id, toId: f.people.custodian.id, leader: ref(f.people.leader), bothSigned: true });
    expect(r.carriers.map((x) => x.id)).toEqual([c.id]);
    expect(getCarrier(f.db, c.id).custodianId).toBe(f.people.custodian.id);
  });
});
