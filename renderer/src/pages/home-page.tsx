import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDetail } from '../hooks/use-detail';
import { DEFAULT_LANGUAGE } from '../i18n/i18n';
import { auditLabel, chainHeadLabel, formatDateTime } from '../lib/format';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { useLedger } from '../shell/ledger-context';
import { DueList } from './inspections/due-list';

const AUDIT_LIMIT = 20;
const readAudit = () => window.api.audit.list({ limit: AUDIT_LIMIT });

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { summary, verifyChain } = useLedger();
  const { detail: audit, load: loadAudit } = useDetail(readAudit);
  const entries = audit?.entries ?? null;
  const [verifying, setVerifying] = useState(false);
  const lang = i18n.language;

  const reverify = async () => {
    setVerifying(true);
    try {
      const chain = await verifyChain();
      if (chain) {
        if (chain.ok) notifySuccess(t('home.verifyOk'));
        else notifyFailure(chain.reason ?? '', t('home.verifyBad'));
      }
      await loadAudit();
    } finally {
      setVerifying(false);
    }
  };

  const { integrity, chain } = summary;
  const integrityOk = integrity.cipherOk && integrity.quickCheck.length === 1 && integrity.quickCheck[0] === 'ok';
  const label = (group: 'action' | 'actor', name: string) =>
    auditLabel((l, ns, k) => i18n.getResource(l, ns, k), lang, DEFAULT_LANGUAGE, group, name);

  return (
    <Stack>
      <Title order={2}>{t('home.title')}</Title>
      {summary.clockWentBack && (
        <Alert color="red" data-testid="clock-went-back">
          {t('home.clockWentBack', { previous: formatDateTime(summary.clockWentBack.previous, lang), now: formatDateTime(summary.clockWentBack.now, lang) })}
        </Alert>
      )}
      <DueList />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            {t('home.vaultInfo')}
          </Title>
          <Table variant="vertical" fz="sm" layout="fixed" data-testid="vault-info">
            <Table.Tbody>
              <Row label={t('home.unitName')} value={summary.unitName} />
              <Row label={t('home.officerName')} value={summary.officerName} />
              <Row label={t('home.vaultId')} value={summary.vaultId} mono />
              <Row label={t('home.createdAt')} value={formatDateTime(summary.createdAt, lang)} />
              <Row label={t('home.schemaVersion')} value={String(summary.schemaVersion)} />
              <Row label={t('home.unlockedAt')} value={formatDateTime(summary.unlockedAt, lang)} />
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder data-testid="integrity-card">
          <Group justify="space-between" mb="xs">
            <Title order={4}>{t('home.integrity')}</Title>
            <Badge color={integrityOk ? 'green' : 'red'} data-testid="integrity-badge">
              {integrityOk ? t('home.integrityOk') : t('home.integrityBad')}
            </Badge>
          </Group>
          <Stack gap={4}>
            <Text size="sm">{t('home.pagesChecked', { count: integrity.cipherPagesChecked })}</Text>
            <Text size="sm">{t('home.quickCheck', { result: integrity.quickCheck.join('；') })}</Text>
            {integrity.cipherErrors.map((e) => (
              <Text key={e} size="sm" c="red.8">
                {e}
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              {t('home.checkedAt', { at: formatDateTime(integrity.checkedAt, lang) })}
            </Text>
          </Stack>
        </Card>
        <Card withBorder data-testid="chain-card">
          <Group justify="space-between" mb="xs">
            <Title order={4}>{t('home.chain')}</Title>
            <Badge color={chain.ok ? 'green' : 'red'} data-testid="chain-badge">
              {chain.ok ? t('home.chainOk') : t('home.chainBad')}
            </Badge>
          </Group>
          <Stack gap={4}>
            <Text ff="monospace" fw={600} data-testid="chain-head">
              {chainHeadLabel(chain.head)}
            </Text>
            <Text size="sm">{t('home.chainEntries', { count: chain.checked })}</Text>
            {!chain.ok && (
              <Text size="sm" c="red.8">
                {t('home.chainBroken', { seq: chain.firstBrokenSeq ?? '?', reason: chain.reason ?? '' })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('home.checkedAt', { at: formatDateTime(chain.verifiedAt, lang) })}
            </Text>
            <Group>
              <Button size="xs" variant="light" onClick={() => void reverify()} loading={verifying}>
                {t('home.verify')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('home.recentAudit')}
        </Title>
        {entries && entries.length === 0 && <Text c="dimmed">{t('home.noAudit')}</Text>}
        {entries && entries.length > 0 && (
          <Table striped highlightOnHover fz="sm" aria-label={t('home.recentAudit')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('home.col.seq')}</Table.Th>
                <Table.Th w={190}>{t('home.col.at')}</Table.Th>
                <Table.Th>{t('home.col.action')}</Table.Th>
                <Table.Th>{t('home.col.actor')}</Table.Th>
                <Table.Th>{t('home.col.subject')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
                  <Table.Td>{label('action', e.action)}</Table.Td>
                  <Table.Td>{label('actor', e.actor)}</Table.Td>
                  <Table.Td>{e.subject ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}

function Row({ label, value, mono = false }: { label: string; value: string; mono?: boolean }) {
  return (
    <Table.Tr>
      <Table.Th w={110}>{label}</Table.Th>
      <Table.Td ff={mono ? 'monospace' : undefined} style={{ wordBreak: 'break-all' }}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
}
