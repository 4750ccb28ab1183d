import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcError } from '../../../src/api/result';
import type { VaultStatus } from '../../../src/api/types';

export const STATUS_POLL_MS = 2000;

const sameStatus = (a: VaultStatus | null, b: VaultStatus): boolean =>
  a !== null &&
  a.state === b.state &&
  a.failedAttempts === b.failedAttempts &&
  a.retryAfterMs === b.retryAfterMs &&
  a.passphraseMinLength === b.passphraseMinLength &&
  // A notice may change on its own (a restore rolled back at start-up, a damaged record).
  a.notice === b.notice;

export interface VaultStatusHandle {
  status: VaultStatus | null;
  error: IpcError | null;
  refresh: () => Promise<VaultStatus | null>;
}

/**
 * Polls vault.status() because the main process may lock on its own (idle timer), and
 * the renderer must notice and drop what it shows.
 */
export function useVaultStatus(pollMs: number = STATUS_POLL_MS): VaultStatusHandle {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  // A poll sent before an unlock (or during a vault's creation) may answer after newer
  // requests went out: only the answer to the newest request counts.
  const issued = useRef(0);

  const refresh = useCallback(async (): Promise<VaultStatus | null> => {
    const ticket = ++issued.current;
    const r = await window.api.vault.status();
    if (ticket !== issued.current) return null;
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    setError(null);
    setStatus((prev) => (sameStatus(prev, r.value) ? prev : r.value));
    return r.value;
  }, []);

  useEffect(() => {
    void refresh();
    const id = window.setInterval(() => void refresh(), pollMs);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(id);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh, pollMs]);

  return { status, error, refresh };
}
