import { Alert, AppShell, Badge, Button, Center, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../src/api/result';
import type { ChainVerification, HomeSummary } from '../../../src/api/types';
import { errorText } from '../lib/errors';
import { chainHeadLabel } from '../lib/format';
import { notifyFailure } from '../lib/notify';
import { DirectoryProvider } from './directory';
import { LedgerContext, type LedgerContextValue } from './ledger-context';
import { NavigationContext, type Navigation, type PageId, type Route } from './navigation';
import { renderRoute } from './routes';

// Later issues add 计算机, 介质, 自查 here.
const NAV: { id: PageId; labelKey: string }[] = [
  { id: 'home', labelKey: 'nav.home' },
  { id: 'carriers', labelKey: 'nav.carriers' },
  { id: 'computers', labelKey: 'devices.nav.computers' },
  { id: 'media', labelKey: 'devices.nav.media' },
  { id: 'inspections', labelKey: 'inspection.nav' },
  { id: 'recon', labelKey: 'recon.nav' },
  { id: 'people', labelKey: 'nav.people' },
  { id: 'cabinets', labelKey: 'nav.cabinets' },
  { id: 'print', labelKey: 'nav.print' },
  { id: 'backup', labelKey: 'backup.nav' },
  { id: 'audit', labelKey: 'auditLog.nav' },
  { id: 'settings', labelKey: 'nav.settings' },
];

/** The navbar entry a screen belongs to (a carrier's page and the batch screens are part of the ledger). */
const SECTION: Record<PageId, PageId> = {
  home: 'home',
  carriers: 'carriers',
  carrier: 'carriers',
  receive: 'carriers',
  destroy: 'carriers',
  handover: 'carriers',
  computers: 'computers',
  computer: 'computers',
  media: 'media',
  medium: 'media',
  people: 'people',
  person: 'people',
  inspections: 'inspections',
  inspection: 'inspections',
  checklist: 'inspections',
  recon: 'recon',
  reconSession: 'recon',
  cabinets: 'cabinets',
  print: 'print',
  backup: 'backup',
  audit: 'audit',
  settings: 'settings',
};

interface LedgerShellProps {
  onLock: () => Promise<void>;
  /** A call failed with VAULT_LOCKED: main locked before the poll noticed. */
  onVaultLocked: () => void;
}

export function LedgerShell({ onLock, onVaultLocked }: LedgerShellProps) {
  const { t, i18n } = useTranslation();
  const [summary, setSummary] = useState<HomeSummary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [history, setHistory] = useState<Route[]>([{ page: 'home' }]);
  const memory = useRef(new Map<string, unknown>());
  const [locking, setLocking] = useState(false);
  const [retrying, setRetrying] = useState(false);

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
    // home.summary brings the chain up to the current head itself (only new entries are
    // walked), so no full audit.verify is needed here: that walk is slow on a large ledger.
    void reloadSummary();
  }, [reloadSummary]);

  const navigation = useMemo<Navigation>(
    () => ({
      route: history[history.length - 1] ?? { page: 'home' },
      navigate: (route) =>
        setHistory((h) => (route.page === SECTION[route.page] ? [route] : [...h, route])),
      back: () => setHistory((h) => (h.length > 1 ? h.slice(0, -1) : [{ page: 'carriers' }])),
      memory: memory.current,
    }),
    [history],
  );

  const ctx = useMemo<LedgerContextValue | null>(
    () => (summary ? { summary, reloadSummary, verifyChain, fail } : null),
    [summary, reloadSummary, verifyChain, fail],
  );

  const retry = async () => {
    setRetrying(true);
    try {
      await reloadSummary();
    } finally {
      setRetrying(false);
    }
  };

  const lock = async () => {
    setLocking(true);
    try {
      await onLock();
    } finally {
      setLocking(false);
    }
  };

  if (!ctx) {
    if (!loadError) {
      return (
        <Center mih="100vh">
          <Loader aria-label={t('app.loading')} />
        </Center>
      );
    }
    // The vault is open although nothing of it can be shown: the officer can read again,
    // and must still be able to lock it before walking away.
    return (
      <Center mih="100vh">
        <Alert color="red" title={t('readFailed.title')} data-testid="summary-failed" maw={520}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{loadError}</Text>
            <Group gap="sm">
              <Button variant="light" onClick={() => void retry()} loading={retrying}>
                {t('readFailed.retry')}
              </Button>
              <Button color="dark" variant="filled" onClick={() => void lock()} loading={locking}>
                {t('shell.lock')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      </Center>
    );
  }

  const head = ctx.summary.chain.head;
  return (
    <LedgerContext.Provider value={ctx}>
      <NavigationContext.Provider value={navigation}>
        <DirectoryProvider>
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
              {NAV.map((p) => {
                const active = SECTION[navigation.route.page] === p.id;
                return (
                  <NavLink
                    key={p.id}
                    component="button"
                    label={t(p.labelKey)}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    onClick={() => navigation.navigate({ page: p.id } as Route)}
                  />
                );
              })}
            </AppShell.Navbar>
            <AppShell.Main>{renderRoute(navigation.route)}</AppShell.Main>
          </AppShell>
        </DirectoryProvider>
      </NavigationContext.Provider>
    </LedgerContext.Provider>
  );
}
