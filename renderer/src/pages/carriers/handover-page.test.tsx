import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import { failure, fakeApi } from '../../test/fake-api';
import { listRow, renderInShell } from '../../test/shell-harness';
import { HandoverPage } from './handover-page';

describe('人员移交 page', () => {
  it('R-14 R-30 lists a missing item with what holds it up, and counts only the items that can be handed over', async () => {
    fakeApi();
    vi.mocked(window.api.carriers.holdings).mockResolvedValue(
      ok([listRow({ id: 'c-1', number: 'ZT-2026-0001', custodianId: 'p-sun' }), listRow({ id: 'c-2', number: 'ZT-2026-0002', custodianId: 'p-sun', state: 'missing', lostOn: '2026-11-10' })]),
    );
    renderInShell(<HandoverPage personId="p-sun" />);
    const list = await screen.findByTestId('handover-list');
    const missingRow = within(list).getByText('ZT-2026-0002').closest('tr')!;
    expect(missingRow.textContent).toContain('下落不明，找回后才能移交（R-30）');
    expect(within(list).getByText('ZT-2026-0001').closest('tr')!.textContent).toContain('保管人改为接收人');
    expect(screen.getByRole('button', { name: '移交 1 件' })).toBeTruthy();
  });

  it('a failed read of the holdings is shown in place of 正在读取…, and 重试 reads them again', async () => {
    fakeApi();
    const holdings = vi
      .mocked(window.api.carriers.holdings)
      .mockResolvedValueOnce(failure('INTERNAL', '数据库忙，请稍后再试'))
      .mockResolvedValueOnce(ok([listRow({ id: 'c-1', number: 'ZT-2026-0001', custodianId: 'p-sun' })]));
    const user = userEvent.setup();
    renderInShell(<HandoverPage personId="p-sun" />);

    const failed = await screen.findByTestId('handover-read-failed');
    expect(failed.textContent).toContain('数据库忙，请稍后再试');
    expect(screen.queryByText('正在读取台账状态…')).toBeNull();
    await user.click(within(failed).getByRole('button', { name: '重试' }));
    expect(holdings).toHaveBeenCalledTimes(2);
    expect(await screen.findByTestId('handover-list')).toBeTruthy();
    expect(screen.queryByTestId('handover-read-failed')).toBeNull();
    expect(screen.getByRole('button', { name: '移交 1 件' })).toHaveProperty('disabled', false);
  });
});
