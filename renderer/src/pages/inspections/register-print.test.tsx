import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { PrintRequest } from '../../../../src/print/print-types';
import { fakeApi } from '../../test/fake-api';
import { listRow, renderInShell } from '../../test/shell-harness';
import { RegisterPrintCard } from './register-print';

const REQUEST: PrintRequest = { registerId: 'inspection', from: '2026-11-01', to: '2026-11-30', levels: [], blank: false, subjectId: 'r-1' };

describe('RegisterPrintCard (R-05)', () => {
  it('each plain print of the same register is offered for registration on its own', async () => {
    fakeApi();
    const print = vi.mocked(window.api.print.print).mockResolvedValue(ok({ printed: true }));
    const register = vi.mocked(window.api.print.registerPrintout).mockResolvedValue(ok(listRow({ id: 'p1', number: 'ZT-2026-0099' }) as never));
    const user = userEvent.setup();
    renderInShell(<RegisterPrintCard title="打印检查表" hint="" printLabel="打印检查表" request={REQUEST} />);

    await user.click(screen.getByRole('button', { name: '打印检查表' }));
    const first = await screen.findByTestId('print-output');
    await user.type(within(first).getByRole('textbox', { name: '页数' }), '2');
    await user.click(within(first).getByRole('combobox', { name: '保管人' }));
    await user.click(await screen.findByRole('option', { name: /孙保管/ }));
    await user.click(within(first).getByRole('button', { name: '登记为载体' }));
    expect(await within(first).findByTestId('printout-registered')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '打印检查表' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(2));
    const cards = await screen.findAllByTestId('print-output');
    expect(cards).toHaveLength(2);
    expect(within(cards[1]!).getByRole('form', { name: '登记打印件为载体' })).toBeTruthy();
    expect(register).toHaveBeenCalledTimes(1);
  });
});
