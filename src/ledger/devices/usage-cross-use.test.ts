import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computer as fixtureComputer, ledgerFixture, medium as fixtureMedium, ref, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { eventsOf } from '../events/event-store';
import { getMedium } from './device-repo';
import { bindMedium, recordMediumUse, reportMediumLost, requestMediumDestruction } from './medium-commands';
import { endUsage, logUsage, startUsage } from './usage-commands';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const computer = (number: string) => fixtureComputer(f, number);
const unboundMedium = (number: string) => fixtureMedium(f, number);
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

describe('R-30 / R-36 only a medium still in use is recorded as used', () => {
  it('R-30 a medium reported lost cannot be recorded as used, in a session or on its own', () => {
    const c = computer('JSJ-060');
    const m = unboundMedium('U-060');
    bindMedium(f.ctx(), { mediumId: m.id, computerId: c.id, occurredOn: TODAY });
    reportMediumLost(f.ctx(), { mediumId: m.id, occurredOn: TODAY, reportedTo: '保密委', circumstances: '清点未见' });
    const lost = 'R-30：介质 U-060 已报告遗失，不能登记使用；如已找回，请先登记找回';
    startUsage({ ...f.ctx(), at: '2026-11-20T01:00:00.000Z' }, { computerId: c.id, userId: f.people.borrower.id, work: '起草' });
    expect(refused(() => endUsage(f.ctx(), { computerId: c.id, highestLevel: 'mimi', mediaIds: [m.id] })).message).toBe(lost);
    const session = { computerId: c.id, userId: f.people.borrower.id, work: '汇总', startedAt: '2026-11-19T01:00:00.000Z', endedAt: '2026-11-19T02:00:00.000Z', highestLevel: 'mimi' as const, mediaIds: [m.id] };
    expect(refused(() => logUsage(f.ctx(), session)).message).toBe(lost);
    const use = { mediumId: m.id, computerId: c.id, occurredOn: TODAY, operation: 'read' as const, summary: '读取', level: 'mimi' as const, operator: ref(f.people.borrower) };
    expect(refused(() => recordMediumUse(f.ctx(), use)).message).toBe(lost);
    expect(eventsOf(f.db, 'medium', m.id).map((e) => e.type)).toEqual(['registered', 'issued', 'bound', 'lost']);
    expect(getMedium(f.db, m.id)).toMatchObject({ state: 'lost', lostOn: TODAY });
  });

  it('R-36 a medium awaiting destruction cannot be recorded as used in a session', () => {
    const c = computer('JSJ-061');
    const m = unboundMedium('U-061');
    bindMedium(f.ctx(), { mediumId: m.id, computerId: c.id, occurredOn: TODAY });
    requestMediumDestruction(f.ctx(), { mediumId: m.id, occurredOn: TODAY });
    const session = { computerId: c.id, userId: f.people.borrower.id, work: '汇总', startedAt: '2026-11-19T01:00:00.000Z', endedAt: '2026-11-19T02:00:00.000Z', highestLevel: 'mimi' as const, mediaIds: [m.id] };
    expect(refused(() => logUsage(f.ctx(), session))).toMatchObject({ code: 'CONFLICT', message: '介质 U-061 当前状态为「待销毁」，不能办理「使用」' });
    expect(eventsOf(f.db, 'medium', m.id).at(-1)?.type).toBe('destruction_requested');
  });
});
