import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFixture, refused, type LedgerFixture } from '../../testing/ledger-fixture';
import { eventsOf } from '../events/event-store';
import { enableComputer, registerComputer } from './computer-commands';
import { issueMedium, registerMedium } from './medium-commands';
import { endUsage, logUsage, startUsage } from './usage-commands';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const computer = (number: string) => {
  const c = registerComputer(f.ctx(), {
    registeredOn: '2026-11-02',
    fields: { number, level: 'jimi', kind: 'desktop', disks: [{ serial: `WD-${number}`, capacity: '1TB' }], responsibleId: f.people.custodian.id, location: '机要室 301' },
  });
  return enableComputer(f.ctx(), { computerId: c.id, occurredOn: '2026-11-02', checkedOn: '2026-11-01', labelApplied: true, level: 'jimi' });
};
const unboundMedium = (number: string) => {
  const m = registerMedium(f.ctx(), { registeredOn: '2026-11-02', fields: { number, kind: 'usb', level: 'jimi', serial: `SN-${number}`, responsibleId: f.people.custodian.id } });
  return issueMedium(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-03', recipientId: f.people.borrower.id, recipientSigned: true, pledgeOn: '2026-11-01' });
};
const refusals = (mediumId: string) => eventsOf(f.db, 'medium', mediumId).filter((e) => e.type === 'use_refused');

describe('R-36 in the usage book', () => {
  it('R-36 ending a session with an unbound medium is refused, the session stays open and the refusal is kept', () => {
    const c = computer('JSJ-050');
    const m = unboundMedium('U-050');
    const open = startUsage({ ...f.ctx(), at: '2026-11-20T01:00:00.000Z' }, { computerId: c.id, userId: f.people.borrower.id, work: '起草' });
    expect(refused(() => endUsage(f.ctx(), { computerId: c.id, highestLevel: 'mimi', mediaIds: [m.id] })).message).toBe('R-36：介质 U-050 未绑定计算机 JSJ-050，不得在其上使用');
    expect(refusals(m.id).map((e) => (e.payload.attempt as { usageEntryId: string }).usageEntryId)).toEqual([open.id]);
    expect(endUsage(f.ctx(), { computerId: c.id, highestLevel: 'mimi', mediaIds: [] }).endedAt).not.toBeNull();
  });

  it('R-36 a session entered afterwards with an unbound medium is refused once and kept once', () => {
    const c = computer('JSJ-051');
    const m = unboundMedium('U-051');
    const session = { computerId: c.id, userId: f.people.borrower.id, work: '汇总', startedAt: '2026-11-20T01:00:00.000Z', endedAt: '2026-11-20T02:00:00.000Z', highestLevel: 'mimi' as const, mediaIds: [m.id] };
    expect(refused(() => logUsage(f.ctx(), session)).message).toBe('R-36：介质 U-051 未绑定计算机 JSJ-051，不得在其上使用');
    expect(refusals(m.id)).toHaveLength(1);
  });
});
