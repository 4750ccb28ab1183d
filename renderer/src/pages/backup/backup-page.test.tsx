import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { BackupProgress } from '../../../../src/backup/backup-service';
import { fakeApi, settings } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { refusedVolume, registeredVolume, status } from './backup-fixtures';
import { BackupPage } from './backup-page';
import type { BackupResult } from './use-backup-run';
import { deferred } from '../../test/fixtures';

const COPIED = '此卷不是登记的备份介质 YP-2026-01（卷标识不符：身份文件可能是从别的卷复制来的）';
const RESULT: BackupResult = {
  name: '20261122-080000-0f0e0d0c',
  bytes: 4 * 2 ** 20,
  sha256: 'ab'.repeat(32),
  chainSeq: 52,
  deletable: ['20261101-080000-0f0e0d0c', '20261025-080000-0f0e0d0c'],
  readBackFrom: 'medium',
};


function setup() {
  fakeApi();
  vi.mocked(window.api.backup.status).mockResolvedValue(ok(status()));
  vi.mocked(window.api.backup.volumes).mockResolvedValue(ok([registeredVolume(), refusedVolume(COPIED)]));
  const run = deferred<Awaited<ReturnType<typeof window.api.backup.run>>>();
  vi.mocked(window.api.backup.run).mockReturnValue(run.promise);
  let progress: BackupProgress = { running: true, phase: 'snapshot', fraction: 0 };
  const poll = vi.mocked(window.api.backup.progress).mockImplementation(async () => ok(progress));
  const prune = vi.mocked(window.api.backup.prune).mockResolvedValue(ok({ deleted: RESULT.deletable }));
  return { run, poll, prune, setProgress: (p: BackupProgress) => (progress = p) };
}

const volumeCard = (uuid: string) => screen.getAllByTestId('volume-card').find((c) => c.dataset['fsUuid'] === uuid) as HTMLElement;

describe('备份与恢复 page', () => {
  it('shows the status, each volume and a refusal as main gave it; a stale backup is a red warning', async () => {
    setup();
    vi.mocked(window.api.backup.status).mockResolvedValue(ok(status({ ageDays: 9, stale: true })));
    renderInShell(<BackupPage />);

    expect((await screen.findByTestId('backup-stale')).textContent).toBe(
      '备份已过期：7 天内没有校验通过的备份（本单位规定最长 7 天）。请立即备份并试恢复。',
    );
    expect(screen.getByTestId('status-age').textContent).toBe('9 天前');
    await waitFor(() => expect(screen.getAllByTestId('volume-card')).toHaveLength(2));
    const good = volumeCard('UUID-1');
    expect(within(good).getByTestId('volume-medium').textContent).toBe('备份介质 YP-2026-01');
    expect(within(good).getByTestId('volume-serial').textContent).toBe('USB-SN-1');
    expect(within(good).getByTestId('volume-free').textContent).toBe('8.0 GiB（共 16.0 GiB）');
    expect(within(good).getByRole('table', { name: 'BAOMI-BK1 上的备份' }).textContent).toContain('#41');
    const copy = volumeCard('UUID-2');
    expect(within(copy).getByTestId('volume-refusal').textContent).toBe(COPIED);
    expect(within(copy).queryByRole('button', { name: '立即备份' })).toBeNull();
    expect(within(copy).getByRole('button', { name: '登记为备份介质…' })).toBeTruthy();
  });

  it('progress: polls backup:progress while the run lasts, shows the phase and bar, then 完成 with name, SHA-256 and chain seq', async () => {
    const { run, poll, setProgress } = setup();
    const user = userEvent.setup();
    renderInShell(<BackupPage />);
    await waitFor(() => expect(screen.getAllByTestId('volume-card')).toHaveLength(2));

    await user.click(within(volumeCard('UUID-1')).getByRole('button', { name: '立即备份' }));
    expect(window.api.backup.run).toHaveBeenCalledWith({ fsUuid: 'UUID-1' });
    const dialog = await screen.findByRole('dialog', { name: '备份到 YP-2026-01' });
    await waitFor(() => expect(within(dialog).getByTestId('backup-phase').textContent).toBe('建立快照'));

    setProgress({ running: true, phase: 'copy', fraction: 0.5 });
    await waitFor(() => expect(within(dialog).getByTestId('backup-phase').textContent).toBe('复制加密数据库'));
    expect(within(dialog).getByTestId('backup-percent').textContent).toBe('30%');
    expect(within(dialog).getByRole('progressbar', { name: '备份进度' }).getAttribute('aria-valuenow')).toBe('30');
    expect(within(dialog).getByRole('button', { name: '关闭' })).toHaveProperty('disabled', true);
    // Main's progress goes back to idle once its run returns; that must not empty the bar.
    setProgress({ running: false, phase: 'idle', fraction: 0 });
    await new Promise((r) => setTimeout(r, 400));
    expect(within(dialog).getByTestId('backup-phase').textContent).toBe('复制加密数据库');

    const polls = poll.mock.calls.length;
    expect(polls).toBeGreaterThanOrEqual(2);
    run.resolve(ok(RESULT));
    await waitFor(() => expect(within(dialog).getByTestId('backup-phase').textContent).toBe('完成'));
    expect(within(dialog).getByTestId('backup-percent').textContent).toBe('100%');
    expect(within(dialog).getByTestId('result-name').textContent).toBe(RESULT.name);
    expect(within(dialog).getByTestId('result-sha256').textContent).toBe(RESULT.sha256);
    expect(within(dialog).getByTestId('result-chain-seq').textContent).toBe('#52');
    expect(within(dialog).getByTestId('result-read-back').textContent).toBe('已从介质本身读回，逐字节一致');
    // Polling stops with the run.
    await new Promise((r) => setTimeout(r, 700));
    expect(poll.mock.calls.length).toBeLessThanOrEqual(polls + 1);
  });

  it('prune: the older backups are listed and nothing is deleted without the tick and the button; 暂不删除 deletes nothing', async () => {
    const { run, prune } = setup();
    const user = userEvent.setup();
    renderInShell(<BackupPage />);
    await waitFor(() => expect(screen.getAllByTestId('volume-card')).toHaveLength(2));
    await user.click(within(volumeCard('UUID-1')).getByRole('button', { name: '立即备份' }));
    run.resolve(ok(RESULT));

    const confirm = await screen.findByTestId('prune-confirm');
    expect(within(confirm).getByTestId('prune-list').textContent).toBe(RESULT.deletable.join(''));
    expect(confirm.textContent).toContain('本单位保留最新 5 份备份');
    const del = within(confirm).getByRole('button', { name: '删除旧备份' });
    expect(del).toHaveProperty('disabled', true);
    await user.click(del);
    expect(prune).not.toHaveBeenCalled();

    await user.click(within(confirm).getByRole('button', { name: '暂不删除' }));
    expect((await screen.findByTestId('prune-kept')).textContent).toBe('旧备份已保留，未删除任何备份。');
    await user.click(screen.getByRole('button', { name: '关闭' }));
    expect(prune).not.toHaveBeenCalled();
  });

  it('prune: after the officer ticks and confirms, exactly the listed names go to backup:prune', async () => {
    const { run, prune } = setup();
    const user = userEvent.setup();
    renderInShell(<BackupPage />);
    await waitFor(() => expect(screen.getAllByTestId('volume-card')).toHaveLength(2));
    await user.click(within(volumeCard('UUID-1')).getByRole('button', { name: '立即备份' }));
    run.resolve(ok(RESULT));

    const confirm = await screen.findByTestId('prune-confirm');
    await user.click(within(confirm).getByRole('checkbox', { name: '我已核对，确认删除以上 2 份旧备份' }));
    expect(prune).not.toHaveBeenCalled();
    await user.click(within(confirm).getByRole('button', { name: '删除旧备份' }));
    expect(prune).toHaveBeenCalledTimes(1);
    expect(prune).toHaveBeenCalledWith({ fsUuid: 'UUID-1', names: RESULT.deletable });
    expect((await screen.findByTestId('prune-done')).textContent).toBe('已删除 2 份旧备份');
  });

  it('a backup refused by main shows its message and no result', async () => {
    const { run } = setup();
    const user = userEvent.setup();
    renderInShell(<BackupPage />);
    await waitFor(() => expect(screen.getAllByTestId('volume-card')).toHaveLength(2));
    await user.click(within(volumeCard('UUID-1')).getByRole('button', { name: '立即备份' }));
    run.resolve({ ok: false, error: { code: 'BACKUP_FAILED', message: '备份介质空间不足：需要约 5 MiB，可用 1 MiB' } });
    expect((await screen.findByTestId('form-error')).textContent).toContain('备份介质空间不足：需要约 5 MiB，可用 1 MiB');
    expect(screen.queryByTestId('backup-result')).toBeNull();
  });
});

describe('R-36 本机 on the backup page', () => {
  it('R-36 warns, in Chinese, that backup media go unchecked while 本机 is not set, and leads to the settings', async () => {
    setup();
    const user = userEvent.setup();
    const { nav } = renderInShell(<BackupPage />);
    const alert = await screen.findByTestId('backup-host-unset');
    expect(alert.textContent).toContain('未指定本机');
    expect(alert.textContent).toContain('无法按 R-36 检查备份介质');
    await user.click(within(alert).getByRole('button', { name: '前往设置指定本机' }));
    expect(nav.navigate).toHaveBeenCalledWith({ page: 'settings' });
  });

  it('R-36 shows no warning once 本机 is set', async () => {
    setup();
    renderInShell(<BackupPage />, { settings: { ...settings(), hostComputerId: 'pc-1' } });
    await waitFor(() => expect(screen.getAllByTestId('volume-card')).toHaveLength(2));
    expect(screen.queryByTestId('backup-host-unset')).toBeNull();
  });
});
