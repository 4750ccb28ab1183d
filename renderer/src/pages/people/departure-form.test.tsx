import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { Holding } from '../../../../src/ledger/people/departure';
import { today } from '../../lib/dates';
import { failure, fakeApi } from '../../test/fake-api';
import { person, renderInShell } from '../../test/shell-harness';
import { DepartureForm } from './departure-form';

const OUTSTANDING: Holding[] = [
  { kind: 'carrier', id: 'c-1', number: 'ZT-2026-0001', title: '关于加强保密管理工作的通知', level: 'jimi', how: 'custody' },
  { kind: 'carrier', id: 'c-2', number: 'ZT-2026-0002', title: '年度科研项目技术方案', level: 'mimi', how: 'on_loan' },
  { kind: 'medium', id: 'm-1', number: 'JZ-2026-001', title: 'JZ-2026-001', level: 'jimi', how: 'responsible' },
];
const MESSAGE = 'R-14：王借阅 名下仍有 3 项涉密载体、介质或计算机未清退（ZT-2026-0001、ZT-2026-0002、JZ-2026-001），须先办理清退移交（R-28）';

describe('离岗 (R-14)', () => {
  it('a refusal shows main’s message and the outstanding list, with the way to the handover', async () => {
    fakeApi();
    const leave = vi.mocked(window.api.people.leave).mockResolvedValue(failure('RULE_VIOLATION', MESSAGE, { rule: 'R-14', outstanding: OUTSTANDING }));
    const onLeft = vi.fn();
    const user = userEvent.setup();
    const { nav } = renderInShell(<DepartureForm person={person('p-wang', '王借阅')} onLeft={onLeft} />);

    await user.click(screen.getByRole('button', { name: '登记离岗' }));
    const refusal = await screen.findByTestId('departure-refusal');
    expect(leave).toHaveBeenCalledWith({ personId: 'p-wang', kind: 'left_post', approvedOn: today(), note: '' });
    expect(within(refusal).getByText(MESSAGE)).toBeTruthy();
    expect(within(refusal).getByText('尚未清退（3 项）：')).toBeTruthy();
    const rows = within(refusal).getByRole('table', { name: '尚未清退的物品' }).querySelectorAll('tbody tr');
    expect([...rows].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['载体', 'ZT-2026-0001', '关于加强保密管理工作的通知', '机密', '保管'],
      ['载体', 'ZT-2026-0002', '年度科研项目技术方案', '秘密', '借用/外出中'],
      ['介质', 'JZ-2026-001', 'JZ-2026-001', '机密', '责任人'],
    ]);
    expect(within(refusal).getByText(/其中 1 项为介质或计算机/)).toBeTruthy();
    expect(onLeft).not.toHaveBeenCalled();

    await user.click(within(refusal).getByRole('button', { name: '办理人员移交（2 件载体）' }));
    expect(nav.navigate).toHaveBeenCalledWith({ page: 'handover', fromId: 'p-wang' });
    // The medium goes to its own page (its responsible person changes there).
    await user.click(within(refusal).getByRole('button', { name: 'JZ-2026-001' }));
    expect(nav.navigate).toHaveBeenLastCalledWith({ page: 'medium', id: 'm-1' });
  });

  it('once nothing is outstanding, leaving is recorded and the page is told', async () => {
    fakeApi();
    const left = { ...person('p-wang', '王借阅'), leftOn: '2026-11-20', leaveKind: 'left_post' as const, declassUntil: '2027-11-20' };
    vi.mocked(window.api.people.leave).mockResolvedValue(ok(left));
    const onLeft = vi.fn();
    const user = userEvent.setup();
    renderInShell(<DepartureForm person={person('p-wang', '王借阅')} onLeft={onLeft} />);
    const date = screen.getByLabelText(/批准日期/);
    await user.clear(date);
    await user.type(date, '2026-11-20{Enter}');
    await waitFor(() => expect(onLeft).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('departure-refusal')).toBeNull();
  });

  it('after leaving, the approved date and the 脱密期 end are shown (R-12)', () => {
    fakeApi();
    const left = { ...person('p-wang', '王借阅'), clearance: 'important' as const, leftOn: '2026-11-20', leaveKind: 'left_post' as const, declassUntil: '2028-11-20' };
    renderInShell(<DepartureForm person={left} onLeft={vi.fn()} />);
    expect(screen.getByTestId('departure-done').textContent).toBe('已于 2026-11-20 离岗。 脱密期至 2028-11-20（R-12）。');
    // Leaving the post first, the unit later: only 离职 is left to record.
    expect(screen.getByRole('button', { name: '登记离职' })).toBeTruthy();
  });
});
