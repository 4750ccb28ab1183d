import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src/api/result';
import type { VaultStatus } from '../../../src/api/types';
import { fakeApi } from '../test/fake-api';
import { useVaultStatus } from './use-vault-status';

const status = (notice: string | null): VaultStatus => ({ state: 'locked', failedAttempts: 0, retryAfterMs: 0, passphraseMinLength: 8, notice });

describe('useVaultStatus', () => {
  it('takes a new notice though nothing else changed (a restore rolled back at start-up, a damaged record)', async () => {
    fakeApi();
    vi.mocked(window.api.vault.status).mockResolvedValue(ok(status(null)));
    const { result } = renderHook(() => useVaultStatus(60_000));
    await waitFor(() => expect(result.current.status).not.toBeNull());
    vi.mocked(window.api.vault.status).mockResolvedValue(ok(status('上次恢复未完成，已还原为恢复前的台账')));
    await result.current.refresh();
    await waitFor(() => expect(result.current.status?.notice).toBe('上次恢复未完成，已还原为恢复前的台账'));
  });
});
