import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { VaultStatus } from '../../../src/api/types';
import { ok } from '../../../src/api/result';
import { failure, fakeApi, renderZh, status, unlockResult } from '../test/fake-api';
import { UnlockScreen } from './unlock-screen';

function setup(s: VaultStatus = status()) {
  const api = fakeApi();
  const onUnlocked = vi.fn();
  const view = renderZh(<UnlockScreen status={s} onUnlocked={onUnlocked} />);
  return { api, onUnlocked, view, user: userEvent.setup() };
}

const passphraseInput = () => screen.getByLabelText('口令', { selector: 'input' });
const submitButton = () => screen.getByRole('button', { name: '解锁' }) as HTMLButtonElement;

describe('UnlockScreen', () => {
  it('shows the Chinese error from main for a wrong passphrase and clears the field', async () => {
    const { api, onUnlocked, user } = setup();
    api.vault.unlock.mockResolvedValueOnce(failure('WRONG_PASSPHRASE', '口令错误，请重新输入'));
    expect(document.activeElement).toBe(passphraseInput());
    await user.type(passphraseInput(), 'Wrong#Pass1{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('口令错误，请重新输入');
    expect(api.vault.unlock).toHaveBeenCalledWith({ passphrase: 'Wrong#Pass1' });
    expect((passphraseInput() as HTMLInputElement).value).toBe('');
    expect(onUnlocked).not.toHaveBeenCalled();
  });

  it('a long unlock shows which check runs and how far it is, and the bar goes with the unlock', async () => {
    const { api, onUnlocked, user } = setup();
    let finish = (_: Awaited<ReturnType<typeof api.vault.unlock>>) => {};
    api.vault.unlock.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
    api.vault.progress.mockResolvedValue(ok({ running: true, phase: 'checks', fraction: 0.42 }));
    await user.type(passphraseInput(), 'Baomi#2026ok{Enter}');
    const phase = await screen.findByTestId('unlock-phase');
    expect(phase.textContent).toBe('正在校验数据库结构与审计链…');
    expect(screen.getByRole('progressbar', { name: '解锁进度' }).getAttribute('aria-valuenow')).toBe('42');
    finish(ok(unlockResult()));
    await waitFor(() => expect(onUnlocked).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByTestId('unlock-progress')).toBeNull());
  });

  it('counts down and disables submit while THROTTLED', async () => {
    const { api, user } = setup();
    api.vault.unlock.mockResolvedValueOnce(
      failure('THROTTLED', '尝试次数过多，请 2 秒后再试', { retryAfterMs: 1500 }),
    );
    await user.type(passphraseInput(), 'Any#Pass1{Enter}');
    expect((await screen.findByTestId('unlock-countdown')).textContent).toBe('请等待 2 秒后再试');
    // The live countdown gives the number; the alert does not repeat a frozen one.
    expect(screen.getByRole('alert').textContent).toContain('尝试次数过多，请稍后再试');
    expect(submitButton().disabled).toBe(true);

    // Enter must not get round the disabled button either.
    await user.type(passphraseInput(), 'Again#Pass1{Enter}');
    expect(api.vault.unlock).toHaveBeenCalledTimes(1);

    await waitFor(() => expect(screen.getByTestId('unlock-countdown').textContent).toBe('请等待 1 秒后再试'), {
      timeout: 1500,
    });
    await waitFor(() => expect(screen.queryByTestId('unlock-countdown')).toBeNull(), { timeout: 2000 });
    expect(submitButton().disabled).toBe(false);
  });

  it('starts the countdown from the status and shows the failed attempts', () => {
    setup(status({ failedAttempts: 3, retryAfterMs: 4000 }));
    expect(screen.getByTestId('failed-attempts').textContent).toBe('已连续 3 次解锁失败');
    expect(screen.getByTestId('unlock-countdown').textContent).toBe('请等待 4 秒后再试');
    expect(submitButton().disabled).toBe(true);
  });

  it('hides the attempt count when there were none', () => {
    setup();
    expect(screen.queryByTestId('failed-attempts')).toBeNull();
  });

  it('unlocks with the recovery key on its own tab', async () => {
    const { api, onUnlocked, user } = setup();
    api.vault.unlockWithRecovery.mockResolvedValueOnce(failure('WRONG_RECOVERY_KEY', '恢复密钥不正确'));
    await user.click(screen.getByRole('tab', { name: '使用恢复密钥' }));
    const key = screen.getByLabelText('恢复密钥', { selector: 'input' });
    expect(document.activeElement).toBe(key);
    await user.type(key, ' ABCD-EFGH {Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('恢复密钥不正确');
    expect(api.vault.unlockWithRecovery).toHaveBeenCalledWith({ recoveryKey: 'ABCD-EFGH' });

    await user.type(screen.getByLabelText('恢复密钥', { selector: 'input' }), 'ABCD-EFGH-JKLM{Enter}');
    await waitFor(() => expect(onUnlocked).toHaveBeenCalledTimes(1));
  });
});
