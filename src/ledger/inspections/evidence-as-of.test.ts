import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, backupStatus, computer, item, ledgerFixture, type LedgerFixture, medium, ref, TODAY, receiveCarriers } from '../../testing/ledger-fixture';
import { receiveBatch } from '../carriers/carrier-intake';
import { destroyBatch, markFound, reportLost } from '../carriers/carrier-disposal';
import { lend, returnLoan } from '../carriers/carrier-movements';
import { disableComputer } from '../devices/computer-commands';
import { checkInMedium, lendMedium } from '../devices/medium-commands';
import { daysWithoutUsage, logUsage } from '../devices/usage-commands';
import { monthEvidence } from './evidence';
import { endSession, scan, startSession } from './reconciliation';
import { closeFinding, createRun, runDetail, setResult, signRun } from './runs';
import { inBeijingTime } from '../../testing/time-zone';

inBeijingTime();

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());
const noBackup = () => null;

const receive = (n: number, over = {}) => receiveCarriers(f, n, over);

describe('a past month’s evidence is the ledger as that month ended', () => {
  it('R-24 R-30 R-03 November signed on 3 December lists what was overdue, missing, due for review and unrectified on 30 November, though settled since', () => {
    const [loaned, missing] = receive(2);
    const [expiring] = receive(1, { level: 'mimi', classifiedOn: '2017-01-20', term: { kind: 'years', value: 10 } });
    const m = medium(f, 'U-010');
    lend(f.ctx('2026-11-03'), { carrierId: loaned!.id, occurredOn: '2026-11-03', borrowerId: f.people.borrower.id, reason: '阅', dueOn: '2026-11-25', approval: approval(f.people.leader, 'leader', '2026-11-03') });
    lendMedium(f.ctx('2026-11-04'), { mediumId: m.id, occurredOn: '2026-11-04', borrowerId: f.people.witnessA.id, reason: '拷贝', dueOn: '2026-11-20', approval: approval(f.people.leader, 'leader', '2026-11-04') });
    reportLost(f.ctx(), { carrierId: missing!.id, occurredOn: TODAY, reportedTo: '保密委', circumstances: '清点未见' });
    const oct = createRun(f.ctx(), { month: '2026-10' }, noBackup);
    setResult(f.ctx(), { runId: oct.id, itemId: 'A03', result: 'fail', finding: { text: '十月借阅登记不全', owner: ref(f.people.custodian), deadline: '2026-12-10' } });
    const octFinding = runDetail(f.ctx(), oct.id, noBackup).findings[0]!;

    // December settles all of it.
    returnLoan(f.ctx('2026-12-01'), { carrierId: loaned!.id, occurredOn: '2026-12-01', intact: true, checkedBy: ref(f.people.officer) });
    checkInMedium(f.ctx('2026-12-01'), { mediumId: m.id, occurredOn: '2026-12-01', intact: true, checkedBy: ref(f.people.officer) });
    markFound(f.ctx('2026-12-02'), { carrierId: missing!.id, occurredOn: '2026-12-02', where: '档案柜夹层' });
    destroyBatch(f.ctx('2026-12-02'), {
      occurredOn: '2026-12-02',
      carrierIds: [expiring!.id],
      reason: '已到期',
      applicant: ref(f.people.custodian),
      approval: approval(f.people.leader, 'leader', '2026-12-02'),
      method: 'pulping',
      place: '市保密局销毁中心',
      destroyer: ref(f.people.custodian),
      witnesses: [ref(f.people.witnessA), ref(f.people.witnessB)],
    });
    closeFinding(f.ctx('2026-12-02'), { findingId: octFinding.id, closedOn: '2026-12-02', rectification: '已补登' });

    const dec3 = f.ctx('2026-12-03');
    const nov = createRun(dec3, { month: '2026-11' }, noBackup);
    for (const i of nov.template.items) setResult(dec3, { runId: nov.id, itemId: i.id, result: 'pass' });
    const signed = signRun(dec3, { runId: nov.id, signedOn: '2026-12-03', inspector: ref(f.people.officer), user: ref(f.people.borrower), sectionHead: ref(f.people.leader) }, noBackup);
    const e = signed.evidence;
    expect(e.overdue_loans?.links.map((l) => l.label)).toEqual([`${loaned!.number} ${loaned!.title}（应还 2026-11-25）`, 'U-010（应还 2026-11-20）']);
    expect(e.lost_items?.links.map((l) => l.id)).toEqual([missing!.id]);
    expect(e.lost_items?.links[0]?.label).toBe(`${missing!.number}（${TODAY} 报告，2027-01-19 前未找到视为泄密）`);
    expect(e.term_review?.links.map((l) => l.id)).toEqual([expiring!.id]);
    expect(e.open_findings?.links.map((l) => l.id)).toEqual([octFinding.id]);

    // December itself, read today, has none of them.
    const dec = monthEvidence(dec3, '2026-12', null);
    expect([dec.overdue_loans.count, dec.lost_items.count, dec.term_review.count, dec.open_findings.count]).toEqual([0, 0, 0, 0]);
  });

  it('R-32 R-10 a computer in use all November and stopped in December still answers for November', () => {
    const c = computer(f, 'JSJ-2');
    disableComputer(f.ctx('2026-12-02'), { computerId: c.id, occurredOn: '2026-12-02' });
    const e = monthEvidence(f.ctx('2026-12-03'), '2026-11', null);
    // Enabled Monday 2 November: 21 working days to the 30th, none logged.
    expect(e.computers_without_usage.links.map((l) => l.label)).toEqual(['JSJ-2：21 个工作日无使用登记']);
    expect(e.passwords_overdue.links.map((l) => l.label)).toEqual(['JSJ-2：无口令更换记录']);
    expect(monthEvidence(f.ctx('2026-12-03'), '2026-12', null).computers_without_usage.count).toBe(0);
  });

  it('a carrier received after the month is not in its evidence', () => {
    const [later] = receiveBatch(f.ctx('2026-12-02'), { receivedOn: '2026-12-02', receiverId: f.people.officer.id, items: [item(f, { level: 'mimi', classifiedOn: '2017-01-20', term: { kind: 'years', value: 10 } })] });
    lend(f.ctx('2026-12-02'), { carrierId: later!.id, occurredOn: '2026-12-02', borrowerId: f.people.borrower.id, reason: '阅', dueOn: '2026-12-02', approval: approval(f.people.leader, 'leader', '2026-12-02') });
    const e = monthEvidence(f.ctx('2026-12-05'), '2026-11', null);
    expect([e.overdue_loans.count, e.term_review.count]).toEqual([0, 0]);
  });
});

describe('media counted in the month', () => {
  it('a medium counted at 07:00 on 1 December, Beijing time, was counted in December, not November', () => {
    medium(f, 'U-001');
    // 2026-11-30T23:00Z is 2026-12-01 07:00 in Beijing.
    const ctx = { ...f.ctx('2026-12-01'), at: '2026-11-30T23:00:00.000Z' };
    const s = startSession(ctx, { purpose: 'monthly', scopeKind: 'all' });
    expect(scan(ctx, { sessionId: s.sessionId, code: 'U-001' }).result).toBe('sighted');
    endSession(ctx, { sessionId: s.sessionId });
    const read = (month: string) => monthEvidence(f.ctx('2026-12-02'), month, null).media_not_sighted;
    expect(read('2026-12')).toMatchObject({ count: 0, summary: '介质均已清点' });
    expect(read('2026-11').links.map((l) => l.label)).toEqual(['U-001（机密）本月未清点']);
  });

  it('R-35 a medium lent out cannot be on the shelf to be counted: it is not 本月未清点, and the summary says it is away', () => {
    const m = medium(f, 'U-002');
    lendMedium(f.ctx('2026-11-04'), { mediumId: m.id, occurredOn: '2026-11-04', borrowerId: f.people.witnessA.id, reason: '拷贝', dueOn: '2026-12-01', approval: approval(f.people.leader, 'leader', '2026-11-04') });
    const s = startSession(f.ctx(), { purpose: 'monthly', scopeKind: 'all' });
    expect(endSession(f.ctx(), { sessionId: s.sessionId }).away.map((x) => x.number)).toEqual(['U-002']);
    expect(monthEvidence(f.ctx(), '2026-11', null).media_not_sighted).toMatchObject({ count: 0, summary: '介质均已清点；另有 1 个借出或携带外出，不在柜中' });
  });
});

describe('usage and backup evidence', () => {
  it('R-32 today is not yet a working day without a usage entry: the day is not over', () => {
    const c = computer(f, 'JSJ-1');
    // Every working day from Monday 2 November to Thursday 19 November; today is Friday the 20th.
    for (const d of ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17', '18', '19']) {
      logUsage(f.ctx(), { computerId: c.id, userId: f.people.custodian.id, work: '起草', highestLevel: 'mimi', startedAt: `2026-11-${d}T01:00:00.000Z`, endedAt: `2026-11-${d}T02:00:00.000Z` });
    }
    expect(daysWithoutUsage(f.ctx(), { computerId: c.id, from: '2026-11-01', to: '2026-11-30' })).toEqual([]);
    expect(monthEvidence(f.ctx(), '2026-11', null).computers_without_usage).toMatchObject({ count: 0, summary: '使用登记完整' });
    // The next working day, Friday is over and has no entry.
    expect(daysWithoutUsage(f.ctx('2026-11-23'), { computerId: c.id, from: '2026-11-01', to: '2026-11-30' })).toEqual(['2026-11-20']);
  });

  it('R-05 the backup item follows the newest read-back: a failed one is not 通过 though an older backup passed within the week', () => {
    const status = backupStatus();
    expect(monthEvidence(f.ctx(), '2026-11', status).backup).toEqual({
      count: 1,
      summary: '最近一次读回校验未通过（2026-11-20）',
      links: [{ type: 'backup', id: 'status', label: '最近备份 2026-11-20；最近校验 2026-11-20 未通过' }],
    });
    expect(monthEvidence(f.ctx(), '2026-11', { ...status, lastVerifiedOk: true }).backup).toMatchObject({ count: 0, summary: '最近一次校验通过（3 天前）' });
  });
});
