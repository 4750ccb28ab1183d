import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../../src/api/result';
import type { TimelineEntry } from '../../../../../src/ledger/carriers/carrier-queries';
import { today } from '../../../lib/dates';
import { fakeApi } from '../../../test/fake-api';
import { listRow, renderInShell } from '../../../test/shell-harness';
import { CorrectForm } from './correct-form';

const entry: TimelineEntry = {
  id: 7,
  type: 'received',
  label: '收文登记',
  occurredOn: '2026-11-02',
  at: '2026-11-02T01:00:00.000Z',
  actor: '张保密',
  payload: {},
  batchId: null,
  corrects: null,
  correctedBy: [],
};

describe('更正', () => {
  it('sends only the fields that changed, pointing at the corrected entry', async () => {
    fakeApi();
    const correct = vi.mocked(window.api.carriers.correct).mockResolvedValue(ok(listRow()));
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderInShell(<CorrectForm carrier={listRow()} entry={entry} onDone={onDone} onCancel={vi.fn()} />);

    expect(screen.getByText(/更正记录 #7（收文登记，2026-11-02）/)).toBeTruthy();
    const pages = screen.getByRole('textbox', { name: '页数' });
    await user.clear(pages);
    await user.type(pages, '8');
    await user.type(screen.getByRole('textbox', { name: '更正理由' }), '页数登记错误{Enter}');

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(correct).toHaveBeenCalledWith({
      carrierId: 'c-1',
      correctsEventId: 7,
      reason: '页数登记错误',
      occurredOn: today(),
      patch: { pages: 8 },
    });
  });

  it('refuses an empty correction without calling main', async () => {
    fakeApi();
    const user = userEvent.setup();
    renderInShell(<CorrectForm carrier={listRow()} entry={entry} onDone={vi.fn()} onCancel={vi.fn()} />);
    await user.type(screen.getByRole('textbox', { name: '更正理由' }), '核对{Enter}');
    expect(await screen.findByText('没有修改任何内容')).toBeTruthy();
    expect(window.api.carriers.correct).not.toHaveBeenCalled();
  });
});
