import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, item, ledgerFixture, ref, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { copyCarrier, receiveBatch } from './carrier-intake';
import { destroyBatch } from './carrier-disposal';
import { distribute, lend } from './carrier-movements';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const receiveOne = (over = {}) => receiveBatch(f.ctx(), { receivedOn: TODAY, receiverId: f.people.officer.id, items: [item(f, over)] })[0]!;

const destruction = (carrierId: string) => ({
  occurredOn: TODAY,
  carrierIds: [carrierId],
  reason: '已过保存期',
  applicant: ref(f.people.custodian),
  approval: approval(f.people.leader),
  method: 'pulping' as const,
  place: '市保密局销毁中心',
  destroyer: ref(f.people.officer),
  witnesses: [ref(f.people.witnessA), ref(f.people.witnessB)],
});

describe('R-29 / R-25 approvals are someone else’s', () => {
  it('R-29 a destruction is not approved by the person destroying nor by the applicant', () => {
    const c = receiveOne();
    const input = destruction(c.id);
    expect(refused(() => destroyBatch(f.ctx(), { ...input, approval: approval(f.people.officer) })).message).toBe('R-29：销毁须经他人批准，批准人不能是销毁人本人');
    expect(refused(() => destroyBatch(f.ctx(), { ...input, approval: approval(f.people.custodian) })).message).toBe('R-29：销毁须经他人批准，批准人不能是申请人本人');
    // By name alone, as a leader outside the people list is entered, the same person is caught.
    const byName = { ...approval(f.people.officer), approver: { name: '张 保密' } };
    expect(refused(() => destroyBatch(f.ctx(), { ...input, approval: byName })).message).toBe('R-29：销毁须经他人批准，批准人不能是销毁人本人');
    expect(destroyBatch(f.ctx(), input).carriers.map((x) => x.state)).toEqual(['destroyed']);
  });

  it('R-25 a copy is not approved by the one who asked for it nor by the one who makes it', () => {
    const c = receiveOne();
    const input = { carrierId: c.id, occurredOn: TODAY, kind: 'copy' as const, count: 1, custodianId: f.people.custodian.id, applicant: ref(f.people.borrower), maker: ref(f.people.officer) };
    expect(refused(() => copyCarrier(f.ctx(), { ...input, approval: approval(f.people.borrower) })).message).toBe('R-25：复制须经他人批准，批准人不能是申请人本人');
    expect(refused(() => copyCarrier(f.ctx(), { ...input, kind: 'excerpt', approval: approval(f.people.officer) })).message).toBe('R-25：摘录须经他人批准，批准人不能是摘录人本人');
    expect(copyCarrier(f.ctx(), { ...input, approval: approval(f.people.leader) })).toHaveLength(1);
  });
});

describe('R-29 / R-22 a person named with an id is that person', () => {
  it('R-29 two witnesses with different ids but one name are not two witnesses', () => {
    const c = receiveOne();
    const input = destruction(c.id);
    const twin = { personId: f.people.witnessB.id, name: f.people.witnessA.name };
    expect(refused(() => destroyBatch(f.ctx(), { ...input, witnesses: [ref(f.people.witnessA), twin] }))).toMatchObject({
      code: 'VALIDATION',
      message: '人员编号与姓名不符：填写的是「孙监销」，名册中为「周监销」',
    });
    const unknown = { personId: 'no-such-person', name: f.people.witnessA.name };
    expect(refused(() => destroyBatch(f.ctx(), { ...input, witnesses: [ref(f.people.witnessA), unknown] })).message).toBe('「孙监销」不在人员名册中，请从名册中选择或只填写姓名');
    expect(destroyBatch(f.ctx(), { ...input, witnesses: [ref(f.people.witnessA), { name: '钱监销' }] }).carriers).toHaveLength(1);
  });

  it('R-24 an approver given with someone else’s id does not hide that the borrower approves their own loan', () => {
    const c = receiveOne();
    const own = { ...approval(f.people.leader), approver: { personId: f.people.leader.id, name: f.people.borrower.name } };
    const loan = { carrierId: c.id, occurredOn: TODAY, borrowerId: f.people.borrower.id, reason: '阅', dueOn: TODAY, approval: own };
    expect(refused(() => lend(f.ctx(), loan)).message).toBe('人员编号与姓名不符：填写的是「李借阅」，名册中为「王处长」');
  });

  it('R-22 two couriers of a 绝密 item under one name with two ids are not two people', () => {
    const c = receiveOne({ level: 'juemi' });
    const couriers = [ref(f.people.officer), { personId: f.people.witnessA.id, name: f.people.officer.name }];
    const input = { carrierId: c.id, occurredOn: TODAY, recipientId: f.people.borrower.id, withinScope: true, recipientSigned: true, transfer: { method: 'by_hand' as const, couriers } };
    expect(refused(() => distribute(f.ctx(), input)).code).toBe('VALIDATION');
  });
});
