import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupStatus, ledgerFixture, type LedgerFixture, ref } from '../../testing/ledger-fixture';
import { endSession, startSession } from '../inspections/reconciliation';
import { createRun, setResult, signRun } from '../inspections/runs';
import type { LedgerContext } from '../ledger-context';
import { dueItems } from './due-engine';
import { inBeijingTime } from '../../testing/time-zone';

inBeijingTime();

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());
const noBackup = () => null;

const CYCLE_KINDS = ['monthly', 'quarterly', 'half_year', 'yearly'];
const cyclesDue = (ctx: LedgerContext) => dueItems(ctx, null).filter((d) => CYCLE_KINDS.includes(d.kind)).map((d) => [d.urgency, d.title] as const);

const signMonth = (ctx: LedgerContext, month: string) => {
  const run = createRun(ctx, { month }, noBackup);
  for (const i of run.template.items) setResult(ctx, { runId: run.id, itemId: i.id, result: 'pass' });
  signRun(ctx, { runId: run.id, signedOn: ctx.today, inspector: ref(f.people.officer), user: ref(f.people.borrower), sectionHead: ref(f.people.leader) }, noBackup);
};

const count = (ctx: LedgerContext, purpose: string, scope: { scopeKind: string; scopeId?: string } = { scopeKind: 'all' }) => {
  const s = startSession(ctx, { purpose, ...scope });
  endSession(ctx, { sessionId: s.sessionId });
};

describe('the cycles of DOMAIN §5 on the due list', () => {
  it('§5 a month, quarter, half-year or year without its record stays on the list, overdue, until the record exists; nothing before the ledger began', () => {
    // The fixture's ledger began on 2026-11-20: no October, no third quarter.
    expect(cyclesDue(f.ctx('2027-01-05'))).toEqual([
      ['overdue', '2026-11 月度保密检查（月查、月清理）尚未开始'],
      ['overdue', '2026-12 月度保密检查（月查、月清理）尚未开始'],
      ['overdue', '季度核对（2026-10-01 至 2026-12-31）尚未完成'],
      ['overdue', '半年清退（2026-07-01 至 2026-12-31）尚未完成'],
      ['overdue', '年度清点与保密自查自评（2026-01-01 至 2026-12-31）尚未完成'],
      ['upcoming', '2027-01 月度保密检查（月查、月清理）尚未开始'],
      ['upcoming', '季度核对（2027-01-01 至 2027-03-31）尚未完成'],
      ['upcoming', '半年清退（2027-01-01 至 2027-06-30）尚未完成'],
      ['upcoming', '年度清点与保密自查自评（2027-01-01 至 2027-12-31）尚未完成'],
    ]);

    // November signed late, in January; a full count made late clears the quarter it was owed for.
    const jan = f.ctx('2027-01-05');
    signMonth(jan, '2026-11');
    count(jan, 'quarterly');
    const after = cyclesDue(f.ctx('2027-01-06'));
    expect(after.filter(([u]) => u === 'overdue').map(([, t]) => t)).toEqual([
      '2026-12 月度保密检查（月查、月清理）尚未开始',
      '半年清退（2026-07-01 至 2026-12-31）尚未完成',
      '年度清点与保密自查自评（2026-01-01 至 2026-12-31）尚未完成',
    ]);
    expect(after).toContainEqual(['upcoming', '季度核对（2027-01-01 至 2027-03-31）尚未完成']);
  });

  it('§5 the cycles start with the vault, not with its first entry', () => {
    f.db.prepare('INSERT INTO vault_meta (id, vault_id, unit_name, officer_name, created_at) VALUES (1, ?, ?, ?, ?)').run('v', '某单位', '张保密', '2026-09-30T17:00:00.000Z');
    // Created on 1 October, Beijing time: October is owed, September is not.
    const months = cyclesDue(f.ctx('2026-11-20')).filter(([, t]) => t.includes('月度')).map(([u, t]) => [u, t.slice(0, 7)]);
    expect(months).toEqual([
      ['overdue', '2026-10'],
      ['upcoming', '2026-11'],
    ]);
  });

  it('§5 only a count of the whole unit is the quarterly reconciliation; one begun at 07:00 on 1 January, Beijing time, belongs to the new quarter', () => {
    const quarters = (today: string) => dueItems(f.ctx(today), null).filter((d) => d.kind === 'quarterly').map((d) => d.title);
    const dec = f.ctx('2026-12-10');
    count(dec, 'quarterly', { scopeKind: 'person', scopeId: f.people.borrower.id });
    count(dec, 'quarterly', { scopeKind: 'cabinet', scopeId: f.cabinet.id });
    expect(quarters('2026-12-11')).toEqual(['季度核对（2026-10-01 至 2026-12-31）尚未完成']);
    count(dec, 'quarterly');
    expect(quarters('2026-12-11')).toEqual([]);

    // 2026-12-31T23:00Z is 2027-01-01 07:00 in Beijing.
    count({ ...f.ctx('2027-01-01'), at: '2026-12-31T23:00:00.000Z' }, 'quarterly');
    expect(quarters('2027-01-02')).toEqual([]);
  });
});

describe('the backup on the due list', () => {
  it('R-05 follows the newest read-back: one that failed is due although an older backup passed within the week', () => {
    const status = backupStatus({ lastBackupAt: '2026-11-19T17:00:00.000Z', lastVerifiedAt: '2026-11-19T17:10:00.000Z' });
    const backup = dueItems(f.ctx(), status).filter((d) => d.kind === 'backup');
    // The instant is 2026-11-20 01:10 in Beijing.
    expect(backup.map((d) => [d.urgency, d.title])).toEqual([['overdue', '备份：最近一次读回校验未通过（2026-11-20），须重新备份并校验']]);
    expect(dueItems(f.ctx(), { ...status, lastVerifiedOk: true }).filter((d) => d.kind === 'backup')).toEqual([]);
  });
});
