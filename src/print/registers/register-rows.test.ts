import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, item, ledgerFixture, ref, type LedgerFixture } from '../../testing/ledger-fixture';
import { receiveBatch } from '../../ledger/carriers/carrier-intake';
import { lend, returnLoan } from '../../ledger/carriers/carrier-movements';
import { eventLines } from './register-rows';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const loans = (levels: ('mimi' | 'jimi' | 'juemi')[] = []) => eventLines(f.db, { types: ['lent'], closingTypes: ['loan_returned'], from: '2026-11-01', to: '2026-11-30', levels });

describe('register lines from the event log', () => {
  it('each loan line is closed by the first return after it, and only by that one', () => {
    const [a, b] = receiveBatch(f.ctx(), { receivedOn: '2026-11-02', receiverId: f.people.officer.id, items: [item(f, { copyNumbers: '1' }), item(f, { copyNumbers: '2' })] });
    const loan = (id: string, on: string) => lend(f.ctx(on), { carrierId: id, occurredOn: on, borrowerId: f.people.borrower.id, reason: '阅', dueOn: '2026-11-28', approval: approval(f.people.leader) });
    const back = (id: string, on: string) => returnLoan(f.ctx(on), { carrierId: id, occurredOn: on, intact: true, checkedBy: ref(f.people.officer) });
    loan(a!.id, '2026-11-03');
    back(a!.id, '2026-11-05');
    loan(a!.id, '2026-11-10');
    back(a!.id, '2026-11-12');
    loan(b!.id, '2026-11-11');
    const lines = loans();
    expect(lines.map((l) => [l.carrier.number, l.event.occurredOn, l.closedBy?.occurredOn ?? null])).toEqual([
      [a!.number, '2026-11-03', '2026-11-05'],
      [a!.number, '2026-11-10', '2026-11-12'],
      [b!.number, '2026-11-11', null],
    ]);
    expect(lines[0]?.closedBy?.type).toBe('loan_returned');
    expect(lines[0]?.marking).toMatch(/★/);
    // The level filter works on the item's level, in the same query.
    expect(loans([a!.level as 'mimi'])).toHaveLength(3);
    expect(loans(a!.level === 'juemi' ? ['mimi'] : ['juemi'])).toEqual([]);
  });
});
