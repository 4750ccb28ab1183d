import type { CarrierState } from '../../../../src/ledger/carriers/carrier-model';
import type { CarrierListQuery } from '../../../../src/ledger/carriers/carrier-queries';
import type { CarrierType, Level } from '../../lib/carrier-enums';

/** What the filter bar holds; `search` is the raw text (the query gets it debounced). */
export interface CarrierFilters {
  search: string;
  levels: Level[];
  states: CarrierState[];
  types: CarrierType[];
  custodianId: string | null;
  cabinetId: string | null;
  /** 到期预警: terms ending within this many days; '' when the filter is off. */
  termEndingWithinDays: number | '';
  overdueOnly: boolean;
}

export type SortColumn = NonNullable<CarrierListQuery['sort']>;
export interface CarrierSort {
  sort: SortColumn;
  descending: boolean;
}

export const EMPTY_FILTERS: CarrierFilters = {
  search: '',
  levels: [],
  states: [],
  types: [],
  custodianId: null,
  cabinetId: null,
  termEndingWithinDays: '',
  overdueOnly: false,
};

/** Newest receipts first, as the officer reads the book. */
export const DEFAULT_SORT: CarrierSort = { sort: 'receivedOn', descending: true };

/** The carriers:list query without its window (offset, limit, withTotal), which the page cache adds. */
export type CarrierListBase = Required<Omit<CarrierListQuery, 'offset' | 'limit' | 'withTotal'>>;

/**
 * Filter bar → carriers:list. Every field is sent explicitly, so equal filters give an
 * identical query (the page cache is keyed on it), and an emptied field clears its filter.
 */
export function toListQuery(f: CarrierFilters, s: CarrierSort = DEFAULT_SORT): CarrierListBase {
  const days = f.termEndingWithinDays;
  return {
    search: f.search.trim().slice(0, 100),
    levels: [...f.levels],
    states: [...f.states],
    types: [...f.types],
    custodianId: f.custodianId || null,
    cabinetId: f.cabinetId || null,
    termEndingWithinDays: typeof days === 'number' && Number.isInteger(days) && days >= 0 ? Math.min(days, 3650) : null,
    overdueOnly: f.overdueOnly,
    sort: s.sort,
    descending: s.descending,
  };
}

export const queryKey = (q: CarrierListBase): string => JSON.stringify(q);

/** How many filters narrow the list (the search box aside), for the 清除筛选 button. */
export const activeFilterCount = (f: CarrierFilters): number =>
  [
    f.levels.length > 0,
    f.states.length > 0,
    f.types.length > 0,
    Boolean(f.custodianId),
    Boolean(f.cabinetId),
    f.termEndingWithinDays !== '',
    f.overdueOnly,
  ].filter(Boolean).length;

/**
 * A click on a column header: the same column flips its direction; another column starts
 * newest-first for 收文日期 and ascending otherwise (soonest 到期日 first).
 */
export const nextSort = (current: CarrierSort, column: SortColumn): CarrierSort =>
  current.sort === column
    ? { sort: column, descending: !current.descending }
    : { sort: column, descending: column === 'receivedOn' };
