import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, computer, ledgerFixture, medium, ref, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { eventsOf } from '../events/event-store';
import { getMedium } from './device-repo';
import { listMedia } from './device-queries';
import { bindMedium, raiseMediumLevel, recordMediumUse, takeOutMedium } from './medium-commands';
import { logUsage, startUsage, endUsage } from './usage-commands';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const boundNumbers = (mediumId: string) => listMedia(f.db, TODAY).find((m) => m.id === mediumId)!.boundComputers.map((c) => c.number);

describe('R-26 / R-35 a medium is taken out as a carrier is', () => {
  it('R-26 taking a medium out needs the leader in charge, and its return date is not before it leaves', () => {
    const m = medium(f, 'U-300', 'mimi');
    const trip = { mediumId: m.id, occurredOn: '2026-11-18', bearerId: f.people.borrower.id, destination: '省保密局', untilOn: '2026-11-19' };
    expect(refused(() => takeOutMedium(f.ctx(), { ...trip, approval: approval(f.people.leader, 'section_head') })).message).toBe('R-26：介质携带外出须经主管领导批准');
    expect(refused(() => takeOutMedium(f.ctx(), { ...trip, untilOn: '2026-11-17', approval: approval(f.people.leader) })).message).toBe('R-26：返回日期不能早于外出日期');
    expect(takeOutMedium(f.ctx(), { ...trip, approval: approval(f.people.leader) })).toMatchObject({ state: 'taken_out', dueOn: '2026-11-19' });
  });

  it('R-13 a 绝密 medium still needs the unit head', () => {
    const m = medium(f, 'U-301', 'juemi');
    const trip = { mediumId: m.id, occurredOn: TODAY, bearerId: f.people.borrower.id, destination: '国家局', untilOn: TODAY };
    expect(refused(() => takeOutMedium(f.ctx(), { ...trip, approval: approval(f.people.leader) })).message).toBe('R-13：绝密介质携带外出须经单位主要负责人批准');
    expect(takeOutMedium(f.ctx(), { ...trip, approval: approval(f.people.head, 'unit_head') }).state).toBe('taken_out');
  });
});

describe('R-36 / R-04 a medium whose level rises leaves the lower-level computers it was bound to', () => {
  it('R-36 raising a medium’s level unbinds it from lower-level computers, each by its own event', () => {
    const [low, same, high] = [computer(f, 'JSJ-300', 'mimi'), computer(f, 'JSJ-301', 'jimi'), computer(f, 'JSJ-302', 'juemi')];
    const m = medium(f, 'U-310', 'mimi');
    for (const c of [low, same, high]) bindMedium(f.ctx(), { mediumId: m.id, computerId: c.id, occurredOn: TODAY });
    const raised = raiseMediumLevel(f.ctx(), { mediumId: m.id, occurredOn: TODAY, level: 'jimi', reason: '存储机密材料' });
    expect(raised).toMatchObject({ level: 'jimi', boundComputerIds: [same.id, high.id] });
    expect(boundNumbers(m.id)).toEqual(['JSJ-301', 'JSJ-302']);
    const last = eventsOf(f.db, 'medium', m.id).slice(-2);
    expect(last.map((e) => [e.type, e.payload.computerNumber ?? e.payload.to])).toEqual([['level_raised', 'jimi'], ['unbound', 'JSJ-300']]);
    expect(last[1]?.payload).toMatchObject({ rule: 'R-36', automatic: true });
    const use = { mediumId: m.id, computerId: low.id, occurredOn: TODAY, operation: 'read' as const, summary: '读取', level: 'mimi' as const, operator: ref(f.people.borrower) };
    expect(refused(() => recordMediumUse(f.ctx(), use)).message).toBe('R-36：机密介质 U-310 不得在低密级（秘密）计算机 JSJ-300 上使用');
  });

  it('R-36 a rise from use on a higher-level computer ends the bindings below the new level too', () => {
    const [low, high] = [computer(f, 'JSJ-310', 'mimi'), computer(f, 'JSJ-311', 'jimi')];
    const m = medium(f, 'U-311', 'mimi');
    for (const c of [low, high]) bindMedium(f.ctx(), { mediumId: m.id, computerId: c.id, occurredOn: TODAY });
    logUsage(f.ctx(), { computerId: high.id, userId: f.people.borrower.id, work: '汇总', startedAt: `${TODAY}T01:00:00.000Z`, endedAt: `${TODAY}T02:00:00.000Z`, highestLevel: 'jimi', mediaIds: [m.id] });
    expect(getMedium(f.db, m.id)).toMatchObject({ level: 'jimi', boundComputerIds: [high.id] });
    expect(eventsOf(f.db, 'medium', m.id).map((e) => e.type).slice(-3)).toEqual(['used', 'level_raised', 'unbound']);
  });
});

describe('R-32 the usage book compares times as instants', () => {
  it('R-32 an end before the start is refused whatever the time-zone offsets, and a later end is accepted', () => {
    const c = computer(f, 'JSJ-320', 'mimi');
    const session = { computerId: c.id, userId: f.people.borrower.id, work: '起草', highestLevel: 'mimi' as const };
    // 09:30+08:00 is 01:30Z, half an hour before a 02:00Z start, though it sorts after it as text.
    expect(refused(() => logUsage(f.ctx(), { ...session, startedAt: '2026-11-20T02:00:00Z', endedAt: '2026-11-20T09:30:00+08:00' })).message).toBe('结束时间不能早于开始时间');
    // 03:00Z is an hour after 10:00+08:00 (02:00Z), though it sorts before it as text.
    expect(logUsage(f.ctx(), { ...session, startedAt: '2026-11-20T10:00:00+08:00', endedAt: '2026-11-20T03:00:00Z' }).endedAt).toBe('2026-11-20T03:00:00Z');
    startUsage({ ...f.ctx(), at: '2026-11-20T04:00:00.000Z' }, { computerId: c.id, userId: f.people.borrower.id, work: '校对' });
    expect(refused(() => endUsage(f.ctx(), { computerId: c.id, highestLevel: 'mimi', endedAt: '2026-11-20T11:30:00+08:00' })).message).toBe('结束时间不能早于开始时间');
  });
});
