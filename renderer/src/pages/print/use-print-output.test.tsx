import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { PrintRequest } from '../../../../src/print/print-types';
import { FormError } from '../../components/form-error';
import { failure, fakeApi } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { usePrintOutput } from './use-print-output';

const REQUEST: PrintRequest = { registerId: 'inspection', from: '2026-11-01', to: '2026-11-30', levels: [], blank: true };

/** The hook's state, shown, with its two buttons. */
function Probe() {
  const { error, output, print, savePdf } = usePrintOutput();
  return (
    <div>
      <button onClick={() => void print(REQUEST)}>打印</button>
      <button onClick={() => void savePdf(REQUEST)}>保存为 PDF</button>
      <FormError error={error} />
      <span data-testid="output">{output ? JSON.stringify({ pages: output.pages, path: output.path }) : ''}</span>
    </div>
  );
}

function setup() {
  fakeApi();
  renderInShell(<Probe />);
  return { print: vi.mocked(window.api.print.print), savePdf: vi.mocked(window.api.print.savePdf), user: userEvent.setup() };
}

describe('usePrintOutput', () => {
  it('keeps what was printed, without a page count, and says it was sent', async () => {
    const { print, user } = setup();
    print.mockResolvedValue(ok({ printed: true }));
    await user.click(screen.getByRole('button', { name: '打印' }));
    expect(await screen.findByText('已送打印')).toBeTruthy();
    expect(screen.getByTestId('output').textContent).toBe('{"pages":null,"path":null}');
    expect(print).toHaveBeenCalledWith(REQUEST);
  });

  it('keeps the saved PDF with its path and pages; a cancelled print or save dialog leaves nothing', async () => {
    const { print, savePdf, user } = setup();
    print.mockResolvedValue(ok({ printed: false }));
    savePdf.mockResolvedValueOnce(ok(null));
    await user.click(screen.getByRole('button', { name: '打印' }));
    await user.click(screen.getByRole('button', { name: '保存为 PDF' }));
    await waitFor(() => expect(savePdf).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('output').textContent).toBe('');

    savePdf.mockResolvedValueOnce(ok({ path: '/media/officer/登记簿.pdf', pages: 3 }));
    await user.click(screen.getByRole('button', { name: '保存为 PDF' }));
    await waitFor(() => expect(screen.getByTestId('output').textContent).toBe('{"pages":3,"path":"/media/officer/登记簿.pdf"}'));
  });

  it("shows main's refusal", async () => {
    const { savePdf, user } = setup();
    savePdf.mockResolvedValue(failure('INTERNAL', '无法写入所选位置'));
    await user.click(screen.getByRole('button', { name: '保存为 PDF' }));
    expect(await screen.findByText('无法写入所选位置')).toBeTruthy();
    expect(screen.getByTestId('output').textContent).toBe('');
  });
});
