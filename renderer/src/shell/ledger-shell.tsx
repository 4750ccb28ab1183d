import { Alert, AppShell, Badge, Button, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../src/api/result';
import type { ChainVerification, HomeSummary } from '../../../src/api/types';
import { errorText } from '../lib/errors';
import { chainHeadLabel } from '../lib/format';
import { notifyFailure } from '../lib/notify';
import { HomePage } from '../pages/home-page';
import { SettingsPage } from '../pages/settings-page';
import { LedgerContext, type LedgerContextValue } from './ledger-context';

type PageId = 'home' | 'settings';

// Later issues add 载体, 计算机, 介质, 自查 here.
const PAGES: { id: PageId; labelKey: string; render: () => ReactNode }[] = [
  { id: 'home', labelKey: 'nav.home', render: () => <HomePage /> },
  { id: 'settings', labelKey: 'nav.settings', render: () => <SettingsPage /> },
];

interface LedgerShellProps {
  onLock: () => Promise<void>;
  /** A call failed with VAULT_LOCKED: main locked before the poll noticed. */
  onVaultLocked: () => void;
}

export function LedgerShell({ onLock, onVaultLocked }: LedgerShellProps) {
  const { t, i18n } = useTranslation();
  const [summary, setSummary] = useState<HomeSummary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [page, setPage] = useState<PageId>('home');
  const [locking, setLocking] = useState(false);

  const fail = useCallback(
    (error: IpcError, title?: string) => {
      if (error.code === 'VAULT_LOCKED') {
        onVaultLocked();
        return;
      }
      notifyFailure(errorText(i18n, error), title);
    },
    [i18n, onVaultLocked],
  );

  const reloadSummary = useCallback(async () => {
    const r = await window.api.home.summary();
    if (r.ok) {
      setSummary(r.value);
      setLoadError(null);
      return true;
    }
    setLoadError(errorText(i18n, r.error));
    fail(r.error);
    return false;
  }, [i18n, fail]);

  const setChain = useCallback((chain: ChainVerification) => {
    setSummary((s) => (s ? { ...s, chain } : s));
  }, []);

  const verifyChain = useCallback(async () => {
    const r = await window.api.audit.verify();
    if (!r.ok) {
      fail(r.error);
      return null;
    }
    setChain(r.value);
    return r.value;
  }, [fail, setChain]);

  useEffect(() => {
    // The summary's chain was verified before the unlock appended its own entries
    // (解锁, and any 解锁失败), so verify once more for the head the header shows.
    void (async () => {
      if (await reloadSummary()) await verifyChain();
    })();
  }, [reloadSummary, verifyChain]);

  const ctx = useMemo<LedgerContextValue | null>(
    () => (summary ? { summary, reloadSummary, setChain, verifyChain, fail } : null),
    [summary, reloadSummary, setChain, verifyChain, fail],
  );

  const lock = async () => {
    setLocking(true);
    try {
      await onLock();
    } finally {
      setLocking(false);
    }
  };

  if (!ctx) {
    return (
      <Center mih="100vh">
        {loadError ? <Alert color="red">{loadError}</Alert> : <Loader aria-label={t('app.loading')} />}
      </Center>
    );
  }

  const head = ctx.summary.chain.head;
  return (
    <LedgerContext.Provider value={ctx}>
      <AppShell header={{ height: 56 }} navbar={{ width: 180, breakpoint: 0 }} padding="md">
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Title order={4}>{t('app.title')}</Title>
              <Text c="dimmed">·</Text>
              <Text fw={600} data-testid="header-unit">
                {ctx.summary.unitName}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" c="dimmed">
                {t('shell.chainHead')}
              </Text>
              <Badge
                variant="light"
                color={ctx.summary.chain.ok ? 'teal' : 'red'}
                ff="monospace"
                tt="none"
                data-testid="header-chain-head"
              >
                {chainHeadLabel(head)}
              </Badge>
              <Button color="dark" variant="filled" onClick={() => void lock()} loading={locking}>
                {t('shell.lock')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('shell.navLabel')}>
          {PAGES.map((p) => (
            <NavLink
              key={p.id}
              component="button"
              label={t(p.labelKey)}
              active={page === p.id}
              aria-current={page === p.id ? 'page' : undefined}
              onClick={() => setPage(p.id)}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>{PAGES.find((p) => p.id === page)?.render()}</AppShell.Main>
      </AppShell>
    </LedgerContext.Provider>
  );
}
