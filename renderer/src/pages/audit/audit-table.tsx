import { Button, Code, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../../src/api/types';
import { DEFAULT_LANGUAGE } from '../../i18n/i18n';
import { auditLabel, formatDateTime } from '../../lib/format';
import { payloadSummary } from './audit-query';

const COLUMNS = ['seq', 'at', 'actor', 'action', 'subject', 'content', 'hash'] as const;
const WIDTHS: Record<(typeof COLUMNS)[number], number | undefined> = {
  seq: 72,
  at: 170,
  actor: 100,
  action: 190,
  subject: 160,
  content: undefined,
  hash: 96,
};

/**
 * The entries as read, newest first. A row's full payload opens beneath it as JSON,
 * read-only: the summary is for scanning, the JSON is what the hash covers.
 */
export function AuditTable({ entries }: { entries: readonly AuditEntryView[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const label = (group: 'action' | 'actor', name: string) =>
    auditLabel((l, ns, k) => i18n.getResource(l, ns, k), lang, DEFAULT_LANGUAGE, group, name);
  const toggle = (seq: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });

  return (
    <Table striped highlightOnHover fz="sm" layout="fixed" miw={1000} aria-label={t('auditLog.tableLabel')} data-testid="audit-table">
      <colgroup>
        {COLUMNS.map((c) => (
          <col key={c} style={{ width: WIDTHS[c] }} />
        ))}
      </colgroup>
      <Table.Thead>
        <Table.Tr>
          {COLUMNS.map((c) => (
            <Table.Th key={c}>{t(`auditLog.col.${c}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => {
          const expanded = open.has(e.seq);
          const summary = payloadSummary(e.payload);
          const payloadId = `audit-payload-${e.seq}`;
          return (
            <Fragment key={e.seq}>
              <Table.Tr data-seq={e.seq}>
                <Table.Td ff="monospace">{e.seq}</Table.Td>
                <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
                <Table.Td>{label('actor', e.actor)}</Table.Td>
                {/* The raw action name is kept in the tooltip for an inspector comparing with an export. */}
                <Table.Td title={e.action}>{label('action', e.action)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{e.subject ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" span style={{ wordBreak: 'break-all' }}>
                    {summary || '—'}
                  </Text>{' '}
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    aria-expanded={expanded}
                    aria-controls={payloadId}
                    aria-label={t(expanded ? 'auditLog.hidePayload' : 'auditLog.showPayload', { seq: e.seq })}
                    onClick={() => toggle(e.seq)}
                  >
                    {expanded ? t('auditLog.hide') : t('auditLog.show')}
                  </Button>
                </Table.Td>
                <Table.Td ff="monospace" title={e.hash}>
                  {e.hash.slice(0, 8)}
                </Table.Td>
              </Table.Tr>
              {expanded && (
                <Table.Tr>
                  <Table.Td colSpan={COLUMNS.length}>
                    <Code block id={payloadId} aria-label={t('auditLog.payloadLabel', { seq: e.seq })} data-testid={payloadId}>
                      {JSON.stringify(e.payload, null, 2)}
                    </Code>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
