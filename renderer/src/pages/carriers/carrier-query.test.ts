import { describe, expect, it } from 'vitest';
import { carrierListQuerySchema } from '../../../../src/ledger/carriers/carrier-queries';
import { activeFilterCount, DEFAULT_SORT, EMPTY_FILTERS, nextSort, queryKey, toListQuery, type CarrierFilters } from './carrier-query';

describe('carrier list filters → carriers:list query', () => {
  it('sends every field explicitly when nothing is filtered, newest receipts first', () => {
    expect(toListQuery(EMPTY_FILTERS)).toEqual({
      search: '',
      levels: [],
      states: [],
      types: [],
      custodianId: null,
      cabinetId: null,
      termEndingWithinDays: null,
      overdueOnly: false,
      sort: 'receivedOn',
      descending: true,
    });
  });

  it('maps each filter of the bar to its query field, and the result passes the core schema', () => {
    const f: CarrierFilters = {
      search: '  保密管理 ',
      levels: ['jimi', 'juemi'],
      states: ['lent', 'circulating'],
      types: ['paper'],
      custodianId: 'p-1',
      cabinetId: 'c-1',
      termEndingWithinDays: 90,
      overdueOnly: true,
    };
    const q = toListQuery(f, { sort: 'expiresOn', descending: false });
    expect(q).toEqual({
      search: '保密管理',
      levels: ['jimi', 'juemi'],
      states: ['lent', 'circulating'],
      types: ['paper'],
      custodianId: 'p-1',
      cabinetId: 'c-1',
      termEndingWithinDays: 90,
      overdueOnly: true,
      sort: 'expiresOn',
      descending: false,
    });
    expect(carrierListQuerySchema.safeParse({ ...q, offset: 200, limit: 200 }).success).toBe(true);
  });

  it('R-03 到期预警: an emptied days field turns the filter off; 0 means due today', () => {
    expect(toListQuery({ ...EMPTY_FILTERS, termEndingWithinDays: '' }).termEndingWithinDays).toBeNull();
    expect(toListQuery({ ...EMPTY_FILTERS, termEndingWithinDays: 0 }).termEndingWithinDays).toBe(0);
    expect(toListQuery({ ...EMPTY_FILTERS, termEndingWithinDays: 99999 }).termEndingWithinDays).toBe(3650);
  });

  it('keeps the search within the schema limit and does not share arrays with the filter state', () => {
    const f = { ...EMPTY_FILTERS, search: '密'.repeat(150), levels: ['mimi' as const] };
    const q = toListQuery(f);
    expect(q.search).toHaveLength(100);
    expect(q.levels).not.toBe(f.levels);
  });

  it('equal filters give the same cache key; a changed filter a different one', () => {
    const a = queryKey(toListQuery({ ...EMPTY_FILTERS, search: '通知' }));
    expect(queryKey(toListQuery({ ...EMPTY_FILTERS, search: ' 通知' }))).toBe(a);
    expect(queryKey(toListQuery({ ...EMPTY_FILTERS, search: '通知', overdueOnly: true }))).not.toBe(a);
  });

  it('counts the active filters (not the search) and flips the sort of the same column', () => {
    expect(activeFilterCount({ ...EMPTY_FILTERS, search: 'x' })).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTERS, levels: ['jimi'], overdueOnly: true, termEndingWithinDays: 30 })).toBe(3);
    expect(nextSort(DEFAULT_SORT, 'receivedOn')).toEqual({ sort: 'receivedOn', descending: false });
    expect(nextSort(DEFAULT_SORT, 'expiresOn')).toEqual({ sort: 'expiresOn', descending: false });
    expect(nextSort({ sort: 'number', descending: false }, 'receivedOn')).toEqual({ sort: 'receivedOn', descending: true });
  });
});
