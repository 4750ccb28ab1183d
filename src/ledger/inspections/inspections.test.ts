import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, ledgerFixture, ref, refused, TODAY, receiveCarriers, type LedgerFixture } from '../../testing/ledger-fixture';
import { handoverPerson, reportLost } from '../carriers/carrier-disposal';
import { lend } from '../carriers/carrier-movements';
import { dueItems } from '../due/due-engine';
import { holdingsOf, leave } from '../people/departure';
import { registerPerson } from '../people/people';
import { DEFAULT_TEMPLATE_ITEMS } from './default-template';
import { endSession, scan, startSession } from './reconciliation';
import { closeFinding, createRun, runDetail, setResult, signRun } from './runs';
import { currentTemplate, saveTemplateVersion } from './templates';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());
const noBackup = () => null;

const receive = (n: number, over = {}) => receiveCarriers(f, n, over);

describe('people leaving', () => {
  it('R-14 a person cannot leave while holding items; R-28 the handover list is offered, then leaving is allowed', () => {
    const [kept] = receive(1, { custodianId: f.people.borrower.id });
    const e = refused(() => leave(f.ctx(), { personId: f.people.borrower.id, kind: 'left_unit', approvedOn: TODAY }));
    expect(e.message).toBe(`R-14：李借阅 名下仍有 1 项涉密载体、介质或计算机未清退（${kept!.number}），须先办理清退移交（R-28）`);
    expect((e.details?.outstanding as unknown[]).length).toBe(1);
    handoverPerson(f.ctx(), { occurredOn: TODAY, fromId: f.people.borrower.id, toId: f.people.custodian.id, leader: ref(f.people.leader), bothSigned: true });
    expect(holdingsOf(f.ctx(), f.people.borrower.id)).toEqual([]);
    expect(leave(f.ctx(), { personId: f.people.borrower.id, kind: 'left_unit', approvedOn: TODAY })).toMatchObject({ leftOn: TODAY, active: false });
  });

  it('R-12 the 脱密期 runs from the approved leaving date: 3, 2 or 1 years by level, as the unit sets', () => {
    const core = registerPerson(f.db, f.ctx().at, '张保密', { name: '核心人员', clearance: 'core' });
    const general = registerPerson(f.db, f.ctx().at, '张保密', { name: '一般人员', clearance: 'general' });
    expect(leave(f.ctx(), { personId: core.id, kind: 'left_post', approvedOn: '2026-11-01' }).declassUntil).toBe('2029-11-01');
    expect(leave(f.ctx(), { personId: f.people.witnessA.id, kind: 'left_unit', approvedOn: '2026-11-01' }).declassUntil).toBe('2028-11-01');
    const ctx = { ...f.ctx(), settings: { ...f.ctx().settings, declassYearsGeneral: 2 } };
    expect(leave(ctx, { personId: general.id, kind: 'left_unit', approvedOn: '2026-11-01' }).declassUntil).toBe('2028-11-01');
  });
});

describe('the monthly run', () => {
  it('comes pre-filled with evidence; a failed item opens a finding that carries into the next month until closed', () => {
    const [a, b] = receive(2);
    lend(f.ctx('2026-11-03'), { carrierId: a!.id, occurredOn: '2026-11-03', borrowerId: f.people.borrower.id, reason: '阅', dueOn: '2026-11-10', approval: approval(f.people.leader) });
    reportLost(f.ctx(), { carrierId: b!.id, occurredOn: '2026-11-15', reportedTo: '保密委', circumstances: '未找到' });
    const run = createRun(f.ctx(), { month: '2026-11' }, noBackup);
    expect(run.template.items).toHaveLength(DEFAULT_TEMPLATE_ITEMS.length);
    expect(run.evidence.overdue_loans).toMatchObject({ count: 1, summary: '1 件逾期未还' });
    expect(run.evidence.lost_items?.links[0]?.label).toContain('2027-01-14 前未找到视为泄密');
    expect(run.evidence.backup).toMatchObject({ summary: '无备份记录' });
    expect(refused(() => setResult(f.ctx(), { runId: run.id, itemId: 'A03', result: 'fail' })).message).toBe('“不符合”须登记发现的问题、责任人和整改期限');
    setResult(f.ctx(), { runId: run.id, itemId: 'A03', result: 'fail', note: '一件逾期', finding: { text: '借阅逾期未还', owner: ref(f.people.custodian), deadline: '2026-12-05' } });
    for (const i of run.template.items.filter((x) => x.id !== 'A03')) setResult(f.ctx(), { runId: run.id, itemId: i.id, result: 'pass' });
    signRun(f.ctx(), { runId: run.id, signedOn: TODAY, inspector: ref(f.people.officer), user: ref(f.people.borrower), sectionHead: ref(f.people.leader) }, noBackup);
    expect(refused(() => setResult(f.ctx(), { runId: run.id, itemId: 'A01', result: 'fail' })).message).toBe('检查已签署，不能修改；如有错误请办理更正');
    const corrected = setResult(f.ctx(), { runId: run.id, itemId: 'A01', result: 'na', note: '更正' }, { correction: true });
    expect(corrected.result).toBe('na');

    const dec = createRun(f.ctx('2026-12-02'), { month: '2026-12' }, noBackup);
    expect(dec.carriedOver.map((x) => [x.month, x.text, x.state])).toEqual([['2026-11', '借阅逾期未还', 'open']]);
    expect(dec.evidence.open_findings?.count).toBe(1);
    closeFinding(f.ctx('2026-12-03'), { findingId: dec.carriedOver[0]!.id, closedOn: '2026-12-03', rectification: '已收回并批评教育' });
    expect(runDetail(f.ctx('2026-12-03'), dec.id, noBackup).carriedOver).toEqual([]);
  });

  it('templates are versioned: the unit edits a copy; a run keeps the version it used', () => {
    const v1 = currentTemplate(f.ctx());
    const run = createRun(f.ctx(), { month: '2026-11' }, noBackup);
    const v2 = saveTemplateVersion(f.ctx(), { name: '本单位月查表', items: [...v1.items.slice(0, 3), { id: 'G01', group: 'F', text: '新增：涉密会议记录已登记', points: 5 }] });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(runDetail(f.ctx(), run.id, noBackup).template.version).toBe(1);
    expect(createRun(f.ctx('2026-12-01'), { month: '2026-12' }, noBackup).template.items.map((i) => i.id)).toEqual(['A01', 'A02', 'A03', 'G01']);
    expect(() => f.db.prepare("UPDATE checklist_templates SET name = 'x'").run()).toThrow(/never changes/);
  });
});

describe('reconciliation by scanning', () => {
  it('warns at once on a duplicate scan and an unknown number; ending lists the missing item', () => {
    const got = receive(3);
    const s = startSession(f.ctx(), { purpose: 'monthly', scopeKind: 'cabinet', scopeId: f.cabinet.id });
    expect(s.expected).toBe(3);
    expect(scan(f.ctx(), { sessionId: s.sessionId, code: got[0]!.number })).toMatchObject({ result: 'sighted', sighted: 1 });
    expect(scan(f.ctx(), { sessionId: s.sessionId, code: got[0]!.number.toLowerCase() })).toMatchObject({ result: 'duplicate', message: `重复扫描：${got[0]!.number} 本次清点已扫描过` });
    expect(scan(f.ctx(), { sessionId: s.sessionId, code: 'ZT-1999-0001' })).toMatchObject({ result: 'unknown', message: '台账中没有此编号：ZT-1999-0001' });
    scan(f.ctx(), { sessionId: s.sessionId, code: got[1]!.number });
    const r = endSession(f.ctx(), { sessionId: s.sessionId });
    expect(r.missing.map((m) => m.number)).toEqual([got[2]!.number]);
    expect(r.duplicates).toEqual([got[0]!.number]);
    expect(r.unexpected.map((u) => u.number)).toEqual(['ZT-1999-0001']);
    expect(refused(() => scan(f.ctx(), { sessionId: s.sessionId, code: got[2]!.number })).message).toBe('清点已结束');
    // The missing item can start the R-30 loss event from the report.
    expect(reportLost(f.ctx(), { carrierId: r.missing[0]!.id, occurredOn: TODAY, reportedTo: '保密委', circumstances: '月清理未见' }).state).toBe('missing');
  });
});

describe('the due-date engine', () => {
  it('R-03 R-30 lists loans, term reviews, loss timers, cycles and backup age by urgency, on an injected date', () => {
    const [a, b, c] = receive(3);
    receive(1, { level: 'mimi', classifiedOn: '2016-12-10', term: { kind: 'years', value: 10 } });
    lend(f.ctx('2026-11-02'), { carrierId: a!.id, occurredOn: '2026-11-02', borrowerId: f.people.borrower.id, reason: '阅', dueOn: '2026-11-10', approval: approval(f.people.leader) });
    // Reported the day it was received: a loss is not dated before its item came in.
    reportLost(f.ctx(), { carrierId: b!.id, occurredOn: '2026-11-02', reportedTo: '保密委', circumstances: '未见' });
    void c;
    const due = dueItems(f.ctx('2026-11-20'), null);
    const kinds = due.map((d) => [d.kind, d.urgency, d.rule]);
    expect(kinds).toContainEqual(['loan', 'overdue', 'R-24']);
    expect(kinds).toContainEqual(['term', 'due_soon', 'R-03']);
    expect(kinds).toContainEqual(['loss', 'due_soon', 'R-30']);
    expect(kinds).toContainEqual(['backup', 'overdue', 'R-05']);
    expect(kinds).toContainEqual(['monthly', 'upcoming', '§5']);
    expect(due.findIndex((d) => d.urgency !== 'overdue')).toBeGreaterThan(due.findIndex((d) => d.urgency === 'overdue'));
    const later = dueItems(f.ctx('2027-01-01'), null).find((d) => d.kind === 'loss');
    expect(later).toMatchObject({ urgency: 'overdue', title: expect.stringContaining('已视为泄密') });
  });
});
