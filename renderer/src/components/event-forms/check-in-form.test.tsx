import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import { today } from '../../lib/dates';
import { CarrierCheckInForm } from '../../pages/carriers/actions/loan-forms';
import { fakeApi } from '../../test/fake-api';
import { listRow, renderInShell } from '../../test/shell-harness';
import { CheckInForm } from './check-in-form';

const LABELS = { date: '归还日期', intact: '核验无误', damage: '异常情况', describe: '请说明异常情况', submit: '归还' };

describe('归还 / 带回 check-in', () => {
  it('records the check, by default by the officer (a name, not a registered person)', async () => {
    fakeApi();
    const record = vi.fn(async () => ok(null));
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderInShell(<CheckInForm labels={LABELS} record={record} onDone={onDone} onCancel={vi.fn()} />);

    expect((screen.getByLabelText(/^归还日期/, { selector: 'input' }) as HTMLInputElement).value).toBe(today());
    await user.click(screen.getByRole('button', { name: '归还' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(record).toHaveBeenCalledWith({ occurredOn: today(), intact: true, checkedBy: { name: '张保密' }, note: '' });
  });

  it('asks what is wrong when the item is not intact, under the caller’s words', async () => {
    fakeApi();
    const record = vi.fn(async () => ok(null));
    const user = userEvent.setup();
    renderInShell(<CheckInForm labels={LABELS} record={record} onDone={vi.fn()} onCancel={vi.fn()} />);

    await user.click(screen.getByRole('checkbox', { name: '核验无误' }));
    await user.click(screen.getByRole('button', { name: '归还' }));
    expect(await screen.findByText('请说明异常情况')).toBeTruthy();
    expect(record).not.toHaveBeenCalled();

    await user.type(screen.getByRole('textbox', { name: '异常情况' }), '外壳破损{Enter}');
    await waitFor(() => expect(record).toHaveBeenCalledTimes(1));
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ intact: false, note: '外壳破损' }));
  });

  it('sends a carrier’s 带回 to its own channel, a registered checker by id', async () => {
    fakeApi();
    const bringBack = vi.mocked(window.api.carriers.bringBack).mockResolvedValue(ok(listRow({ state: 'in_store' })));
    const user = userEvent.setup();
    renderInShell(<CarrierCheckInForm carrier={listRow({ state: 'taken_out' })} kind="bringBack" onDone={vi.fn()} onCancel={vi.fn()} />);

    const checker = screen.getByRole('combobox', { name: '核验人' });
    await user.clear(checker);
    await user.type(checker, '孙保管');
    await user.click(screen.getByRole('button', { name: '带回' }));

    await waitFor(() => expect(bringBack).toHaveBeenCalledTimes(1));
    expect(bringBack).toHaveBeenCalledWith({
      carrierId: 'c-1',
      occurredOn: today(),
      intact: true,
      checkedBy: { personId: 'p-sun', name: '孙保管' },
      note: '',
    });
  });
});
