import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src/api/result';
import type { Settings } from '../../../src/api/types';
import { failure, fakeApi, settings } from '../test/fake-api';
import { renderInShell } from '../test/shell-harness';
import { SettingsPage } from './settings-page';

function setup(over: Partial<Settings> = {}) {
  const api = fakeApi();
  // The 本机 card reads the computers ledger.
  vi.mocked(window.api.computers.list).mockResolvedValue(ok([]));
  const reloadSettings = vi.fn(async () => undefined);
  const settingsSaved = vi.fn();
  const { ctx } = renderInShell(<SettingsPage />, { settings: { ...settings(), ...over }, reload: { reloadSettings, settingsSaved } });
  return { api, ctx, reloadSettings, settingsSaved, user: userEvent.setup() };
}

const input = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;

describe('SettingsPage', () => {
  it('saves the idle minutes (R-11), takes the settings main answered with and refreshes the chain head without a full verification', async () => {
    const { api, ctx, reloadSettings, settingsSaved, user } = setup();
    const idle = await screen.findByLabelText('空闲自动锁定（分钟）');
    expect((idle as HTMLInputElement).value).toBe('10');
    await user.clear(idle);
    await user.type(idle, '3{Enter}');
    await waitFor(() => expect(api.settings.update).toHaveBeenCalledWith({ idleMinutes: 3, passphraseMinLength: 8 }));
    expect(await screen.findByText('设置已保存')).toBeTruthy();
    expect(settingsSaved).toHaveBeenCalledWith(expect.objectContaining({ idleMinutes: 3, passphraseMinLength: 8 }));
    expect(reloadSettings).not.toHaveBeenCalled();
    expect(ctx.reloadSummary).toHaveBeenCalled();
    expect(ctx.verifyChain).not.toHaveBeenCalled();
  });

  it('Enter on the untouched settings sends nothing, so no empty settings.updated entry is written', async () => {
    const { api, settingsSaved, user } = setup();
    const idle = await screen.findByLabelText('空闲自动锁定（分钟）');
    await user.click(idle);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('设置没有变化，无需保存')).toBeTruthy();
    await user.clear(idle);
    await user.type(idle, '10{Enter}');
    expect(await screen.findByText('设置没有变化，无需保存')).toBeTruthy();
    expect(api.settings.update).not.toHaveBeenCalled();
    expect(settingsSaved).not.toHaveBeenCalled();
  });

  it('refuses idle minutes outside 1-240', async () => {
    const { api, user } = setup();
    const idle = await screen.findByLabelText('空闲自动锁定（分钟）');
    await user.clear(idle);
    await user.type(idle, '0');
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText('请输入 1 到 240 之间的整数')).toBeTruthy();
    expect(api.settings.update).not.toHaveBeenCalled();
  });

  it('checks the new passphrase against the unit minimum (R-10) and shows a wrong current one', async () => {
    const { api, user } = setup({ passphraseMinLength: 12 });
    await screen.findByLabelText('空闲自动锁定（分钟）');
    await user.type(input('新口令'), 'Short#1a');
    expect(screen.getByTestId('passphrase-summary').textContent).toBe('口令不符合 R-10：需要至少 12 个字符');

    await user.clear(input('新口令'));
    await user.type(input('当前口令'), 'Old#Pass-2026');
    await user.type(input('新口令'), 'New#Pass-2026x');
    await user.type(input('确认新口令'), 'New#Pass-2026x');
    api.vault.changePassphrase.mockResolvedValueOnce(failure('WRONG_PASSPHRASE', '当前口令错误，口令未更换'));
    await user.click(screen.getByRole('button', { name: '更换口令' }));
    expect(await screen.findByText('当前口令错误，口令未更换')).toBeTruthy();
    expect(input('当前口令').getAttribute('aria-invalid')).toBe('true');
    expect(api.vault.changePassphrase).toHaveBeenCalledWith({ current: 'Old#Pass-2026', next: 'New#Pass-2026x' });
  });

  it('switches the language to English and remembers it', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Settings', level: 2 })).toBeTruthy();
    expect(window.localStorage.getItem('baomi-ledger.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
