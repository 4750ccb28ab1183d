import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, item, ledgerFixture, medium, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { receiveBatch } from '../carriers/carrier-intake';
import { lend } from '../carriers/carrier-movements';
import { lendMedium } from '../devices/medium-commands';
import { endSession, scan, startSession } from './reconciliation';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

describe('a count of one person', () => {
  it('R-28 expects what they keep and what they have on loan, marked so; what others have of theirs is away', () => {
    const [borrowed, theirs] = receiveBatch(f.ctx(), {
      receivedOn: '2026-11-02',
      receiverId: f.people.officer.id,
      items: [item(f, { copyNumbers: '1' }), item(f, { copyNumbers: '2', custodianId: f.people.borrower.id })],
    });
    const lendTo = (carrierId: string, borrowerId: string) =>
      lend(f.ctx(), { carrierId, occurredOn: TODAY, borrowerId, reason: '阅', dueOn: TODAY, approval: approval(f.people.leader) });
    lendTo(borrowed!.id, f.people.borrower.id);
    lendTo(theirs!.id, f.people.witnessA.id);
    // Issued to the borrower (responsible), then lent to witness A.
    const m = medium(f, 'U-003');
    lendMedium(f.ctx(), { mediumId: m.id, occurredOn: TODAY, borrowerId: f.people.witnessA.id, reason: '拷贝', dueOn: TODAY, approval: approval(f.people.leader) });

    const s = startSession(f.ctx(), { purpose: 'adhoc', scopeKind: 'person', scopeId: f.people.borrower.id });
    expect(s.expected).toBe(1);
    expect(scan(f.ctx(), { sessionId: s.sessionId, code: borrowed!.number })).toMatchObject({ result: 'sighted', sighted: 1, expected: 1 });
    const r = endSession(f.ctx(), { sessionId: s.sessionId });
    expect(r.sighted).toEqual([{ kind: 'carrier', id: borrowed!.id, number: borrowed!.number, title: borrowed!.title, how: 'on_loan' }]);
    expect(r.away.map((x) => x.number)).toEqual([theirs!.number, 'U-003']);

    // Witness A's count: the carrier and the medium lent to them, both on loan.
    const a = startSession(f.ctx(), { purpose: 'adhoc', scopeKind: 'person', scopeId: f.people.witnessA.id });
    expect(endSession(f.ctx(), { sessionId: a.sessionId }).missing.map((x) => [x.number, x.how])).toEqual([
      [theirs!.number, 'on_loan'],
      ['U-003', 'on_loan'],
    ]);
  });
});
