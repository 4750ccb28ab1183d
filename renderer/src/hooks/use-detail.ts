import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../src/api/result';
import { errorText } from '../lib/errors';
import { useLedger } from '../shell/ledger-context';

/**
 * One record a detail page shows (or one list a page shows), read on mount and again after
 * each recorded action. `read` must be memoised (useCallback on the record's id, or a
 * module-level function for a list): a new function reads again.
 * A refusal is kept as text for the page (it replaces the loader, which would otherwise
 * spin for ever) and also reported to the shell, which switches to the lock screen on
 * VAULT_LOCKED.
 * `setDetail` is for a page whose recording call answers with the record as it now is, so
 * it need not read it again; it leaves `version` alone, as nothing was read.
 * `readAgainOn`: a value whose change makes a new read (the chain head, for what any
 * recorded change may alter).
 */
export function useDetail<T>(read: () => Promise<IpcResult<T>>, readAgainOn?: unknown) {
  const { i18n } = useTranslation();
  const { fail } = useLedger();
  const [detail, setDetail] = useState<T | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Moves on every successful read, so parts that read more of the record by themselves
  // (a computer's usage book) know to read again.
  const [version, setVersion] = useState(0);

  const load = useCallback(async () => {
    const r = await read();
    if (r.ok) {
      setDetail(r.value);
      setLoadError(null);
      setVersion((v) => v + 1);
    } else {
      setLoadError(errorText(i18n, r.error));
      fail(r.error);
    }
  }, [read, i18n, fail]);

  useEffect(() => {
    void load();
  }, [load, readAgainOn]);

  return { detail, setDetail, loadError, load, version };
}
