import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, item, ledgerFixture, ref, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { copyCarrier, receiveBatch } from './carrier-intake';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const receiveOne = () => receiveBatch(f.ctx(), { receivedOn: TODAY, receiverId: f.people.officer.id, items: [item(f)] })[0]!;
const copy = (carrierId: string, count: number, copyNumbers?: string[]) =>
  copyCarrier(f.ctx(), {
    carrierId,
    occurredOn: TODAY,
    kind: 'copy',
    count,
    approval: approval(f.people.leader),
    custodianId: f.people.custodian.id,
    applicant: ref(f.people.borrower),
    maker: ref(f.people.officer),
    ...(copyNumbers ? { copyNumbers } : {}),
  }).map((c) => c.copyNumbers);

describe('R-25 each copy has its own 份号', () => {
  it('R-25 a second batch of copies continues after the highest 复n of that original, typed ones included', () => {
    const c = receiveOne();
    expect(copy(c.id, 2)).toEqual(['003-复1', '003-复2']);
    expect(copy(c.id, 2)).toEqual(['003-复3', '003-复4']);
    expect(copy(c.id, 1, ['003-复7'])).toEqual(['003-复7']);
    expect(copy(c.id, 1)).toEqual(['003-复8']);
  });

  it('R-25 a copy of a copy is numbered from its own original, starting at 复1', () => {
    const c = receiveOne();
    copy(c.id, 2);
    const [first] = copyCarrier(f.ctx(), { carrierId: c.id, occurredOn: TODAY, kind: 'copy', count: 1, approval: approval(f.people.leader), custodianId: f.people.custodian.id, applicant: ref(f.people.borrower), maker: ref(f.people.officer) });
    expect(copy(first!.id, 1)).toEqual(['003-复3-复1']);
  });

  it('R-25 a typed 份号 already used by the original or its copies, or twice in one batch, is refused', () => {
    const c = receiveOne();
    copy(c.id, 1);
    expect(refused(() => copy(c.id, 1, ['003-复1'])).message).toBe('R-25：份号「003-复1」在 ZT-2026-0001 及其复制件中已经使用，每份复制件须有自己的份号');
    expect(refused(() => copy(c.id, 1, [' 003 '])).message).toBe('R-25：份号「003」在 ZT-2026-0001 及其复制件中已经使用，每份复制件须有自己的份号');
    expect(refused(() => copy(c.id, 2, ['A-01', 'A-01'])).message).toBe('R-25：份号「A-01」在 ZT-2026-0001 及其复制件中已经使用，每份复制件须有自己的份号');
    expect(copy(c.id, 2, ['A-01', 'A-02'])).toEqual(['A-01', 'A-02']);
  });
});
