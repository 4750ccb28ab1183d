import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, item, ledgerFixture, medium, ref, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { markMediumFound, reportMediumLost, requestMediumDestruction } from '../devices/medium-commands';
import { holdingsOf, leave } from '../people/departure';
import { archive, declassify, handoverPerson, markFound, reportLost, requestDestruction } from './carrier-disposal';
import { receiveBatch } from './carrier-intake';
import { lend } from './carrier-movements';
import { carriersHeldBy, getCarrier } from './carrier-repo';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const receiveOne = (over = {}) => receiveBatch(f.ctx(), { receivedOn: '2026-11-02', receiverId: f.people.officer.id, items: [item(f, over)] })[0]!;
const lose = (carrierId: string, occurredOn = '2026-11-12') => reportLost(f.ctx(), { carrierId, occurredOn, reportedTo: '保密委', circumstances: '清点未见' });
const find = (carrierId: string) => markFound(f.ctx(), { carrierId, occurredOn: TODAY, where: '档案室' });
const leaving = (personId: string) => ({ personId, kind: 'left_unit' as const, approvedOn: TODAY });

describe('R-14 / R-30 what went missing in someone’s keeping keeps them from leaving', () => {
  it('R-14 a custodian whose item is 下落不明 cannot be marked as left until it is found and handed over', () => {
    const c = receiveOne({ custodianId: f.people.borrower.id });
    lose(c.id);
    const e = refused(() => leave(f.ctx(), leaving(f.people.borrower.id)));
    expect(e.message).toBe(`R-14：李借阅 名下仍有 1 项涉密载体、介质或计算机未清退（${c.number}），须先办理清退移交（R-28）`);
    expect(holdingsOf(f.ctx(), f.people.borrower.id).map((h) => [h.number, h.how])).toEqual([[c.number, 'custody']]);
    const handover = { occurredOn: TODAY, fromId: f.people.borrower.id, toId: f.people.custodian.id, leader: ref(f.people.leader), bothSigned: true };
    expect(refused(() => handoverPerson(f.ctx(), handover)).message).toBe(`李借阅 名下只有下落不明的载体（${c.number}），找回后才能移交`);
    find(c.id);
    handoverPerson(f.ctx(), handover);
    expect(leave(f.ctx(), leaving(f.people.borrower.id)).leftOn).toBe(TODAY);
  });

  it('R-14 an item lost while on loan stays on the borrower’s list; a handover passes it over and hands the rest', () => {
    const onLoan = receiveOne();
    lend(f.ctx(), { carrierId: onLoan.id, occurredOn: '2026-11-05', borrowerId: f.people.borrower.id, reason: '阅', dueOn: '2026-11-20', approval: approval(f.people.leader) });
    lose(onLoan.id);
    const kept = receiveOne({ custodianId: f.people.borrower.id, copyNumbers: '004' });
    expect(carriersHeldBy(f.db, f.people.borrower.id).map((c) => c.number)).toEqual([onLoan.number, kept.number]);
    const r = handoverPerson(f.ctx(), { occurredOn: TODAY, fromId: f.people.borrower.id, toId: f.people.custodian.id, leader: ref(f.people.leader), bothSigned: true });
    expect(r.carriers.map((c) => c.number)).toEqual([kept.number]);
    expect(refused(() => leave(f.ctx(), leaving(f.people.borrower.id))).message).toMatch(new RegExp(`^R-14：李借阅 名下仍有 1 项.*（${onLoan.number}）`));
  });

  it('R-14 a medium reported lost keeps its responsible person from leaving', () => {
    const m = medium(f, 'U-200');
    reportMediumLost(f.ctx(), { mediumId: m.id, occurredOn: TODAY, reportedTo: '保密委', circumstances: '未找到' });
    expect(refused(() => leave(f.ctx(), leaving(f.people.borrower.id))).message).toMatch(/^R-14：李借阅 名下仍有 1 项.*（U-200）/);
  });
});

describe('R-30 a found item goes back to the state it had when it went missing', () => {
  it('R-30 an item awaiting destruction, archived or declassified keeps that state when found', () => {
    const [toDestroy, archived, declassified] = [receiveOne(), receiveOne({ copyNumbers: '004' }), receiveOne({ copyNumbers: '005' })];
    requestDestruction(f.ctx(), { carrierId: toDestroy.id, occurredOn: '2026-11-10' });
    archive(f.ctx(), { carrierId: archived.id, occurredOn: '2026-11-10' });
    declassify(f.ctx(), { carrierId: declassified.id, occurredOn: '2026-11-10', basis: 'decision', decidedBy: '国家保密局', approval: approval(f.people.leader) });
    for (const c of [toDestroy, archived, declassified]) lose(c.id);
    expect([toDestroy, archived, declassified].map((c) => find(c.id).state)).toEqual(['pending_destruction', 'archived', 'declassified']);
    expect(getCarrier(f.db, archived.id)).toMatchObject({ lostOn: null, holderId: null });
  });

  it('R-30 found after a second loss, the item goes back to the state before that loss', () => {
    const c = receiveOne();
    lose(c.id, '2026-11-05');
    find(c.id);
    archive(f.ctx(), { carrierId: c.id, occurredOn: TODAY });
    lose(c.id, TODAY);
    expect(find(c.id).state).toBe('archived');
  });

  it('R-30 an item lost while lent comes back to the store: the loan is over', () => {
    const c = receiveOne();
    lend(f.ctx(), { carrierId: c.id, occurredOn: '2026-11-05', borrowerId: f.people.borrower.id, reason: '阅', dueOn: '2026-11-20', approval: approval(f.people.leader) });
    lose(c.id);
    expect(find(c.id)).toMatchObject({ state: 'in_store', holderId: null, dueOn: null });
  });

  it('R-30 a medium lost while awaiting destruction is found awaiting destruction', () => {
    const m = medium(f, 'U-201');
    requestMediumDestruction(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-10' });
    reportMediumLost(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-12', reportedTo: '保密委', circumstances: '未找到' });
    expect(markMediumFound(f.ctx(), { mediumId: m.id, occurredOn: TODAY }).state).toBe('pending_destruction');
  });
});
