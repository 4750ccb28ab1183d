import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src/api/result';
import { failure, fakeApi, renderZh, summary } from '../test/fake-api';
import { LedgerShell } from './ledger-shell';

describe('LedgerShell when the first summary read fails', () => {
  it('shows main’s message with 重试 and keeps 锁定 reachable', async () => {
    const api = fakeApi();
    api.home.summary.mockResolvedValueOnce(failure('INTERNAL', '数据库忙，请稍后再试')).mockResolvedValue(ok(summary()));
    const onLock = vi.fn(async () => undefined);
    const user = userEvent.setup();
    renderZh(<LedgerShell onLock={onLock} onVaultLocked={vi.fn()} />);

    const failed = await screen.findByTestId('summary-failed');
    expect(failed.textContent).toContain('数据库忙，请稍后再试');
    await user.click(within(failed).getByRole('button', { name: '锁定' }));
    expect(onLock).toHaveBeenCalledTimes(1);

    await user.click(within(failed).getByRole('button', { name: '重试' }));
    expect((await screen.findByTestId('header-unit')).textContent).toBe('某某研究所');
    expect(screen.queryByTestId('summary-failed')).toBeNull();
  });
});
