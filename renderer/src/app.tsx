import { Alert, Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateVaultResult } from '../../src/api/types';
import { useActivityReporter } from './hooks/use-activity-reporter';
import { useVaultStatus } from './hooks/use-vault-status';
import { errorText } from './lib/errors';
import { clearNotifications, notifyFailure } from './lib/notify';
import { CreateVaultScreen } from './screens/create-vault-screen';
import { DamagedVaultScreen } from './screens/damaged-vault-screen';
import { RecoverySheet } from './screens/recovery-sheet';
import { UnlockScreen } from './screens/unlock-screen';
import { LedgerShell } from './shell/ledger-shell';

/**
 * Chooses the screen from vault.status(). Everything read from the ledger lives inside
 * LedgerShell (or the recovery sheet), so when the vault is no longer unlocked those
 * subtrees are not rendered and their state is gone in the same render.
 */
export function App() {
  const { t, i18n } = useTranslation();
  const { status, error, refresh } = useVaultStatus();
  const [recovery, setRecovery] = useState<CreateVaultResult | null>(null);
  const [creating, setCreating] = useState(false);
  const state = status?.state;
  const unlocked = state === 'unlocked';

  useActivityReporter(unlocked);

  const previous = useRef(state);
  useEffect(() => {
    if (previous.current === 'unlocked' && state !== 'unlocked') clearNotifications();
    // A lock while the sheet is open (idle timer) must not leave the key on screen.
    if (state === 'locked') setRecovery(null);
    previous.current = state;
  }, [state]);

  const refreshNow = useCallback(() => void refresh(), [refresh]);

  const lock = useCallback(async () => {
    const r = await window.api.vault.lock();
    if (!r.ok) notifyFailure(errorText(i18n, r.error), t('shell.lockFailed'));
    await refresh();
  }, [i18n, t, refresh]);

  if (!status) {
    return (
      <Center mih="100vh" p="md">
        {error ? (
          <Alert color="red" role="alert">
            {t('app.statusFailed', { message: errorText(i18n, error) })}
          </Alert>
        ) : (
          <Loader aria-label={t('app.loading')} />
        )}
      </Center>
    );
  }

  // A ledger that cannot be opened is never offered the create form, which would replace it.
  if (state === 'damaged') return <DamagedVaultScreen status={status} />;
  // While vault.create runs, main may already answer 'unlocked'; the form stays until the
  // result (and its recovery key) is in hand.
  if (state === 'none' || creating) {
    return (
      <CreateVaultScreen
        passphraseMinLength={status.passphraseMinLength}
        onCreating={setCreating}
        onCreated={(r) => {
          setRecovery(r);
          refreshNow();
        }}
      />
    );
  }
  if (unlocked && recovery) {
    return <RecoverySheet result={recovery} onDone={() => setRecovery(null)} />;
  }
  if (unlocked) {
    return <LedgerShell onLock={lock} onVaultLocked={refreshNow} />;
  }
  return <UnlockScreen status={status} onUnlocked={refreshNow} />;
}
