import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { RunDetail } from '../../../../src/ledger/inspections/runs';
import { fakeApi } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { RunPage } from './run-page';
import { monthlyRun } from '../../test/fixtures';

const run = (): RunDetail =>
  monthlyRun(
    [
      { id: 'A02', group: 'A', text: '无下落不明的载体', points: 0, evidence: 'lost_items' },
      { id: 'A03', group: 'A', text: '逾期未还的借阅、传阅已列明并催还（R-23、R-24）', points: 0, evidence: 'overdue_loans' },
    ],
    {
      evidence: {
        lost_items: { count: 0, summary: '无下落不明', links: [] },
        overdue_loans: { count: 1, summary: '1 件逾期未还', links: [{ type: 'carrier', id: 'c-2', label: 'ZT-2026-0002 年度科研项目技术方案（应还 2026-11-12）' }] },
      },
    },
  );

describe('不符合 asks for the finding', () => {
  it('refuses an empty finding with Chinese messages, a deadline before the month, then records it with owner and deadline', async () => {
    fakeApi();
    vi.mocked(window.api.inspections.detail).mockResolvedValue(ok(run()));
    const setResult = vi
      .mocked(window.api.inspections.setResult)
      .mockResolvedValue(ok({ itemId: 'A03', result: 'fail', note: '', eventId: 9 }));
    const user = userEvent.setup();
    const { nav } = renderInShell(<RunPage id="r-1" />);

    const item = await screen.findByTestId('item-A03');
    // The evidence the ledger has is there before anything is chosen, linked to the carrier.
    expect(within(item).getByTestId('evidence-summary').textContent).toBe('1 件逾期未还');
    await user.click(within(item).getByRole('button', { name: /ZT-2026-0002/ }));
    expect(nav.navigate).toHaveBeenCalledWith({ page: 'carrier', id: 'c-2' });

    await user.click(within(item).getByText('不符合'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('A03 不符合：登记问题')).toBeTruthy();
    // The finding's text has the focus; Enter submits the empty form.
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByText('请填写发现的问题')).toBeTruthy();
    expect(within(dialog).getByText('请填写整改责任人')).toBeTruthy();
    expect(setResult).not.toHaveBeenCalled();

    await user.type(within(dialog).getByRole('textbox', { name: /发现的问题/ }), '1 件借阅逾期未还');
    await user.type(within(dialog).getByRole('combobox', { name: /整改责任人/ }), '孙保管');
    const deadline = within(dialog).getByLabelText(/整改期限/);
    await user.clear(deadline);
    await user.type(deadline, '2026-10-31');
    await user.click(within(dialog).getByRole('button', { name: '登记不符合' }));
    expect(await within(dialog).findByText('整改期限不能早于检查月份（2026-11-01）')).toBeTruthy();
    expect(setResult).not.toHaveBeenCalled();

    await user.clear(deadline);
    await user.type(deadline, '2026-12-10');
    await user.click(within(dialog).getByRole('button', { name: '登记不符合' }));
    await waitFor(() => expect(setResult).toHaveBeenCalledTimes(1));
    expect(setResult).toHaveBeenCalledWith({
      runId: 'r-1',
      itemId: 'A03',
      result: 'fail',
      note: '',
      finding: { text: '1 件借阅逾期未还', owner: { personId: 'p-sun', name: '孙保管' }, deadline: '2026-12-10' },
    });
  });

  it('符合 is recorded at once, without a dialog', async () => {
    fakeApi();
    vi.mocked(window.api.inspections.detail).mockResolvedValue(ok(run()));
    const setResult = vi.mocked(window.api.inspections.setResult).mockResolvedValue(ok({ itemId: 'A02', result: 'pass', note: '', eventId: 3 }));
    const user = userEvent.setup();
    renderInShell(<RunPage id="r-1" />);
    const item = await screen.findByTestId('item-A02');
    await user.click(within(item).getByText('符合'));
    await waitFor(() => expect(setResult).toHaveBeenCalledWith({ runId: 'r-1', itemId: 'A02', result: 'pass', note: '' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(item.dataset['result']).toBe('pass'));
    expect(screen.getByTestId('run-progress').textContent).toBe('已检查 1 / 2 项');
  });
});
