import { Badge, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../../src/api/contract';
import { formatDateTime } from '../../lib/format';
import { shortHash } from './backup-text';

export type Comparison = ResultOf<'backup:compare'>;
type Side = Comparison['current'];

const KNOWN = ['carriers', 'computers', 'media', 'people', 'events', 'audit_log'] as const;

/** The tables both sides count, known ones first, then whatever else a newer core adds. */
export function countKeys(a: Record<string, number>, b: Record<string, number>): string[] {
  const extra = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !(KNOWN as readonly string[]).includes(k)).sort();
  return [...KNOWN.filter((k) => k in a || k in b), ...extra];
}

/**
 * The backup beside the current ledger, so the officer sees what a restore would take
 * away (records made since) before confirming; rows that differ are marked.
 */
export function CompareTable({ backup, current }: { backup: NonNullable<Comparison['backup']>; current: Side }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = (k: string) => (i18n.exists(`backup.restore.counts.${k}`) ? t(`backup.restore.counts.${k}`) : k);
  const head = (h: { seq: number; hash: string }) => `#${h.seq} ${shortHash(h.hash)}`;
  const currentCounts: Record<string, number> = current.counts;
  return (
    <Table withTableBorder withColumnBorders fz="sm" aria-label={t('backup.restore.compareLabel')} data-testid="compare-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('backup.restore.item')}</Table.Th>
          <Table.Th>{t('backup.restore.backup')}</Table.Th>
          <Table.Th>{t('backup.restore.current')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Row id="createdAt" label={t('backup.restore.createdAt')} a={formatDateTime(backup.createdAt, lang)} b="—" differs={false} />
        {countKeys(backup.counts, currentCounts).map((k) => {
          const a = backup.counts[k];
          const b = currentCounts[k];
          return <Row key={k} id={k} label={label(k)} a={a ?? '—'} b={b ?? '—'} differs={a !== b} />;
        })}
        <Row
          id="chainHead"
          label={t('backup.restore.chainHead')}
          a={head(backup.chainHead)}
          b={head(current.chainHead)}
          differs={backup.chainHead.seq !== current.chainHead.seq || backup.chainHead.hash !== current.chainHead.hash}
          mono
        />
        <Row
          id="lastEventAt"
          label={t('backup.restore.lastEventAt')}
          a={formatDateTime(backup.lastEventAt, lang)}
          b={formatDateTime(current.lastEventAt, lang)}
          differs={backup.lastEventAt !== current.lastEventAt}
        />
      </Table.Tbody>
    </Table>
  );
}

function Row({ id, label, a, b, differs, mono = false }: { id: string; label: string; a: ReactNode; b: ReactNode; differs: boolean; mono?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-row={id} data-differs={differs || undefined} bg={differs ? 'yellow.0' : undefined}>
      <Table.Th>
        {label}
        {differs && (
          <Badge size="xs" color="orange" variant="light" ml={6}>
            {t('backup.restore.differs')}
          </Badge>
        )}
      </Table.Th>
      <Table.Td ff={mono ? 'monospace' : undefined} data-testid="compare-backup">
        <Text span fz="sm" fw={differs ? 700 : undefined}>
          {a}
        </Text>
      </Table.Td>
      <Table.Td ff={mono ? 'monospace' : undefined} data-testid="compare-current">
        <Text span fz="sm" fw={differs ? 700 : undefined}>
          {b}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
