import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import { fakeApi } from '../../test/fake-api';
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
});
