import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, item, ledgerFixture, ref, type LedgerFixture } from '../../testing/ledger-fixture';
import { receiveBatch } from '../../ledger/carriers/carrier-intake';
import { lend, returnLoan } from '../../ledger/carriers/carrier-movements';
import { correct, markFound, reportLost } from '../../ledger/carriers/carrier-disposal';
import type { Db } from '../../db/open-database';
import { eventsOf } from '../../ledger/events/event-store';
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

  it('R-30 a loan ends at a loss without a return: the return after it is found belongs to no earlier line', () => {
    const [a] = receiveBatch(f.ctx(), { receivedOn: '2026-11-02', receiverId: f.people.officer.id, items: [item(f)] });
    lend(f.ctx('2026-11-03'), { carrierId: a!.id, occurredOn: '2026-11-03', borrowerId: f.people.borrower.id, reason: '阅', dueOn: '2026-11-28', approval: approval(f.people.leader) });
    reportLost(f.ctx('2026-11-05'), { carrierId: a!.id, occurredOn: '2026-11-05', reportedTo: '保密办', circumstances: '遗失' });
    markFound(f.ctx('2026-11-07'), { carrierId: a!.id, occurredOn: '2026-11-07', where: '会议室' });
    lend(f.ctx('2026-11-10'), { carrierId: a!.id, occurredOn: '2026-11-10', borrowerId: f.people.borrower.id, reason: '阅', dueOn: '2026-11-28', approval: approval(f.people.leader) });
    returnLoan(f.ctx('2026-11-12'), { carrierId: a!.id, occurredOn: '2026-11-12', intact: true, checkedBy: ref(f.people.officer) });
    const lines = eventLines(f.db, { types: ['lent'], closingTypes: ['loan_returned'], interruptingTypes: ['lost'], from: '2026-11-01', to: '2026-11-30', levels: [] });
    expect(lines.map((l) => [l.event.occurredOn, l.closedBy?.occurredOn ?? null, l.interruptedBy?.type ?? null])).toEqual([
      ['2026-11-03', null, 'lost'],
      ['2026-11-10', '2026-11-12', null],
    ]);
  });

  it('reads any number of lines, with their closers and corrections, in two queries', () => {
    const count = (n: number) => {
      const items = receiveBatch(f.ctx(), { receivedOn: '2026-11-02', receiverId: f.people.officer.id, items: Array.from({ length: n }, (_, i) => item(f, { copyNumbers: String(i + 1) })) });
      for (const c of items) {
        lend(f.ctx('2026-11-03'), { carrierId: c.id, occurredOn: '2026-11-03', borrowerId: f.people.borrower.id, reason: '阅', dueOn: '2026-11-06', approval: approval(f.people.leader) });
        const lent = eventsOf(f.db, 'carrier', c.id).at(-1)!;
        correct(f.ctx('2026-11-04'), { carrierId: c.id, occurredOn: '2026-11-04', correctsEventId: lent.id, reason: '录错', patch: { dueOn: '2026-11-09' } });
        returnLoan(f.ctx('2026-11-05'), { carrierId: c.id, occurredOn: '2026-11-05', intact: true, checkedBy: ref(f.people.officer) });
      }
      let runs = 0;
      // Each statement run goes through a fresh wrapper, so cached statements are counted too.
      const counting = new Proxy(f.db, {
        get: (db, k) =>
          k === 'prepare'
            ? (text: string) => {
                const st = db.prepare(text);
                return new Proxy(st, { get: (s, m) => (m === 'all' || m === 'get' ? (...a: unknown[]) => (runs++, (s[m] as (...x: unknown[]) => unknown)(...a)) : Reflect.get(s, m, s)) });
              }
            : Reflect.get(db, k, db),
      }) as Db;
      const lines = eventLines(counting, { types: ['lent'], closingTypes: ['loan_returned'], interruptingTypes: ['lost'], from: '2026-11-01', to: '2026-11-30', levels: [] });
      expect(lines.every((l) => l.closedBy?.type === 'loan_returned' && l.payload.dueOn === '2026-11-09' && l.corrected.has('dueOn'))).toBe(true);
      return { lines: lines.length, runs };
    };
    expect(count(1)).toEqual({ lines: 1, runs: 2 });
    // Five more loans, six lines in all: still two queries.
    expect(count(5)).toEqual({ lines: 6, runs: 2 });
  });
});
