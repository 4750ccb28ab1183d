import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/settings/settings-schema';
import { fakeApi, settings } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { LedgerRulesSettings } from './ledger-rules-settings';

function setup() {
  const api = fakeApi();
  const reloadSettings = vi.fn(async () => undefined);
  const settingsSaved = vi.fn();
  renderInShell(<LedgerRulesSettings initial={{ ...DEFAULT_SETTINGS }} />, { reload: { reloadSettings, settingsSaved } });
  return { api, reloadSettings, settingsSaved, user: userEvent.setup() };
}

describe('台账规则 settings', () => {
  it('R-15 saves the loan limit and hands the settings main answered with to the directory, without asking main again', async () => {
    const { api, reloadSettings, settingsSaved, user } = setup();
    const loan = screen.getByLabelText('借阅最长期限（天）');
    await user.clear(loan);
    await user.type(loan, '14');
    await user.click(screen.getByRole('button', { name: '保存台账规则' }));
    await waitFor(() => expect(api.settings.update).toHaveBeenCalledWith(expect.objectContaining({ maxLoanDays: 14, carrierNumberPattern: DEFAULT_SETTINGS.carrierNumberPattern })));
    await waitFor(() => expect(settingsSaved).toHaveBeenCalledWith({ ...settings(), ...vi.mocked(api.settings.update).mock.calls[0]![0] }));
    expect(reloadSettings).not.toHaveBeenCalled();
  });

  it('sends nothing when no rule changed (a pattern retyped with spaces is the same pattern)', async () => {
    const { api, settingsSaved, user } = setup();
    const pattern = screen.getByLabelText('载体编号格式');
    await user.type(pattern, ' ');
    await user.click(screen.getByRole('button', { name: '保存台账规则' }));
    expect(await screen.findByText('设置没有变化，无需保存')).toBeTruthy();
    expect(api.settings.update).not.toHaveBeenCalled();
    expect(settingsSaved).not.toHaveBeenCalled();
  });

  it('refuses a numbering pattern without {seq}, in Chinese, and sends nothing', async () => {
    const { api, settingsSaved, user } = setup();
    const pattern = screen.getByLabelText('载体编号格式');
    await user.clear(pattern);
    await user.type(pattern, 'ZT-{{year}');
    await user.click(screen.getByRole('button', { name: '保存台账规则' }));
    expect(await screen.findByText('编号格式必须包含 {seq}')).toBeTruthy();
    expect(api.settings.update).not.toHaveBeenCalled();
    expect(settingsSaved).not.toHaveBeenCalled();
  });

  it('refuses a numbering pattern without {year}, in Chinese, and sends nothing (the sequence restarts every year)', async () => {
    const { api, settingsSaved, user } = setup();
    const pattern = screen.getByLabelText('收文编号格式');
    await user.clear(pattern);
    await user.type(pattern, 'SW-{{seq}');
    await user.click(screen.getByRole('button', { name: '保存台账规则' }));
    expect(await screen.findByText('编号格式必须包含 {year}：流水号每年从 1 重新编起，不含年份的编号会与往年的重复')).toBeTruthy();
    expect(api.settings.update).not.toHaveBeenCalled();
    expect(settingsSaved).not.toHaveBeenCalled();
  });

  it('saves a pattern that has both {year} and {seq}, in any order', async () => {
    const { api, user } = setup();
    const pattern = screen.getByLabelText('发文编号格式');
    await user.clear(pattern);
    await user.type(pattern, '发{{seq}/{{year}');
    await user.click(screen.getByRole('button', { name: '保存台账规则' }));
    await waitFor(() => expect(api.settings.update).toHaveBeenCalledWith(expect.objectContaining({ dispatchNumberPattern: '发{seq}/{year}' })));
  });
});
