import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarrierListRow } from '../../../../src/ledger/carriers/carrier-queries';
import { useNavigation, useRemembered, type CarrierSummary } from '../../shell/navigation';
import { CarrierFilterBar } from './carrier-filters';
import { DEFAULT_SORT, EMPTY_FILTERS, nextSort, toListQuery, type CarrierFilters, type CarrierSort } from './carrier-query';
import { CarrierTable, summaryOf } from './carrier-table';
import { useCarrierPages } from './use-carrier-pages';

/** The search box waits this long after the last keystroke before asking main. */
export const SEARCH_DEBOUNCE_MS = 200;
const SCROLL_KEY = 'carriers.scrollTop';

/** 载体台账: every carrier, filtered and searched, with the batch screens one click away. */
export function CarrierListPage() {
  const { t } = useTranslation();
  const { navigate, memory } = useNavigation();
  const [filters, setFilters] = useRemembered<CarrierFilters>('carriers.filters', EMPTY_FILTERS);
  const [sort, setSort] = useRemembered<CarrierSort>('carriers.sort', DEFAULT_SORT);
  const [selected, setSelected] = useRemembered<ReadonlyMap<string, CarrierSummary>>('carriers.selection', () => new Map());
  // Kept outside React state: scrolling must not re-render the page around the table.
  const scrollTop = (memory.get(SCROLL_KEY) as number | undefined) ?? 0;
  const setScrollTop = useCallback((top: number) => void memory.set(SCROLL_KEY, top), [memory]);
  const [search] = useDebouncedValue(filters.search, SEARCH_DEBOUNCE_MS);

  const query = useMemo(() => toListQuery({ ...filters, search }, sort), [filters, search, sort]);
  const pages = useCarrierPages(query);

  const toggle = useCallback(
    (row: CarrierListRow) =>
      setSelected((prev) => {
        const next = new Map(prev);
        if (next.has(row.id)) next.delete(row.id);
        else next.set(row.id, summaryOf(row));
        return next;
      }),
    [setSelected],
  );

  const changeFilters = (next: CarrierFilters) => {
    setFilters(next);
    // A new result set starts at its top.
    setScrollTop(0);
  };

  return (
    <Stack h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('carriers.title')}</Title>
          {pages.total === null ? (
            <Loader size="xs" aria-label={t('app.loading')} />
          ) : (
            <Text c="dimmed" data-testid="carrier-total">
              {t('carriers.total', { count: pages.total })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <Button onClick={() => navigate({ page: 'receive' })}>{t('carriers.receive')}</Button>
          <Button variant="default" onClick={() => navigate({ page: 'handover' })}>
            {t('carriers.handover')}
          </Button>
        </Group>
      </Group>
      <CarrierFilterBar filters={filters} onChange={changeFilters} />
      {selected.size > 0 && (
        <Group gap="sm" data-testid="selection-bar">
          <Text fw={600}>{t('carriers.selected', { count: selected.size })}</Text>
          <Button color="red" size="xs" onClick={() => navigate({ page: 'destroy', items: [...selected.values()] })}>
            {t('carriers.destroySelected')}
          </Button>
          <Button variant="subtle" size="xs" onClick={() => setSelected(new Map())}>
            {t('carriers.clearSelection')}
          </Button>
        </Group>
      )}
      {pages.total === 0 ? (
        <Text c="dimmed" py="xl" ta="center" data-testid="carrier-empty">
          {t('carriers.empty')}
        </Text>
      ) : (
        <CarrierTable
          // A new query gets a fresh virtualiser (and scroll position).
          key={JSON.stringify(query)}
          pages={pages}
          sort={sort}
          onSort={(c) => {
            setSort((s) => nextSort(s, c));
            setScrollTop(0);
          }}
          selected={selected}
          onToggle={toggle}
          onOpen={(id) => navigate({ page: 'carrier', id })}
          initialScrollTop={scrollTop}
          onScrollTop={setScrollTop}
        />
      )}
    </Stack>
  );
}
