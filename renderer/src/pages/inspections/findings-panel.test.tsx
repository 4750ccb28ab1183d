import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../../../src/api/result';
import type { Finding } from '../../../../src/ledger/inspections/runs';
import { failure, fakeApi } from '../../test/fake-api';
import { deferred } from '../../test/fixtures';
import { renderInShell } from '../../test/shell-harness';
import { FindingsPanel } from './findings-panel';

const finding: Finding = {
  id: 'f-1',
  runId: 'r-1',
  month: '2026-11',
  itemId: 'A03',
  text: '借阅逾期未还',
  owner: { personId: 'p-1', name: '王借阅' },
  deadline: '2026-12-05',
  state: 'open',
  closedOn: null,
  rectification: null,
};

describe('整改关闭', () => {
  it('the dialog cannot be closed with Esc while main records the rectification; its refusal then shows on the form, text kept', async () => {
    fakeApi();
    const answer = deferred<IpcResult<unknown>>();
    vi.mocked(window.api.inspections.closeFinding).mockImplementation(() => answer.promise as never);
    const user = userEvent.setup();
    renderInShell(<FindingsPanel title="未整改问题" findings={[finding]} testId="findings" empty="无" onClosed={vi.fn()} />);

    await user.click(within(screen.getByTestId('findings')).getByRole('button', { name: '整改关闭' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /整改情况/ }), '已催还并归还');
    await user.click(within(dialog).getByRole('button', { name: '登记整改' }));
    await waitFor(() => expect(window.api.inspections.closeFinding).toHaveBeenCalledTimes(1));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeTruthy();

    answer.resolve(failure('VALIDATION', '整改日期不能早于问题登记之日'));
    expect(await within(screen.getByRole('dialog')).findByText('整改日期不能早于问题登记之日')).toBeTruthy();
    expect(within(screen.getByRole('dialog')).getByRole('textbox', { name: /整改情况/ })).toHaveProperty('value', '已催还并归还');
  });
});
