import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { Settings } from '../../../../src/api/types';
import { fakeApi, settings } from '../../test/fake-api';
import { computerRow } from '../../test/fixtures';
import { renderInShell } from '../../test/shell-harness';
import { HostComputerSettings } from './host-computer-settings';

const COMPUTERS = [
  computerRow({ id: 'pc-1', number: 'JSJ-01', level: 'jimi' }),
  computerRow({ id: 'pc-2', number: 'JSJ-02', level: 'mimi', location: '' }),
  computerRow({ id: 'pc-3', number: 'JSJ-03', state: 'pending_scrap' }),
  computerRow({ id: 'pc-4', number: 'JSJ-04', state: 'destroyed' }),
];

function setup(over: Partial<Settings> = {}) {
  const api = fakeApi();
  vi.mocked(window.api.computers.list).mockResolvedValue(ok(COMPUTERS));
  const settingsSaved = vi.fn();
  renderInShell(<HostComputerSettings initial={{ ...settings(), ...over }} />, { reload: { settingsSaved } });
  return { api, settingsSaved, user: userEvent.setup() };
}

const LABEL = '本机（运行本台账的涉密计算机）';

describe('本机 setting', () => {
  it('R-36 picks 本机 from the computers in service, by keyboard, and saves it', async () => {
    const { api, settingsSaved, user } = setup();
    const select = await screen.findByRole('combobox', { name: LABEL });
    expect((select as HTMLInputElement).placeholder).toBe('未指定（不检查备份介质的 R-36）');
    await user.click(select);
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['（不指定本机）', 'JSJ-01（机密，机要室）', 'JSJ-02（秘密）']);
    await user.type(select, 'JSJ-02');
    await user.keyboard('{ArrowDown}{Enter}');
    expect((select as HTMLInputElement).value).toBe('JSJ-02（秘密）');
    await user.click(screen.getByRole('button', { name: '保存本机' }));
    await waitFor(() => expect(api.settings.update).toHaveBeenCalledWith({ hostComputerId: 'pc-2' }));
    await waitFor(() => expect(settingsSaved).toHaveBeenCalledWith({ ...settings(), hostComputerId: 'pc-2' }));
  });

  it('R-36 clears 本机 by keyboard, saving null', async () => {
    const { api, user } = setup({ hostComputerId: 'pc-1' });
    const select = await screen.findByRole('combobox', { name: LABEL });
    await waitFor(() => expect((select as HTMLInputElement).value).toBe('JSJ-01（机密，机要室）'));
    await user.click(select);
    await user.clear(select);
    await user.type(select, '不指定');
    await user.keyboard('{ArrowDown}{Enter}');
    expect((select as HTMLInputElement).value).toBe('');
    await user.click(screen.getByRole('button', { name: '保存本机' }));
    await waitFor(() => expect(api.settings.update).toHaveBeenCalledWith({ hostComputerId: null }));
  });

  it('R-36 a host retired since it was named still shows as such; saving it unchanged sends nothing', async () => {
    const { api, user } = setup({ hostComputerId: 'pc-3' });
    const select = await screen.findByRole('combobox', { name: LABEL });
    await waitFor(() => expect((select as HTMLInputElement).value).toBe('JSJ-03（机密，机要室）：待报废'));
    await user.click(screen.getByRole('button', { name: '保存本机' }));
    expect(await screen.findByText('设置没有变化，无需保存')).toBeTruthy();
    expect(api.settings.update).not.toHaveBeenCalled();
  });
});
