import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, ledgerFixture, medium, ref, TODAY, receiveCarriers, type LedgerFixture } from '../../testing/ledger-fixture';
import { reportMediumLost } from '../devices/medium-commands';
import { destroyBatch } from '../carriers/carrier-disposal';
import { lend } from '../carriers/carrier-movements';
import { monthEvidence } from '../inspections/evidence';
import { dueItems } from './due-engine';
import { carriersDueBy, dayBefore, termsEndingBy } from './due-queries';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const receive = (n: number, over = {}) => receiveCarriers(f, n, over);

describe('due queries shared by the home page and the monthly evidence', () => {
  it('R-24 a loan due today is due soon on the home page, not yet overdue in the evidence; due yesterday it is overdue in both', () => {
    const [today, yesterday] = receive(2);
    const lendUntil = (id: string, dueOn: string) =>
      lend(f.ctx('2026-11-03'), { carrierId: id, occurredOn: '2026-11-03', borrowerId: f.people.borrower.id, reason: '阅', dueOn, approval: approval(f.people.leader) });
    lendUntil(today!.id, '2026-11-20');
    lendUntil(yesterday!.id, '2026-11-19');
    const ctx = f.ctx('2026-11-20');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(carriersDueBy(f.db, dayBefore(ctx.today)).map((c) => c.id)).toEqual([yesterday!.id]);
    const home = dueItems(ctx, null).filter((d) => d.kind === 'loan');
    expect(home.map((d) => [d.link.id, d.urgency])).toEqual([
      [yesterday!.id, 'overdue'],
      [today!.id, 'due_soon'],
    ]);
    const evidence = monthEvidence(ctx, '2026-11', null).overdue_loans;
    expect(evidence.count).toBe(1);
    expect(evidence.links[0]?.id).toBe(yesterday!.id);
  });

  it('R-03 a destroyed carrier has no term left to review', () => {
    const [kept, gone] = receive(2, { level: 'mimi', classifiedOn: '2016-12-10', term: { kind: 'years', value: 10 } });
    expect(termsEndingBy(f.db, '2026-12-31').map((c) => c.id).sort()).toEqual([kept!.id, gone!.id].sort());
    destroyBatch(f.ctx(), {
      occurredOn: TODAY,
      carrierIds: [gone!.id],
      reason: '已过保存期',
      applicant: ref(f.people.custodian),
      approval: approval(f.people.leader),
      method: 'pulping',
      place: '市保密局销毁中心',
      destroyer: ref(f.people.custodian),
      witnesses: [ref(f.people.witnessA), ref(f.people.witnessB)],
    });
    expect(termsEndingBy(f.db, '2026-12-31').map((c) => c.id)).toEqual([kept!.id]);
  });

  it('R-30 a lost medium is on the due list with a carrier’s timer: due soon, then treated as a leak', () => {
    const m = medium(f, 'U-070');
    reportMediumLost(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-10', reportedTo: '保密委', circumstances: '清点未见' });
    const losses = (today: string) => dueItems(f.ctx(today), null).filter((d) => d.kind === 'loss').map((d) => [d.urgency, d.title, d.dueOn, d.link]);
    expect(losses(TODAY)).toEqual([['due_soon', '介质遗失：U-070，2027-01-09 前未找到即视为泄密', '2027-01-09', { type: 'medium', id: m.id }]]);
    expect(losses('2027-01-09')).toEqual([['overdue', '已视为泄密：介质 U-070，调查须于 2027-02-10 前结束', '2027-02-10', { type: 'medium', id: m.id }]]);
  });
});
