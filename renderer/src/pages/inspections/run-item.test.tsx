import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok, type IpcResult } from '../../../../src/api/result';
import type { RunDetail, RunResult } from '../../../../src/ledger/inspections/runs';
import { failure, fakeApi } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { RunPage } from './run-page';
import { deferred, monthlyRun } from '../../test/fixtures';

const run = (): RunDetail =>
  monthlyRun(
    [
      { id: 'A1', group: 'A', text: '台账齐全', points: 0 },
      { id: 'A2', group: 'A', text: '柜锁完好', points: 0 },
    ],
    { results: [{ itemId: 'A1', result: 'pass', note: '', eventId: 5 }] },
  );

describe('检查项备注', () => {
  it('Enter then Tab before main answers records the note once; a refused note may be sent again; the stored one is not', async () => {
    fakeApi();
    vi.mocked(window.api.inspections.detail).mockResolvedValue(ok(run()));
    const answer = deferred<IpcResult<RunResult>>();
    const setResult = vi.mocked(window.api.inspections.setResult).mockReturnValueOnce(answer.promise);
    const user = userEvent.setup();
    renderInShell(<RunPage id="r-1" />);
    const idle = () => expect(screen.getByRole('radiogroup', { name: /A1/ }).querySelector('input:disabled')).toBeNull();

    const note = await screen.findByRole('textbox', { name: /A1/ });
    await user.type(note, '已核对{Enter}');
    await user.tab();
    expect(setResult).toHaveBeenCalledTimes(1);
    expect(setResult).toHaveBeenCalledWith({ runId: 'r-1', itemId: 'A1', result: 'pass', note: '已核对', finding: null });

    answer.resolve(failure('CONFLICT', '检查已签署'));
    await waitFor(idle);
    setResult.mockResolvedValueOnce(ok({ itemId: 'A1', result: 'pass', note: '已核对', eventId: 6 }));
    await user.click(note);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(setResult).toHaveBeenCalledTimes(2));
    await waitFor(idle);

    await user.keyboard('{Enter}');
    await user.tab();
    expect(setResult).toHaveBeenCalledTimes(2);
  });
});
