import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { departed, ledgerFixture, ref, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { eventsOf } from '../events/event-store';
import type { LedgerContext } from '../ledger-context';
import type { PersonRef } from '../people/people';
import { closeFinding, createRun, runDetail, setResult, signRun } from './runs';
import { inBeijingTime } from '../../testing/time-zone';

inBeijingTime();

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());
const noBackup = () => null;

const answered = (ctx: LedgerContext, month: string) => {
  const run = createRun(ctx, { month }, noBackup);
  for (const i of run.template.items) setResult(ctx, { runId: run.id, itemId: i.id, result: 'pass' });
  return run;
};
const signers = () => ({ inspector: ref(f.people.officer), user: ref(f.people.borrower), sectionHead: ref(f.people.leader) });

describe('a month’s check is made in that month or after it', () => {
  it('§7 a run for a month still to come is refused', () => {
    expect(refused(() => createRun(f.ctx(), { month: '2026-12' }, noBackup)).message).toBe('2026-12 尚未到来，不能提前建立该月的检查（本月为 2026-11）');
    expect(createRun(f.ctx('2026-12-01'), { month: '2026-12' }, noBackup).month).toBe('2026-12');
  });

  it('§7 a run is signed neither before its month began nor on a day still to come', () => {
    const run = answered(f.ctx(), '2026-11');
    expect(refused(() => signRun(f.ctx(), { runId: run.id, signedOn: '2026-10-31', ...signers() }, noBackup)).message).toBe('签署日期 2026-10-31 早于 2026-11 月的开始，不能在检查月份开始前签署');
    expect(refused(() => signRun(f.ctx(), { runId: run.id, signedOn: '2026-11-21', ...signers() }, noBackup)).message).toBe('签署日期 2026-11-21 晚于今天（2026-11-20），不能登记未来的事项');
    expect(signRun(f.ctx(), { runId: run.id, signedOn: '2026-11-01', ...signers() }, noBackup).state).toBe('signed');
  });
});

describe('who signs and who owns a finding', () => {
  it('R-14 someone who has left neither signs the run nor owns a finding; an id must match the roll; a name outside the list still may', () => {
    const left = departed(f);
    const run = answered(f.ctx(), '2026-11');
    const fail = (owner: { personId?: string; name: string }) => () =>
      setResult(f.ctx(), { runId: run.id, itemId: 'A03', result: 'fail', finding: { text: '借阅逾期未还', owner, deadline: '2026-12-05' } });
    expect(refused(fail(ref(left))).message).toBe('R-14：钱离职已于 2026-11-10 离职，不能再作为整改责任人');
    expect(refused(fail({ personId: 'no-such-id', name: '某人' })).message).toBe('「某人」不在人员名册中，请从名册中选择或只填写姓名');
    expect(runDetail(f.ctx(), run.id, noBackup).findings).toEqual([]);

    const sign = (who: Partial<Record<'inspector' | 'user' | 'sectionHead', PersonRef>>, signedOn = TODAY) => () => signRun(f.ctx(), { runId: run.id, signedOn, ...signers(), ...who }, noBackup);
    expect(refused(sign({ inspector: ref(left) })).message).toBe('R-14：钱离职已于 2026-11-10 离职，不能再作为检查人签署检查');
    expect(refused(sign({ sectionHead: { personId: f.people.leader.id, name: '王科长' } })).message).toBe('人员编号与姓名不符：填写的是「王科长」，名册中为「王处长」');
    // Entered afterwards: signed on 9 November, the day before they left, with a section head from outside the list.
    const signed = sign({ user: ref(left), sectionHead: { name: '外单位 陈科长' } }, '2026-11-09')();
    expect([signed.signatures?.user.name, signed.signatures?.sectionHead.name]).toEqual(['钱离职', '外单位 陈科长']);
  });
});

describe('findings', () => {
  it('§7 a second problem on the same item is a finding of its own; the same one sent again is not doubled; the same problem with another deadline is refused', () => {
    const run = createRun(f.ctx(), { month: '2026-11' }, noBackup);
    const first = { text: '借阅逾期', owner: ref(f.people.custodian), deadline: '2026-12-05' };
    const second = { text: '传阅超期一个月', owner: ref(f.people.leader), deadline: '2026-11-25' };
    setResult(f.ctx(), { runId: run.id, itemId: 'A03', result: 'fail', finding: first });
    setResult(f.ctx(), { runId: run.id, itemId: 'A03', result: 'fail', finding: second });
    // A note saved on the item sends its finding again.
    setResult(f.ctx(), { runId: run.id, itemId: 'A03', result: 'fail', note: '已通知', finding: second });
    const d = runDetail(f.ctx(), run.id, noBackup);
    expect(d.findings.map((x) => [x.itemId, x.text, x.owner.name, x.deadline])).toEqual([
      ['A03', '借阅逾期', '吴保管', '2026-12-05'],
      ['A03', '传阅超期一个月', '王处长', '2026-11-25'],
    ]);
    expect(eventsOf(f.db, 'finding', d.findings[1]!.id).map((e) => e.type)).toEqual(['opened']);
    expect(refused(() => setResult(f.ctx(), { runId: run.id, itemId: 'A03', result: 'fail', finding: { ...first, deadline: '2026-12-31' } })).message).toBe(
      '检查项 A03 已登记问题「借阅逾期」（责任人 吴保管，整改期限 2026-12-05），不能以不同的责任人或期限重复登记',
    );
  });

  it('§7 整改 is dated neither after today nor before the finding was recorded', () => {
    const run = createRun(f.ctx(), { month: '2026-11' }, noBackup);
    setResult(f.ctx(), { runId: run.id, itemId: 'A03', result: 'fail', finding: { text: '借阅逾期', owner: ref(f.people.custodian), deadline: '2026-12-05' } });
    const id = runDetail(f.ctx(), run.id, noBackup).findings[0]!.id;
    const close = (closedOn: string) => () => closeFinding(f.ctx('2026-12-03'), { findingId: id, closedOn, rectification: '已收回' });
    expect(refused(close('2099-12-31')).message).toBe('整改完成日期 2099-12-31 晚于今天（2026-12-03），不能登记未来的事项');
    expect(refused(close('2026-11-19')).message).toBe('问题登记日期 2026-11-20 晚于整改完成日期（2026-11-19），问题登记日期不能晚于整改完成日期');
    expect(close('2026-11-20')()).toMatchObject({ state: 'closed', closedOn: '2026-11-20' });
  });
});
