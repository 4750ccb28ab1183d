import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { addDays, today } from '../../../lib/dates';
import { failure, fakeApi } from '../../../test/fake-api';
import { listRow, renderInShell } from '../../../test/shell-harness';
import { LendForm } from './loan-forms';

describe('借阅 form', () => {
  it("shows main's RULE_VIOLATION as it comes (naming the rule) and stays open", async () => {
    fakeApi();
    const lend = vi
      .mocked(window.api.carriers.lend)
      .mockResolvedValue(failure('RULE_VIOLATION', 'R-24：借阅须经他人批准，批准人不能是借阅人本人'));
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderInShell(<LendForm carrier={listRow()} onDone={onDone} onCancel={vi.fn()} />);

    await user.click(screen.getByRole('combobox', { name: '借阅人' }));
    await user.click(await screen.findByRole('option', { name: /^王借阅/ }));
    await user.type(screen.getByRole('combobox', { name: '批准人' }), '王借阅');
    await user.type(screen.getByRole('textbox', { name: '事由' }), '起草方案{Enter}');

    expect(await screen.findByText('R-24：借阅须经他人批准，批准人不能是借阅人本人')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('未办理');
    expect(onDone).not.toHaveBeenCalled();
    await waitFor(() => expect(lend).toHaveBeenCalledTimes(1));
    expect(lend).toHaveBeenCalledWith({
      carrierId: 'c-1',
      borrowerId: 'p-wang',
      reason: '起草方案',
      occurredOn: today(),
      // R-15 default loan of a week, within the unit's 30 days.
      dueOn: addDays(today(), 7),
      note: '',
      approval: { approver: { personId: 'p-wang', name: '王借阅' }, role: 'leader', approvedOn: today(), note: '' },
    });
  });

  it('asks for the borrower and the purpose before calling main', async () => {
    fakeApi();
    const user = userEvent.setup();
    renderInShell(<LendForm carrier={listRow()} onDone={vi.fn()} onCancel={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: '登记借阅' }));
    expect(await screen.findByText('请选择借阅人')).toBeTruthy();
    expect(screen.getByText('请填写事由')).toBeTruthy();
    expect(screen.getByText('请填写批准人')).toBeTruthy();
    expect(window.api.carriers.lend).not.toHaveBeenCalled();
  });
});
