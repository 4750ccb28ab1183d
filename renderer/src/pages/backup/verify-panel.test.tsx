import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { BackupProgress } from '../../../../src/backup/backup-service';
import { fakeApi } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { verification } from './backup-fixtures';
import { VerifyPanel } from './verify-panel';

describe('试恢复 panel', () => {
  it('shows which check runs and how far while the test restore lasts, then only the result', async () => {
    fakeApi();
    let answer!: (v: Awaited<ReturnType<typeof window.api.backup.verify>>) => void;
    const verify = vi.mocked(window.api.backup.verify).mockReturnValue(new Promise((r) => (answer = r)));
    let progress: BackupProgress = { running: true, phase: 'hash', fraction: 0.4 };
    vi.mocked(window.api.backup.progress).mockImplementation(async () => ok(progress));
    const onVerified = vi.fn();
    const user = userEvent.setup();
    renderInShell(<VerifyPanel fsUuid="UUID-1" name="20261120-080000-0f0e0d0c" onVerified={onVerified} onClose={vi.fn()} />);

    await user.type(screen.getByLabelText('备份时的台账口令'), 'Old#Pass-2026{Enter}');
    expect(verify).toHaveBeenCalledWith({ fsUuid: 'UUID-1', name: '20261120-080000-0f0e0d0c', kind: 'passphrase', secret: 'Old#Pass-2026' });
    const bar = await screen.findByRole('progressbar', { name: '试恢复进度' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('20'));
    expect(screen.getByTestId('verify-phase').textContent).toBe('核对哈希与每页加密校验');
    progress = { running: true, phase: 'checks', fraction: 0.5 };
    await waitFor(() => expect(screen.getByTestId('verify-phase').textContent).toBe('检查数据库结构与审计链'));
    expect(screen.getByRole('progressbar', { name: '试恢复进度' }).getAttribute('aria-valuenow')).toBe('67');

    answer(ok(verification(true)));
    expect((await screen.findByTestId('verify-outcome')).dataset['ok']).toBe('true');
    expect(screen.queryByTestId('verify-progress')).toBeNull();
    expect(onVerified).toHaveBeenCalledTimes(1);
  });
});
