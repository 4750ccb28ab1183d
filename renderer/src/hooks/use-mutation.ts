import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../src/api/result';
import { errorText } from '../lib/errors';
import { useLedger } from '../shell/ledger-context';

/**
 * One recording call to main from a form. A refusal stays on the form as text (main's
 * Chinese message names the rule, e.g. `R-29：销毁需两名不同的监销人`) so the officer can
 * correct and resubmit; a success moves the audit chain head shown in the header.
 */
export function useMutation() {
  const { i18n } = useTranslation();
  const { fail, reloadSummary } = useLedger();
  const [error, setError] = useState<string | null>(null);
  // The refusal's code, for a form that offers a way on (a CONFLICT that can be confirmed).
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async <R>(call: () => Promise<IpcResult<R>>): Promise<{ value: R } | null> => {
      setBusy(true);
      setError(null);
      setErrorCode(null);
      try {
        const r = await call();
        if (!r.ok) {
          if (r.error.code === 'VAULT_LOCKED') fail(r.error);
          else {
            setError(errorText(i18n, r.error));
            setErrorCode(r.error.code);
          }
          return null;
        }
        void reloadSummary();
        return { value: r.value };
      } finally {
        setBusy(false);
      }
    },
    [i18n, fail, reloadSummary],
  );

  return { run, error, errorCode, setError, busy };
}
