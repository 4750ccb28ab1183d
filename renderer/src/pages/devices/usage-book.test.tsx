import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import { failure, fakeApi } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { MissingUsageDays, UsageBook } from './usage-book';
import { computerRow } from '../../test/fixtures';

const computer = computerRow();

describe('a computer’s usage book and missing days when the read fails', () => {
  it('the usage book shows main’s message in place of the loader, and 重试 reads it again', async () => {
    fakeApi();
    const book = vi.mocked(window.api.computers.usageBook).mockResolvedValueOnce(failure('INTERNAL', '数据库忙，请稍后再试')).mockResolvedValueOnce(ok([]));
    const user = userEvent.setup();
    renderInShell(<UsageBook computer={computer} version={1} />);

    const failed = await screen.findByTestId('usage-book-failed');
    expect(failed.textContent).toContain('数据库忙，请稍后再试');
    expect(screen.queryByLabelText('正在读取台账状态…')).toBeNull();
    await user.click(within(failed).getByRole('button', { name: '重试' }));
    expect(book).toHaveBeenCalledTimes(2);
    expect(await screen.findByText(/年没有使用登记$/)).toBeTruthy();
    expect(screen.queryByTestId('usage-book-failed')).toBeNull();
  });

  it('the missing days panel too', async () => {
    fakeApi();
    const days = vi.mocked(window.api.computers.daysWithoutUsage).mockResolvedValueOnce(failure('INTERNAL', '数据库忙，请稍后再试')).mockResolvedValueOnce(ok(['2026-11-03']));
    const user = userEvent.setup();
    renderInShell(<MissingUsageDays computer={computer} version={1} />);

    const failed = await screen.findByTestId('missing-days-failed');
    expect(failed.textContent).toContain('数据库忙，请稍后再试');
    expect(screen.queryByLabelText('正在读取台账状态…')).toBeNull();
    await user.click(within(failed).getByRole('button', { name: '重试' }));
    expect(days).toHaveBeenCalledTimes(2);
    expect((await screen.findByTestId('missing-days')).textContent).toContain('2026-11-03');
    expect(screen.queryByTestId('missing-days-failed')).toBeNull();
  });
});
