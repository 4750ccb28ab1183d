import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import { DEFAULT_SETTINGS } from '../../../../src/settings/settings-schema';
import { today } from '../../lib/dates';
import { fakeApi } from '../../test/fake-api';
import { listRow, renderInShell } from '../../test/shell-harness';
import { emptyItem, receiveRules, toReceiveInput, type ReceiveValues } from './receive-form-model';
import { ReceivePage } from './receive-page';

async function choose(user: UserEvent, field: HTMLElement, option: RegExp) {
  await user.click(field);
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('收文登记', () => {
  it('R-02: a 机密 item shows that 份号 is required, and nothing is sent until it is given', async () => {
    fakeApi();
    const receive = vi.mocked(window.api.carriers.receive).mockResolvedValue(ok([listRow()]));
    const user = userEvent.setup();
    renderInShell(<ReceivePage />);

    await choose(user, screen.getByRole('combobox', { name: '签收人' }), /^孙保管/);
    const item = screen.getByRole('region', { name: '第 1 件' });
    await user.type(within(item).getByRole('textbox', { name: '标题' }), '关于加强保密管理工作的通知');
    expect(within(item).queryByText('机密载体必须登记份号（R-02）')).toBeNull();
    await choose(user, within(item).getByRole('combobox', { name: '密级' }), /^机密$/);
    expect(within(item).getByText('机密载体必须登记份号（R-02）')).toBeTruthy();
    // Blank term: the marking shows the R-03 maximum the core will apply.
    expect(within(item).getByText('标志：机密★20年（未标明期限，按最长期限，R-03）')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '登记 1 件' }));
    expect(await within(item).findByText('机密载体必须填写份号（R-02）')).toBeTruthy();
    expect(receive).not.toHaveBeenCalled();

    await user.type(within(item).getByRole('textbox', { name: '份号' }), '003{Enter}');
    await waitFor(() => expect(receive).toHaveBeenCalledTimes(1));
    const input = receive.mock.calls[0]?.[0];
    expect(input?.receiverId).toBe('p-sun');
    expect(input?.items).toEqual([
      expect.objectContaining({ title: '关于加强保密管理工作的通知', level: 'jimi', copyNumbers: '003', term: null, custodianId: 'p-sun', copies: 1 }),
    ]);
    expect(await screen.findByTestId('receive-done')).toBeTruthy();
  });

  it('checks each row on its own level and a stated term against the unit maximum (R-03)', () => {
    const t = ((k: string, o?: Record<string, unknown>) => `${k}${o ? JSON.stringify(o) : ''}`) as never;
    const rules = receiveRules(t, { ...DEFAULT_SETTINGS, maxTermYearsJimi: 15 });
    const on = today();
    const values: ReceiveValues = {
      receivedOn: on,
      receiverId: 'p-sun',
      items: [
        { ...emptyItem(on), title: 'a', level: 'mimi' },
        { ...emptyItem(on), title: 'b', level: 'juemi', copyNumbers: ' ' },
        { ...emptyItem(on), title: 'c', level: 'jimi', copyNumbers: '1', term: '16年' },
      ],
    };
    expect(rules.items.copyNumbers('', values, 'items.0.copyNumbers')).toBeNull();
    expect(rules.items.copyNumbers(' ', values, 'items.1.copyNumbers')).toBe('receive.copyNumbersRequired{"level":"绝密"}');
    expect(rules.items.term('16年', values, 'items.2.term')).toBe('term.overMax{"level":"机密","max":15}');
    expect(rules.items.term('15年', values, 'items.2.term')).toBeNull();
  });

  it('sends a blank custodian as the receiver and typed numbers as numbers', () => {
    const on = '2026-11-02';
    const input = toReceiveInput({
      receivedOn: on,
      receiverId: 'p-sun',
      items: [{ ...emptyItem(on), title: ' 纪要 ', level: 'mimi', term: '6个月', pages: '12', copies: '2', number: ' ZT-X-1 ' }],
    });
    expect(input.items[0]).toMatchObject({ title: '纪要', custodianId: 'p-sun', pages: 12, copies: 2, number: 'ZT-X-1', term: { kind: 'months', value: 6 } });
  });
});
