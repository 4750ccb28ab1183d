import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { RegisterInfo } from '../../../../src/print/print-types';
import { fakeApi } from '../../test/fake-api';
import { listRow, renderInShell } from '../../test/shell-harness';
import { PrintPage } from './print-page';

const REGISTERS = [{ id: 'carriers', title: '载体台账', orientation: 'landscape', subject: null, snapshot: true }] as unknown as RegisterInfo[];

async function setup() {
  fakeApi();
  vi.mocked(window.api.print.registers).mockResolvedValue(ok(REGISTERS));
  const print = vi.mocked(window.api.print.print).mockResolvedValue(ok({ printed: true }));
  const register = vi
    .mocked(window.api.print.registerPrintout)
    .mockResolvedValueOnce(ok(listRow({ id: 'p1', number: 'ZT-2026-0099', title: '载体台账打印件' }) as never))
    .mockResolvedValueOnce(ok(listRow({ id: 'p2', number: 'ZT-2026-0100', title: '载体台账打印件' }) as never));
  const user = userEvent.setup();
  renderInShell(<PrintPage />);
  await waitFor(() => expect(window.api.print.registers).toHaveBeenCalled());
  await user.click(screen.getByRole('combobox', { name: '登记簿' }));
  await user.click(await screen.findByRole('option', { name: '载体台账' }));
  return { print, register, user };
}

async function registerCard(user: UserEvent, card: HTMLElement) {
  await user.type(within(card).getByRole('textbox', { name: '页数' }), '3');
  await user.click(within(card).getByRole('combobox', { name: '保管人' }));
  await user.click(await screen.findByRole('option', { name: /孙保管/ }));
  await user.click(within(card).getByRole('button', { name: '登记为载体' }));
}

const forms = () => screen.queryAllByRole('form', { name: '登记打印件为载体' });

describe('打印登记簿: registering printouts (R-05)', () => {
  it('a second print of the same register gets its own registration form', async () => {
    const { print, register, user } = await setup();
    await user.click(screen.getByRole('button', { name: '打印' }));
    await registerCard(user, await screen.findByTestId('print-output'));
    expect(await screen.findByTestId('printout-registered')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '打印' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(2));
    const cards = await screen.findAllByTestId('print-output');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]!).getByTestId('printout-registered').textContent).toContain('ZT-2026-0099');
    expect(within(cards[1]!).queryByTestId('printout-registered')).toBeNull();
    await registerCard(user, cards[1]!);
    await waitFor(() => expect(register).toHaveBeenCalledTimes(2));
    expect(within(cards[1]!).getByTestId('printout-registered').textContent).toContain('ZT-2026-0100');
  });

  it('an unregistered printout keeps its form when the request changes; a registered one goes; dismissing is deliberate', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: '打印' }));
    await screen.findByTestId('print-output');
    const from = screen.getByLabelText(/^开始日期/, { selector: 'input' });
    await user.clear(from);
    await user.type(from, '2026-01-01');
    expect((from as HTMLInputElement).value).toBe('2026-01-01');
    expect(forms()).toHaveLength(1);

    await registerCard(user, screen.getByTestId('print-output'));
    await screen.findByTestId('printout-registered');
    await user.click(screen.getByRole('button', { name: '打印' }));
    await waitFor(() => expect(forms()).toHaveLength(1));
    await user.clear(from);
    await user.type(from, '2026-02-01');
    expect(screen.queryByTestId('printout-registered')).toBeNull();
    expect(forms()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: '不登记此打印件' }));
    expect(screen.queryByTestId('print-output')).toBeNull();
  });
});
