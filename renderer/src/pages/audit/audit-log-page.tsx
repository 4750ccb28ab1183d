import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useLedger } from '../../shell/ledger-context';
import { useNavigation, useRemembered } from '../../shell/navigation';
import { AuditFilterBar } from './audit-filter-bar';
import { AuditTable } from './audit-table';
import { EMPTY_AUDIT_FILTERS, hasFilters, toAuditQuery, type AuditFilters } from './audit-query';
import { useAuditPages } from './use-audit-pages';
import { ReadFailed } from '../../components/read-failed';

/**
 * 审计日志: every entry of the hash chain, newest first, for the officer and for inspectors
 * reading years back. The page only reads; the chain is verified at unlock and on the home
 * page, which this page points to rather than verifying a second way.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [applied, setApplied] = useRemembered<AuditFilters>('audit.filters', EMPTY_AUDIT_FILTERS);
  const [reading, setReading] = useState(0);
  const pages = useAuditPages(toAuditQuery(applied), reading);
  const { entries, done, loading, error, loadMore } = pages;

  return (
    <Stack>
      <Title order={2}>{t('auditLog.title')}</Title>
      <ChainNote />
      <Card withBorder>
        <Stack gap="sm">
          <AuditFilterBar
            applied={applied}
            onApply={(next) => {
              setApplied(next);
              setReading((n) => n + 1);
            }}
          />
          {entries === null ? (
            error !== null ? (
              <ReadFailed error={error} onRetry={loadMore} testId="audit-read-failed" />
            ) : (
              <Text c="dimmed">{t('auditLog.loading')}</Text>
            )
          ) : entries.length === 0 && done ? (
            <Text c="dimmed" data-testid="audit-none">
              {hasFilters(applied) ? t('auditLog.noneMatching') : t('auditLog.none')}
            </Text>
          ) : (
            <>
              <div style={{ overflowX: 'auto' }}>
                <AuditTable entries={entries} />
              </div>
              <Group justify="space-between">
                <Text size="sm" c="dimmed" data-testid="audit-shown">
                  {t('auditLog.shown', { count: entries.length })}
                </Text>
                {error !== null ? null : done ? (
                  <Text size="sm" c="dimmed">
                    {t('auditLog.end')}
                  </Text>
                ) : (
                  <Button variant="light" onClick={loadMore} loading={loading}>
                    {t('auditLog.loadMore')}
                  </Button>
                )}
              </Group>
              {error !== null && <ReadFailed error={error} onRetry={loadMore} testId="audit-read-failed" />}
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

/** Where the chain's soundness is shown: its state as last verified, and the way to verify it again. */
function ChainNote() {
  const { t, i18n } = useTranslation();
  const { summary } = useLedger();
  const { navigate } = useNavigation();
  const { chain } = summary;
  return (
    <Alert color={chain.ok ? 'gray' : 'red'} variant="light" data-testid="audit-chain-note">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">
          {t('auditLog.chainNote', {
            state: chain.ok ? t('home.chainOk') : t('home.chainBad'),
            at: formatDateTime(chain.verifiedAt, i18n.language),
          })}
        </Text>
        <Button size="xs" variant="light" onClick={() => navigate({ page: 'home' })}>
          {t('auditLog.goVerify')}
        </Button>
      </Group>
    </Alert>
  );
}

