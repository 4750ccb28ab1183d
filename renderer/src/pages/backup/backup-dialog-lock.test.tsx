import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok, type IpcResult } from '../../../../src/api/result';
import { chain, failure, fakeApi, unlockResult } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { comparison, refusedVolume, registeredVolume, status } from './backup-fixtures';
import { BackupPage } from './backup-page';
import { deferred } from '../../test/fixtures';


type Answer<K extends keyof typeof window.api.backup> = Awaited<ReturnType<(typeof window.api.backup)[K]>>;

function setup() {
  fakeApi();
  vi.mocked(window.api.backup.status).mockResolvedValue(ok(status()));
  vi.mocked(window.api.backup.volumes).mockResolvedValue(ok([registeredVolume(), refusedVolume('卷「COPY」不是已登记的备份介质（没有身份文件）')]));
  vi.mocked(window.api.backup.progress).mockResolvedValue(ok({ running: true, phase: 'hash', fraction: 0.3 }));
  return userEvent.setup();
}

const card = (uuid: string) => screen.getAllByTestId('volume-card', {}).find((c) => c.dataset['fsUuid'] === uuid) as HTMLElement;
const backupNow = () => within(card('UUID-1')).getByRole('button', { name: '立即备份', hidden: true });

/** The ways out of a dialog other than its own buttons: Esc and the ✕ (a click beside it never closes). */
async function tryToClose(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement): Promise<void> {
  expect(dialog.querySelector('.mantine-Modal-close')).toBeNull();
  await user.keyboard('{Escape}');
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.queryByRole('dialog')).toBe(dialog);
}

describe('备份与恢复 dialog while one of its jobs waits for main', () => {
  it('试恢复: Esc does not close it, 立即备份 stays disabled, and main’s refusal is shown in it', async () => {
    const user = setup();
    const verify = deferred<Answer<'verify'>>();
    vi.mocked(window.api.backup.verify).mockReturnValue(verify.promise);
    renderInShell(<BackupPage />);
    await waitFor(() => expect(screen.getAllByTestId('volume-card')).toHaveLength(2));

    await user.click(within(card('UUID-1')).getByRole('button', { name: '试恢复' }));
    const dialog = await screen.findByRole('dialog', { name: '试恢复：20261120-080000-0f0e0d0c' });
    await user.type(within(dialog).getByLabelText('备份时的台账口令'), 'Old#Pass-2026{Enter}');
    await waitFor(() => expect(window.api.backup.verify).toHaveBeenCalledTimes(1));

    await tryToClose(user, dialog);
    expect(within(dialog).getByRole('button', { name: '关闭' })).toHaveProperty('disabled', true);
    expect(backupNow()).toHaveProperty('disabled', true);

    verify.resolve(failure('BACKUP_FAILED', '数据库文件不完整'));
    expect((await within(dialog).findByTestId('form-error')).textContent).toContain('数据库文件不完整');
    // Once main has answered, the dialog closes as before and the page is usable again.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backupNow()).toHaveProperty('disabled', false);
  });

  it('恢复: neither the comparison nor the restore can be closed; a refused restore is shown in the dialog', async () => {
    const user = setup();
    const compare = deferred<Answer<'compare'>>();
    const restore = deferred<Answer<'restore'>>();
    vi.mocked(window.api.backup.compare).mockReturnValue(compare.promise);
    vi.mocked(window.api.backup.restore).mockReturnValue(restore.promise);
    renderInShell(<BackupPage />);
    await waitFor(() => expect(screen.getAllByTestId('volume-card')).toHaveLength(2));

    await user.click(within(card('UUID-1')).getByRole('button', { name: '恢复…' }));
    const dialog = await screen.findByRole('dialog', { name: '从备份恢复：20261120-080000-0f0e0d0c' });
    await user.type(within(dialog).getByLabelText('备份时的台账口令'), 'Old#Pass-2026{Enter}');
    await waitFor(() => expect(window.api.backup.compare).toHaveBeenCalledTimes(1));
    await tryToClose(user, dialog);
    expect(backupNow()).toHaveProperty('disabled', true);

    compare.resolve(ok(comparison()));
    await user.type(await within(dialog).findByRole('textbox', { name: '请输入“确认恢复”以确认' }), '确认恢复{Enter}');
    await waitFor(() => expect(window.api.backup.restore).toHaveBeenCalledTimes(1));
    await tryToClose(user, dialog);
    expect(within(dialog).getByRole('button', { name: '取消' })).toHaveProperty('disabled', true);
    expect(backupNow()).toHaveProperty('disabled', true);

    restore.resolve(failure('BACKUP_FAILED', '恢复中断，已还原恢复前的台账'));
    expect((await within(dialog).findByTestId('form-error')).textContent).toContain('恢复中断，已还原恢复前的台账');
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('a restore that succeeds is not cut short either: the dialog ends on its result', async () => {
    const user = setup();
    const restore = deferred<Answer<'restore'>>();
    vi.mocked(window.api.backup.compare).mockResolvedValue(ok(comparison()));
    vi.mocked(window.api.backup.restore).mockReturnValue(restore.promise);
    renderInShell(<BackupPage />);
    await waitFor(() => expect(screen.getAllByTestId('volume-card')).toHaveLength(2));
    await user.click(within(card('UUID-1')).getByRole('button', { name: '恢复…' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('备份时的台账口令'), 'Old#Pass-2026{Enter}');
    await user.type(await within(dialog).findByRole('textbox', { name: '请输入“确认恢复”以确认' }), '确认恢复{Enter}');
    await waitFor(() => expect(window.api.backup.restore).toHaveBeenCalledTimes(1));
    await tryToClose(user, dialog);

    restore.resolve(ok({ ...unlockResult(), chain: chain() }));
    expect(await within(dialog).findByTestId('restore-done')).toBeTruthy();
  });

  it('删除旧备份: 关闭 and Esc wait for backup:prune to answer, and its refusal is shown', async () => {
    const user = setup();
    const prune = deferred<Answer<'prune'>>();
    vi.mocked(window.api.backup.run).mockResolvedValue(
      ok({ name: '20261122-080000-0f0e0d0c', bytes: 2 ** 20, sha256: 'ab'.repeat(32), chainSeq: 52, deletable: ['20261101-080000-0f0e0d0c'], readBackFrom: 'medium' }),
    );
    vi.mocked(window.api.backup.prune).mockReturnValue(prune.promise);
    renderInShell(<BackupPage />);
    await waitFor(() => expect(screen.getAllByTestId('volume-card')).toHaveLength(2));
    await user.click(backupNow());
    const confirm = await screen.findByTestId('prune-confirm');
    const dialog = screen.getByRole('dialog');
    await user.click(within(confirm).getByRole('checkbox'));
    await user.click(within(confirm).getByRole('button', { name: '删除旧备份' }));
    await waitFor(() => expect(window.api.backup.prune).toHaveBeenCalledTimes(1));

    await tryToClose(user, dialog);
    expect(within(dialog).getByRole('button', { name: '关闭' })).toHaveProperty('disabled', true);

    prune.resolve(failure('BACKUP_FAILED', '无法删除：介质为只读'));
    expect((await within(dialog).findByTestId('form-error')).textContent).toContain('无法删除：介质为只读');
    expect(within(dialog).getByRole('button', { name: '关闭' })).toHaveProperty('disabled', false);
  });

  it('登记备份介质: 取消 and Esc wait for main, whose refusal is shown in the dialog', async () => {
    const user = setup();
    const register = deferred<IpcResult<never>>();
    vi.mocked(window.api.media.list).mockResolvedValue(ok([{ id: 'm-1', number: 'YP-01', level: 'jimi', isBackup: true, state: 'registered' } as never]));
    vi.mocked(window.api.backup.registerVolume).mockReturnValue(register.promise);
    renderInShell(<BackupPage />);
    await waitFor(() => expect(screen.getAllByTestId('volume-card')).toHaveLength(2));
    await user.click(within(card('UUID-2')).getByRole('button', { name: '登记为备份介质…' }));
    const dialog = await screen.findByRole('dialog', { name: '登记备份介质' });
    await user.click(await within(dialog).findByRole('combobox', { name: '备份介质' }));
    await user.click(await screen.findByRole('option', { name: 'YP-01（机密）' }));
    await user.click(within(dialog).getByRole('button', { name: '登记' }));
    await waitFor(() => expect(window.api.backup.registerVolume).toHaveBeenCalledTimes(1));

    await tryToClose(user, dialog);
    expect(within(dialog).getByRole('button', { name: '取消' })).toHaveProperty('disabled', true);

    register.resolve(failure('RULE_VIOLATION', 'R-05：备份介质 YP-01 的密级不够'));
    expect((await within(dialog).findByTestId('form-error')).textContent).toContain('R-05：备份介质 YP-01 的密级不够');
  });
});
