import { Checkbox, Table, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarrierListRow } from '../../../../src/ledger/carriers/carrier-queries';
import { Marking, StateBadge } from '../../components/carrier-badges';
import type { CarrierSummary } from '../../shell/navigation';
import type { CarrierSort, SortColumn } from './carrier-query';
import type { CarrierPages } from './use-carrier-pages';

/** Fixed row height: one line per carrier (long titles are cut, the full text is in the tooltip). */
export const ROW_HEIGHT = 38;
const HEADER_HEIGHT = 40;

const COLUMNS: { id: string; width: number | string; sort?: SortColumn }[] = [
  { id: 'select', width: 36 },
  { id: 'number', width: 116, sort: 'number' },
  { id: 'title', width: 'auto', sort: 'title' },
  { id: 'docNo', width: 124 },
  { id: 'marking', width: 100 },
  { id: 'state', width: 96 },
  { id: 'custodian', width: 136 },
  { id: 'cabinet', width: 96 },
  { id: 'receivedOn', width: 94, sort: 'receivedOn' },
  { id: 'expiresOn', width: 94, sort: 'expiresOn' },
];

export const summaryOf = (r: CarrierListRow): CarrierSummary => ({
  id: r.id,
  number: r.number,
  title: r.title,
  marking: r.marking,
  state: r.state,
});

interface CarrierTableProps {
  pages: CarrierPages;
  sort: CarrierSort;
  onSort: (column: SortColumn) => void;
  selected: ReadonlyMap<string, CarrierSummary>;
  onToggle: (row: CarrierListRow) => void;
  onOpen: (id: string) => void;
  initialScrollTop: number;
  onScrollTop: (top: number) => void;
}

/**
 * The ledger as one long table, virtualised: only the rows in view (plus a margin) are in
 * the DOM, and `total` sizes the scroll area, so 100,000 rows scroll like 100. Rows not yet
 * read show a placeholder while their page is asked for.
 */
export function CarrierTable({ pages, sort, onSort, selected, onToggle, onOpen, initialScrollTop, onScrollTop }: CarrierTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = pages.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    initialOffset: initialScrollTop,
    // The sticky header covers the top of the scroll area.
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { ensureRange } = pages;

  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, ensureRange]);

  const focusRow = (index: number) => {
    if (index < 0 || index >= total) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus());
  };

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: CarrierListRow | undefined) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' && row) onOpen(row.id);
    else if (e.key === ' ' && row) onToggle(row);
    else if (e.key === 'ArrowDown') focusRow(index + 1);
    else if (e.key === 'ArrowUp') focusRow(index - 1);
    else if (e.key === 'PageDown') focusRow(Math.min(total - 1, index + 15));
    else if (e.key === 'PageUp') focusRow(Math.max(0, index - 15));
    else return;
    e.preventDefault();
  };

  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div
      ref={scrollRef}
      style={{ flex: 1, minHeight: 0, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
      onScroll={(e) => onScrollTop(e.currentTarget.scrollTop)}
      data-testid="carrier-scroll"
    >
      <Table
        stickyHeader
        highlightOnHover
        layout="fixed"
        miw={1040}
        fz={13}
        horizontalSpacing={6}
        aria-label={t('carriers.tableLabel')}
        aria-rowcount={total + 1}
        data-testid="carrier-table"
      >
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
        </colgroup>
        <Table.Thead style={{ zIndex: 2 }}>
          <Table.Tr style={{ height: HEADER_HEIGHT }}>
            {COLUMNS.map((c) => (
              <Table.Th
                key={c.id}
                aria-sort={c.sort && sort.sort === c.sort ? (sort.descending ? 'descending' : 'ascending') : undefined}
              >
                {c.id === 'select' ? (
                  <Text size="xs" c="dimmed" aria-label={t('carriers.col.select')}>
                    {selected.size || ''}
                  </Text>
                ) : c.sort ? (
                  <UnstyledButton fw={700} fz={13} onClick={() => onSort(c.sort as SortColumn)}>
                    {t(`carriers.col.${c.id}`)}
                    {sort.sort === c.sort ? (sort.descending ? ' ↓' : ' ↑') : ''}
                  </UnstyledButton>
                ) : (
                  t(`carriers.col.${c.id}`)
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {top > 0 && <tr aria-hidden style={{ height: top }} />}
          {items.map((vi) => {
            const row = pages.rowAt(vi.index);
            const isSelected = row ? selected.has(row.id) : false;
            return (
              <Table.Tr
                key={vi.key}
                data-index={vi.index}
                aria-rowindex={vi.index + 2}
                aria-selected={isSelected}
                tabIndex={0}
                style={{ height: ROW_HEIGHT, cursor: row ? 'pointer' : 'default' }}
                bg={isSelected ? 'var(--mantine-color-indigo-light)' : undefined}
                onClick={() => row && onOpen(row.id)}
                onKeyDown={(e) => onRowKey(e, vi.index, row)}
              >
                {row ? <RowCells row={row} selected={isSelected} onToggle={onToggle} /> : <LoadingCells />}
              </Table.Tr>
            );
          })}
          {bottom > 0 && <tr aria-hidden style={{ height: bottom }} />}
        </Table.Tbody>
      </Table>
    </div>
  );
}

const cut = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

function Cell({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <Table.Td style={cut} title={title}>
      {children}
    </Table.Td>
  );
}

function RowCells({ row, selected, onToggle }: { row: CarrierListRow; selected: boolean; onToggle: (r: CarrierListRow) => void }) {
  const { t } = useTranslation();
  const holder = row.holderName ? t('carriers.heldBy', { name: row.holderName }) : '';
  const custodian = row.custodianName ?? '—';
  return (
    <>
      <Table.Td onClick={(e) => e.stopPropagation()}>
        <Checkbox
          size="xs"
          tabIndex={-1}
          aria-label={t('carriers.selectRow', { number: row.number })}
          checked={selected}
          onChange={() => onToggle(row)}
        />
      </Table.Td>
      <Cell title={row.number}>
        <Text span ff="monospace" fz={13}>
          {row.number}
        </Text>
      </Cell>
      <Cell title={row.title}>{row.title}</Cell>
      <Cell title={row.docNo}>{row.docNo || '—'}</Cell>
      <Cell title={row.marking}>
        <Marking level={row.level} marking={row.marking} fz={13} />
      </Cell>
      <Table.Td>
        <StateBadge state={row.state} overdue={row.overdue} />
      </Table.Td>
      <Cell title={holder ? `${custodian} ${holder}` : custodian}>
        {custodian}
        {holder && (
          <Text span c="dimmed" fz="xs">
            {holder}
          </Text>
        )}
      </Cell>
      <Cell title={row.cabinetName ?? ''}>{row.cabinetName ?? '—'}</Cell>
      <Cell>{row.receivedOn}</Cell>
      <Cell>{row.expiresOn ?? (row.term?.kind === 'long' ? t('carriers.longTerm') : '—')}</Cell>
    </>
  );
}

function LoadingCells() {
  const { t } = useTranslation();
  return (
    <Table.Td colSpan={COLUMNS.length}>
      <Text c="dimmed" fz="sm">
        {t('carriers.loadingRow')}
      </Text>
    </Table.Td>
  );
}
