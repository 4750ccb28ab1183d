import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings-schema';
import { item, ledgerFixture, ref, type LedgerFixture } from '../testing/ledger-fixture';
import { receiveBatch } from './carriers/carrier-intake';
import { distribute } from './carriers/carrier-movements';
import { nextNumber } from './numbering';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

// Patterns stored before {year} was required: they still load, and must not repeat numbers.
const legacy: Settings = { ...DEFAULT_SETTINGS, receiptNumberPattern: 'SW-{seq}', dispatchNumberPattern: 'FW-{seq}' };
const ctx = (today: string) => ({ ...f.ctx(today), settings: legacy });
const receiveOn = (on: string) =>
  receiveBatch(ctx(on), { receivedOn: on, receiverId: f.people.officer.id, items: [item(f, { classifiedOn: '2026-12-01' })] })[0]!;

describe('numbering', () => {
  it('R-20 a 收文编号 already given in an earlier year is skipped when the sequence restarts (pattern without {year})', () => {
    const a = receiveOn('2026-12-30');
    const b = receiveOn('2027-01-04');
    expect([a.receiptNo, b.receiptNo]).toEqual(['SW-0001', 'SW-0002']);
    expect([a.number, b.number]).toEqual(['ZT-2026-0001', 'ZT-2027-0001']);
  });

  it('R-21 a 发文编号 already given in an earlier year is skipped when the sequence restarts (pattern without {year})', () => {
    const [a, b] = [receiveOn('2026-12-30'), receiveOn('2027-01-04')];
    const send = (carrierId: string, on: string) =>
      distribute(ctx(on), { carrierId, occurredOn: on, recipientId: f.people.borrower.id, withinScope: true, recipientSigned: true, transfer: { method: 'by_hand', couriers: [ref(f.people.officer)] } });
    expect([send(a.id, '2026-12-31').dispatchNo, send(b.id, '2027-01-05').dispatchNo]).toEqual(['FW-0001', 'FW-0002']);
  });

  it('numbers with {year} restart each year as before', () => {
    const defaults = (on: string) =>
      receiveBatch(f.ctx(on), { receivedOn: on, receiverId: f.people.officer.id, items: [item(f, { classifiedOn: '2026-12-01' })] })[0]!;
    expect([defaults('2026-12-30').receiptNo, defaults('2027-01-04').receiptNo]).toEqual(['SW-2026-0001', 'SW-2027-0001']);
    expect(nextNumber(f.db, 'dispatch', 2027, 'FW-{year}-{seq}', 4)).toBe('FW-2027-0001');
  });
});
