import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReconReport } from '../../../../src/ledger/inspections/reconciliation';
import { fakeApi } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { ReconReportView } from './recon-report-view';

const kept = { kind: 'carrier' as const, id: 'c-1', number: 'ZT-2026-0001', title: '年度工作要点' };
const lent = { kind: 'carrier' as const, id: 'c-2', number: 'ZT-2026-0002', title: '项目技术方案', how: 'on_loan' as const };

const report = (over: Partial<ReconReport> = {}): ReconReport => ({
  sessionId: 's-1',
  purpose: '离岗前清点',
  scope: '人员：王借阅',
  startedAt: '2026-11-20T02:00:00.000Z',
  endedAt: '2026-11-20T03:00:00.000Z',
  expected: 2,
  sighted: [kept],
  missing: [lent],
  unexpected: [],
  duplicates: [],
  away: [],
  ...over,
});

describe('清点 report', () => {
  it('R-28 in a person’s count, says which items they were to produce from loan, not from their keeping', () => {
    fakeApi();
    renderInShell(<ReconReportView report={report()} />);
    const row = within(screen.getByTestId('recon-missing')).getByTestId('recon-row');
    expect(row.textContent).toContain(lent.number);
    expect(within(row).getByText('借出或携带外出，由本人交验')).toBeTruthy();
    // Only that one: an item from their own keeping carries no such mark.
    renderInShell(<ReconReportView report={report({ missing: [kept], sighted: [lent] })} />);
    expect(screen.getAllByText('借出或携带外出，由本人交验')).toHaveLength(1);
  });
});
