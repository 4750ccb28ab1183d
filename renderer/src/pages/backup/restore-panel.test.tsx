import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { BackupProgress } from '../../../../src/backup/backup-service';
import { chain, failure, fakeApi, unlockResult } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { comparison } from './backup-fixtures';
import { RestorePanel } from './restore-panel';

const NAME = '20261120-080000-0f0e0d0c';

function setup(valid = true) {
  fakeApi();
  const compare = vi.mocked(window.api.backup.compare).mockResolvedValue(ok(comparison(valid)));
  const restore = vi
    .mocked(window.api.backup.restore)
    .mockResolvedValue(ok({ ...unlockResult(), chain: chain({ head: { seq: 42, hash: 'ee55'.repeat(16), shortHash: 'ee55ee55', at: '2026-11-22T08:10:00.000Z' } }) }));
  const onRestored = vi.fn();
  const onCompared = vi.fn();
  const user = userEvent.setup();
  renderInShell(<RestorePanel fsUuid="UUID-1" name={NAME} onCompared={onCompared} onRestored={onRestored} onClose={vi.fn()} />);
  return { compare, restore, onRestored, onCompared, user };
}

describe('从备份恢复', () => {
  it('compares first, restores nothing until 确认恢复 is typed and confirmed, then restores with the same secret', async () => {
    const { compare, restore, onRestored, onCompared, user } = setup();

    await user.type(screen.getByLabelText('备份时的台账口令'), 'Old#Pass-2026{Enter}');
    expect(compare).toHaveBeenCalledWith({ fsUuid: 'UUID-1', name: NAME, kind: 'passphrase', secret: 'Old#Pass-2026' });
    const table = await screen.findByRole('table', { name: '备份与当前台账对比' });
    expect(onCompared).toHaveBeenCalledTimes(1);
    const row = (id: string) => table.querySelector(`tr[data-row="${id}"]`) as HTMLElement;
    expect(row('carriers').dataset['differs']).toBe('true');
    expect(within(row('carriers')).getByTestId('compare-backup').textContent).toBe('3');
    expect(within(row('carriers')).getByTestId('compare-current').textContent).toBe('4');
    expect(row('people').dataset['differs']).toBeUndefined();
    expect(within(row('chainHead')).getByTestId('compare-backup').textContent).toBe('#41 aa11bb22');
    expect(within(row('chainHead')).getByTestId('compare-current').textContent).toBe('#47 cc33dd44');

    const submit = screen.getByRole('button', { name: '恢复台账' });
    expect(submit).toHaveProperty('disabled', true);
    const phrase = screen.getByRole('textbox', { name: '请输入“确认恢复”以确认' });
    await user.type(phrase, '确认{Enter}');
    expect(submit).toHaveProperty('disabled', true);
    await user.click(submit);
    expect(restore).not.toHaveBeenCalled();

    await user.clear(phrase);
    await user.type(phrase, '确认恢复');
    expect(submit).toHaveProperty('disabled', false);
    await user.click(submit);
    expect(restore).toHaveBeenCalledTimes(1);
    expect(restore).toHaveBeenCalledWith({ fsUuid: 'UUID-1', name: NAME, kind: 'passphrase', secret: 'Old#Pass-2026' });
    expect((await screen.findByTestId('restore-done')).textContent).toContain('已从备份恢复台账，审计链头 #42 ee55ee55');
    expect(onRestored).toHaveBeenCalledTimes(1);
  });

  it('while the restore runs, the bar names its step: the swap, then the restored ledger checked again', async () => {
    const { restore, onRestored, user } = setup();
    let answer!: (v: Awaited<ReturnType<typeof window.api.backup.restore>>) => void;
    restore.mockReturnValue(new Promise((r) => (answer = r)));
    let progress: BackupProgress = { running: true, phase: 'swap', fraction: 0 };
    vi.mocked(window.api.backup.progress).mockImplementation(async () => ok(progress));
    await user.type(screen.getByLabelText('备份时的台账口令'), 'Old#Pass-2026{Enter}');
    await user.type(await screen.findByRole('textbox', { name: '请输入“确认恢复”以确认' }), '确认恢复');
    await user.click(screen.getByRole('button', { name: '恢复台账' }));

    await waitFor(() => expect(screen.getByTestId('verify-phase').textContent).toBe('保留当前台账副本，换入备份'));
    expect(screen.getByRole('progressbar', { name: '恢复进度' }).getAttribute('aria-valuenow')).toBe('45');
    progress = { running: true, phase: 'reopen', fraction: 0 };
    await waitFor(() => expect(screen.getByTestId('verify-phase').textContent).toBe('打开恢复后的台账并再次校验'));
    expect(screen.getByRole('progressbar', { name: '恢复进度' }).getAttribute('aria-valuenow')).toBe('60');

    answer(ok({ ...unlockResult(), chain: chain() }));
    await screen.findByTestId('restore-done');
    expect(screen.queryByTestId('verify-progress')).toBeNull();
    expect(onRestored).toHaveBeenCalledTimes(1);
  });

  it('the recovery key can open the backup instead; a wrong one shows main’s message and stays on the first step', async () => {
    const { compare, restore, user } = setup();
    compare.mockResolvedValueOnce(failure('WRONG_RECOVERY_KEY', '恢复密钥无法打开此备份'));

    await user.click(screen.getByRole('radio', { name: '使用恢复密钥' }));
    await user.type(screen.getByLabelText('恢复密钥'), 'abcd efgh{Enter}');
    expect(compare).toHaveBeenCalledWith({ fsUuid: 'UUID-1', name: NAME, kind: 'recovery', secret: 'abcd efgh' });
    expect((await screen.findByTestId('form-error')).textContent).toContain('恢复密钥无法打开此备份');
    expect(screen.queryByRole('table', { name: '备份与当前台账对比' })).toBeNull();
    expect(restore).not.toHaveBeenCalled();
  });

  it('a backup that fails verification shows the red checks and offers no confirmation', async () => {
    const { restore, user } = setup(false);
    await user.type(screen.getByLabelText('备份时的台账口令'), 'Old#Pass-2026{Enter}');
    expect((await screen.findByTestId('restore-invalid')).textContent).toBe('备份校验未通过，不能恢复。');
    const failed = screen.getByTestId('verify-checks').querySelector('tr[data-ok="false"]') as HTMLElement;
    expect(failed.textContent).toContain('数据库文件完整');
    expect(screen.queryByRole('button', { name: '恢复台账' })).toBeNull();
    expect(restore).not.toHaveBeenCalled();
  });
});
