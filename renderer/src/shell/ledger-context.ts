import { createContext, useContext } from 'react';
import type { IpcError } from '../../../src/api/result';
import type { ChainVerification, HomeSummary } from '../../../src/api/types';

/**
 * Ledger data the whole shell shares. It lives only in the shell's React state, so
 * unmounting the shell on lock is what drops it; nothing is cached outside.
 */
export interface LedgerContextValue {
  summary: HomeSummary;
  /** Re-reads the summary; false when the call failed (already reported). */
  reloadSummary: () => Promise<boolean>;
  /** Re-verifies the audit chain; returns null when the call failed (already reported). */
  verifyChain: () => Promise<ChainVerification | null>;
  /** Shows a failed call (or, for VAULT_LOCKED, lets the app switch to the lock screen). */
  fail: (error: IpcError, title?: string) => void;
}

export const LedgerContext = createContext<LedgerContextValue | null>(null);

export function useLedger(): LedgerContextValue {
  const v = useContext(LedgerContext);
  if (!v) throw new Error('useLedger must be used inside LedgerShell');
  return v;
}
