import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, computer as fixtureComputer, ledgerFixture, medium as fixtureMedium, ref, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { eventsOf } from '../events/event-store';
import type { Level } from '../classification/levels';
import {
  destroyComputer,
  enableComputer,
  finishRepair,
  raiseComputerLevel,
  recordPasswordChange,
  requestComputerScrap,
  startRepair,
} from './computer-commands';
import { getComputer, getMedium } from './device-repo';
import { listMedia, mediumDetail } from './device-queries';
import { bindMedium, destroyMedium, issueMedium, lendMedium, recordMediumUse, registerMedium, reportMediumLost } from './medium-commands';
import { daysWithoutUsage, endUsage, logUsage, startUsage, usageBook } from './usage-commands';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const computer = (number: string, level: Level = 'jimi', enable = true) => fixtureComputer(f, number, level, enable);
const medium = (number: string, level: Level = 'jimi') => fixtureMedium(f, number, level);

describe('computers', () => {
  it('R-31 put into use only after the security check, with the label applied and the level set', () => {
    const c = computer('JSJ-001', 'jimi', false);
    expect(c.state).toBe('pending');
    expect(refused(() => enableComputer(f.ctx(), { computerId: c.id, occurredOn: TODAY, checkedOn: '2026-11-01', labelApplied: false, level: 'jimi' })).message).toBe('R-31：启用前须粘贴涉密计算机标识');
    expect(refused(() => enableComputer(f.ctx(), { computerId: c.id, occurredOn: '2026-11-01', checkedOn: TODAY, labelApplied: true, level: 'jimi' })).message).toBe('R-31：保密技术检测须在启用之前完成');
    const on = enableComputer(f.ctx(), { computerId: c.id, occurredOn: TODAY, checkedOn: '2026-11-01', labelApplied: true, level: 'jimi' });
    expect(on).toMatchObject({ state: 'in_use', enabledOn: TODAY, checkedOn: '2026-11-01', labelApplied: true });
  });

  it('R-04 a computer’s level only rises, by an event; lowering is refused', () => {
    const c = computer('JSJ-002', 'jimi');
    expect(refused(() => raiseComputerLevel(f.ctx(), { computerId: c.id, occurredOn: TODAY, level: 'mimi', reason: '降级' })).message).toBe('R-04：涉密计算机的密级只能升高，不能由机密降为秘密');
    expect(raiseComputerLevel(f.ctx(), { computerId: c.id, occurredOn: TODAY, level: 'juemi', reason: '承担绝密任务' }).level).toBe('juemi');
    expect(eventsOf(f.db, 'computer', c.id).at(-1)).toMatchObject({ type: 'level_raised', payload: { from: 'jimi', to: 'juemi' } });
  });

  it('R-32 a session per entry, start now and end now; never above the computer’s level; days without entries listed', () => {
    const c = computer('JSJ-003', 'mimi');
    const ctx = f.ctx('2026-11-20');
    const open = startUsage({ ...ctx, at: '2026-11-20T01:00:00.000Z' }, { computerId: c.id, userId: f.people.borrower.id, work: '起草通知' });
    expect(open).toMatchObject({ endedAt: null, userName: '李借阅', year: 2026 });
    expect(refused(() => startUsage(ctx, { computerId: c.id, userId: f.people.borrower.id })).code).toBe('CONFLICT');
    expect(refused(() => endUsage({ ...ctx, at: '2026-11-20T09:00:00.000Z' }, { computerId: c.id, highestLevel: 'jimi' })).message).toBe('R-04：计算机 JSJ-003（秘密）不得处理机密信息');
    const closed = endUsage({ ...ctx, at: '2026-11-20T09:00:00.000Z' }, { computerId: c.id, highestLevel: 'mimi' });
    expect(closed).toMatchObject({ endedAt: '2026-11-20T09:00:00.000Z', highestLevel: 'mimi', work: '起草通知' });
    logUsage(ctx, { computerId: c.id, userId: f.people.borrower.id, work: '校对', startedAt: '2026-11-18T01:00:00.000Z', endedAt: '2026-11-18T03:00:00.000Z', highestLevel: 'neibu' });
    expect(usageBook(ctx, { computerId: c.id, year: 2026 }).map((e) => e.workDate)).toEqual(['2026-11-18', '2026-11-20']);
    // Enabled Monday 2026-11-02: 15 working days to Friday the 20th, two of them logged.
    const missing = daysWithoutUsage(ctx, { computerId: c.id, from: '2026-11-01', to: '2026-11-30' });
    expect(missing).toContain('2026-11-19');
    expect(missing).not.toContain('2026-11-18');
    expect(missing).not.toContain('2026-11-14');
    expect(missing).toHaveLength(13);
  });

  it('R-10 password changes are recorded with the next due date by level, never the password', () => {
    const c = computer('JSJ-004', 'jimi');
    expect(refused(() => recordPasswordChange(f.ctx(), { computerId: c.id, occurredOn: TODAY, length: 8, meetsPolicy: true })).message).toBe('R-10：机密计算机的口令至少 10 位');
    const changed = recordPasswordChange(f.ctx(), { computerId: c.id, occurredOn: TODAY, length: 12, meetsPolicy: true });
    expect(changed).toMatchObject({ passwordChangedOn: TODAY, passwordDueOn: '2026-11-27' });
    expect(JSON.stringify(eventsOf(f.db, 'computer', c.id).at(-1)?.payload)).not.toMatch(/password"/);
  });

  it('R-33 sent out for repair only with approval and every hard disk removed and kept', () => {
    const c = computer('JSJ-005');
    const base = { computerId: c.id, occurredOn: TODAY, fault: '无法开机', repairer: '某保密资质维修公司' };
    expect(refused(() => startRepair(f.ctx(), { ...base, mode: 'on_site' })).message).toBe('R-33：现场维修须有监修人全程在场');
    expect(refused(() => startRepair(f.ctx(), { ...base, mode: 'sent_out', removedDiskSerials: ['WD-JSJ-005'], diskKeptAt: '保密柜' })).message).toBe('R-33：送外维修须经批准');
    expect(refused(() => startRepair(f.ctx(), { ...base, mode: 'sent_out', approval: approval(f.people.leader), diskKeptAt: '保密柜' })).message).toBe('R-33：送外维修须拆下全部硬盘留存，未拆下：WD-JSJ-005');
    const out = startRepair(f.ctx(), { ...base, mode: 'sent_out', approval: approval(f.people.leader), removedDiskSerials: ['WD-JSJ-005'], diskKeptAt: '1号保密柜' });
    expect(out.state).toBe('repair');
    expect(finishRepair(f.ctx(), { computerId: c.id, occurredOn: TODAY, acceptedBy: ref(f.people.officer), disksReinstalled: true }).state).toBe('in_use');
  });

  it('R-34 destroyed only after approval by someone else, at a named site; the end of its life', () => {
    const c = computer('JSJ-006');
    requestComputerScrap(f.ctx(), { computerId: c.id, occurredOn: TODAY });
    const input = { computerId: c.id, occurredOn: TODAY, place: '省保密局指定销毁点', method: '硬盘物理粉碎', handledBy: ref(f.people.officer) };
    expect(refused(() => destroyComputer(f.ctx(), { ...input, approval: approval(f.people.officer) })).message).toBe('R-34：销毁须经他人批准，批准人不能是经办人本人');
    expect(destroyComputer(f.ctx(), { ...input, approval: approval(f.people.leader) }).state).toBe('destroyed');
    expect(refused(() => enableComputer(f.ctx(), { computerId: c.id, occurredOn: TODAY, checkedOn: TODAY, labelApplied: true, level: 'jimi' })).code).toBe('CONFLICT');
  });
});

describe('media', () => {
  it('R-35 issued against the recipient’s signature and 承诺书; loans approved and within the maximum', () => {
    const m = registerMedium(f.ctx(), { registeredOn: TODAY, fields: { number: 'U-001', kind: 'usb', level: 'mimi', responsibleId: f.people.custodian.id } });
    expect(refused(() => issueMedium(f.ctx(), { mediumId: m.id, occurredOn: TODAY, recipientId: f.people.borrower.id, recipientSigned: false, pledgeOn: TODAY })).message).toBe('R-35：配发须由领用人签字');
    const issued = issueMedium(f.ctx(), { mediumId: m.id, occurredOn: TODAY, recipientId: f.people.borrower.id, recipientSigned: true, pledgeOn: '2026-11-01' });
    expect(issued).toMatchObject({ state: 'in_use', responsibleId: f.people.borrower.id, pledgeOn: '2026-11-01' });
    const loan = { mediumId: m.id, occurredOn: TODAY, borrowerId: f.people.witnessA.id, reason: '拷贝材料', dueOn: '2026-11-25' };
    expect(refused(() => lendMedium(f.ctx(), { ...loan, approval: approval(f.people.witnessA) })).message).toBe('R-35：借用须经他人批准，批准人不能是借用人本人');
    expect(lendMedium(f.ctx(), { ...loan, approval: approval(f.people.leader) }).state).toBe('lent');
  });

  it('R-36 use on an unbound, lower-level or unclassified computer is refused and kept as a finding', () => {
    const bound = computer('JSJ-010', 'jimi');
    const other = computer('JSJ-011', 'jimi');
    const lower = computer('JSJ-012', 'mimi');
    const m = medium('U-010', 'jimi');
    expect(refused(() => bindMedium(f.ctx(), { mediumId: m.id, computerId: lower.id, occurredOn: TODAY })).message).toBe('R-36：机密介质不得绑定低密级（秘密）计算机 JSJ-012');
    bindMedium(f.ctx(), { mediumId: m.id, computerId: bound.id, occurredOn: TODAY });
    const use = { mediumId: m.id, occurredOn: TODAY, operation: 'copy_out' as const, summary: '拷出会议纪要', level: 'mimi' as const, operator: ref(f.people.borrower) };
    expect(refused(() => recordMediumUse(f.ctx(), { ...use, computerId: other.id })).message).toBe('R-36：介质 U-010 未绑定计算机 JSJ-011，不得在其上使用');
    expect(refused(() => recordMediumUse(f.ctx(), { ...use, computerId: lower.id })).message).toBe('R-36：机密介质 U-010 不得在低密级（秘密）计算机 JSJ-012 上使用');
    expect(refused(() => recordMediumUse(f.ctx(), { ...use, computerId: null, otherComputer: '办公室上网机' })).message).toBe('R-36：涉密介质 U-010 不得在非涉密计算机（办公室上网机）上使用');
    const refusals = eventsOf(f.db, 'medium', m.id).filter((e) => e.type === 'use_refused');
    expect(refusals.map((e) => e.payload.computerNumber)).toEqual(['JSJ-011', 'JSJ-012', null]);
    expect(recordMediumUse(f.ctx(), { ...use, computerId: bound.id }).state).toBe('in_use');
  });

  it('R-36 the media list shows each medium its own bound computers, as its detail does', () => {
    const [a, b] = [computer('JSJ-030'), computer('JSJ-031')];
    const [one, two, none] = [medium('U-040'), medium('U-041'), medium('U-042')];
    for (const [m, c] of [[one, a], [one, b], [two, b]] as const) bindMedium(f.ctx(), { mediumId: m.id, computerId: c.id, occurredOn: TODAY });
    const listed = new Map(listMedia(f.db, TODAY).map((m) => [m.number, m.boundComputers.map((c) => c.number)]));
    expect([listed.get('U-040'), listed.get('U-041'), listed.get('U-042')]).toEqual([['JSJ-030', 'JSJ-031'], ['JSJ-031'], []]);
    expect(mediumDetail(f.db, TODAY, one.id).medium.boundComputerIds).toEqual(getMedium(f.db, one.id).boundComputerIds);
    expect(getMedium(f.db, none.id).boundComputerIds).toEqual([]);
    expect(refused(() => mediumDetail(f.db, TODAY, 'no-such-medium')).message).toBe('移动存储介质不存在');
  });

  it('R-04 a medium used on a higher-level computer rises to its level by an event', () => {
    const top = computer('JSJ-020', 'juemi');
    const m = medium('U-020', 'mimi');
    bindMedium(f.ctx(), { mediumId: m.id, computerId: top.id, occurredOn: TODAY });
    logUsage(f.ctx(), { computerId: top.id, userId: f.people.borrower.id, work: '汇总', startedAt: '2026-11-20T01:00:00.000Z', endedAt: '2026-11-20T02:00:00.000Z', highestLevel: 'jimi', mediaIds: [m.id] });
    expect(getMedium(f.db, m.id).level).toBe('juemi');
    expect(eventsOf(f.db, 'medium', m.id).map((e) => e.type)).toEqual(['registered', 'issued', 'bound', 'used', 'level_raised']);
    expect(getComputer(f.db, top.id).level).toBe('juemi');
  });

  it('R-34 a medium ends only by destruction, approved, at a named site; R-30 loss starts the timer', () => {
    const m = medium('U-030');
    const input = { mediumId: m.id, occurredOn: TODAY, place: '指定销毁点', method: '物理粉碎', handledBy: ref(f.people.officer) };
    expect(refused(() => destroyMedium(f.ctx(), { ...input, approval: approval(f.people.officer) })).message).toMatch(/^R-34：/);
    expect(destroyMedium(f.ctx(), { ...input, approval: approval(f.people.leader) }).state).toBe('destroyed');
    const lost = reportMediumLost(f.ctx(), { mediumId: medium('U-031').id, occurredOn: TODAY, reportedTo: '保密委', circumstances: '未找到' });
    expect(lost).toMatchObject({ state: 'lost', lostOn: TODAY });
  });
});
