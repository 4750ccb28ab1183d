import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { renderInShell } from '../test/shell-harness';
import { DestructionPage } from '../pages/carriers/destruction-page';
import { ReceivePage } from '../pages/carriers/receive-page';

async function choose(user: UserEvent, field: HTMLElement, option: RegExp) {
  await user.click(field);
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('focusFirstError', () => {
  it('销毁清单: Enter with later fields missing moves focus to the first one in error', async () => {
    fakeApi();
    const user = userEvent.setup();
    renderInShell(<DestructionPage items={[{ id: 'c-1', number: 'ZT-1', title: 't', marking: '机密★10年', state: 'in_store' }]} />);
    const reason = screen.getByRole('textbox', { name: '销毁理由' });
    expect(document.activeElement).toBe(reason);
    await user.keyboard('过期{Enter}');
    const applicant = screen.getByRole('combobox', { name: '申请人' });
    await waitFor(() => expect(document.activeElement).toBe(applicant));
    expect(applicant.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-invalid')).not.toBe('true');
    expect(window.api.carriers.destroy).not.toHaveBeenCalled();
  });

  it('收文登记: an error on the second item takes focus there from the first', async () => {
    fakeApi();
    const user = userEvent.setup();
    renderInShell(<ReceivePage />);
    await choose(user, screen.getByRole('combobox', { name: '签收人' }), /^孙保管/);
    const first = screen.getByRole('region', { name: '第 1 件' });
    await user.type(within(first).getByRole('textbox', { name: '标题' }), '会议纪要');
    await choose(user, within(first).getByRole('combobox', { name: '密级' }), /^秘密$/);
    await user.click(screen.getByRole('button', { name: '添加一件' }));
    const second = await screen.findByRole('region', { name: '第 2 件' });
    await user.type(within(second).getByRole('textbox', { name: '标题' }), '工作方案');
    await choose(user, within(second).getByRole('combobox', { name: '密级' }), /^机密$/);

    await user.click(within(first).getByRole('textbox', { name: '标题' }));
    await user.keyboard('{Enter}');
    const copyNumbers = within(second).getByRole('textbox', { name: '份号' });
    await waitFor(() => expect(document.activeElement).toBe(copyNumbers));
    expect(copyNumbers.getAttribute('aria-invalid')).toBe('true');
    expect(window.api.carriers.receive).not.toHaveBeenCalled();
  });

  it('focuses a select in error (签收人) when it is the first field in error', async () => {
    fakeApi();
    const user = userEvent.setup();
    renderInShell(<ReceivePage />);
    const first = screen.getByRole('region', { name: '第 1 件' });
    await user.type(within(first).getByRole('textbox', { name: '标题' }), '会议纪要{Enter}');
    const receiver = screen.getByRole('combobox', { name: '签收人' });
    await waitFor(() => expect(document.activeElement).toBe(receiver));
    expect(receiver.getAttribute('aria-invalid')).toBe('true');
    expect(vi.mocked(window.api.carriers.receive)).not.toHaveBeenCalled();
  });
});
