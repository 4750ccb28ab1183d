import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconItem, ReconReport } from '../../../../src/ledger/inspections/reconciliation';
import { LinkTo } from '../inspections/link-to';
import { ReportLostButton } from './report-lost';

type Listed = ReconReport['unexpected'][number];

/**
 * The ended count: what was expected and found, then what is wrong: missing (with 报告下落不明),
 * unexpected (not in scope, or not in the ledger at all), duplicate scans, and what is away
 * on loan or carried out, rightly not on the shelf.
 */
export function ReconReportView({ report }: { report: ReconReport }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 5 }} data-testid="recon-totals">
        <Total label={t('recon.expected')} value={report.expected} />
        <Total label={t('recon.sighted')} value={report.sighted.length} color="teal" />
        <Total label={t('recon.missing')} value={report.missing.length} color={report.missing.length ? 'red' : undefined} />
        <Total label={t('recon.unexpected')} value={report.unexpected.length} color={report.unexpected.length ? 'orange' : undefined} />
        <Total label={t('recon.duplicates')} value={report.duplicates.length} color={report.duplicates.length ? 'orange' : undefined} />
      </SimpleGrid>
      <Section title={t('recon.missingList', { count: report.missing.length })} testId="recon-missing" color="red" empty={t('recon.noneMissing')} count={report.missing.length}>
        <ItemTable
          items={report.missing}
          label={t('recon.missing')}
          action={(i) => (i.kind === 'carrier' ? <ReportLostButton item={i} /> : <Text size="xs" c="dimmed">{t('recon.mediumLostHint')}</Text>)}
        />
      </Section>
      <Section title={t('recon.unexpectedList', { count: report.unexpected.length })} testId="recon-unexpected" color="orange" empty={t('recon.noneUnexpected')} count={report.unexpected.length}>
        <ItemTable items={report.unexpected} label={t('recon.unexpected')} />
      </Section>
      <Section title={t('recon.duplicatesList', { count: report.duplicates.length })} testId="recon-duplicates" color="orange" empty={t('recon.noneDuplicates')} count={report.duplicates.length}>
        <Group gap="xs">
          {report.duplicates.map((d, i) => (
            <Badge key={`${d}:${i}`} color="orange" variant="light" ff="monospace" tt="none">
              {d}
            </Badge>
          ))}
        </Group>
      </Section>
      <Section title={t('recon.awayList', { count: report.away.length })} testId="recon-away" color="blue" empty={t('recon.noneAway')} count={report.away.length}>
        <ItemTable items={report.away} label={t('recon.away')} />
      </Section>
    </Stack>
  );
}

function Total({ label, value, color }: { label: string; value: number; color?: string | undefined }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} c={color ? `${color}.8` : undefined}>
        {value}
      </Text>
    </Card>
  );
}

function Section({ title, testId, color, empty, count, children }: { title: string; testId: string; color: string; empty: string; count: number; children: ReactNode }) {
  return (
    <Card withBorder data-testid={testId} style={count ? { borderLeft: `4px solid var(--mantine-color-${color}-6)` } : undefined}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}

function ItemTable({ items, label, action }: { items: readonly Listed[]; label: string; action?: (i: ReconItem) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <Table fz="sm" striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={80}>{t('recon.kind')}</Table.Th>
          <Table.Th w={170}>{t('recon.code')}</Table.Th>
          <Table.Th>{t('recon.itemTitle')}</Table.Th>
          {action && <Table.Th w={170} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i, n) => (
          <Table.Tr key={`${i.id ?? i.number}:${n}`} data-testid="recon-row">
            <Table.Td>{i.kind ? t(`staff.holdingKind.${i.kind}`) : '—'}</Table.Td>
            <Table.Td>
              {i.kind && i.id ? (
                <LinkTo link={{ type: i.kind, id: i.id }} mono>
                  {i.number}
                </LinkTo>
              ) : (
                <Text size="sm" ff="monospace">
                  {i.number}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {i.title}
              {'how' in i && i.how === 'on_loan' && (
                <Badge ml="xs" size="sm" variant="light" color="blue">
                  {t('recon.onLoan')}
                </Badge>
              )}
            </Table.Td>
            {action && <Table.Td>{i.kind && i.id ? action(i as ReconItem) : null}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
