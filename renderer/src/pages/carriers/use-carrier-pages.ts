import { useCallback, useEffect, useRef, useState } from 'react';
import type { CarrierListRow } from '../../../../src/ledger/carriers/carrier-queries';
import { useLedger } from '../../shell/ledger-context';
import { queryKey, type CarrierListBase } from './carrier-query';

const EMPTY: ReadonlyMap<number, CarrierListRow[]> = new Map();

/** Rows per carriers:list call. */
export const PAGE_SIZE = 200;
/**
 * Pages kept at once. A ledger of 100,000 rows is 500 pages; scrolling through all of it
 * must not keep every row in memory, so the pages least recently needed are dropped.
 */
export const MAX_CACHED_PAGES = 30;

interface CacheState {
  key: string;
  total: number | null;
  pages: Map<number, CarrierListRow[]>;
}

export interface CarrierPages {
  /** Rows matching the query (null until the first page answers). */
  total: number | null;
  rowAt: (index: number) => CarrierListRow | undefined;
  /** Asks for every page the rows start..end (inclusive) fall on. */
  ensureRange: (start: number, end: number) => void;
}

/**
 * The list's rows, read page by page as the officer scrolls. The cache belongs to one
 * query: when the filters change, answers still on their way for the old query are
 * discarded, so a slow page can never show rows of a different filter.
 */
export function useCarrierPages(query: CarrierListBase): CarrierPages {
  const { fail } = useLedger();
  const key = queryKey(query);
  const [state, setState] = useState<CacheState>({ key, total: null, pages: new Map() });
  const live = useRef(key);
  const inflight = useRef(new Set<string>());
  const current = state.key === key;
  const cached = useRef<ReadonlyMap<number, CarrierListRow[]>>(state.pages);
  /** When each page was last needed, for dropping the stalest first. */
  const lastNeeded = useRef(new Map<number, number>());
  const clock = useRef(0);
  cached.current = current ? state.pages : EMPTY;
  const queryRef = useRef(query);
  queryRef.current = query;

  const loadPage = useCallback(
    async (page: number) => {
      const token = `${key}#${page}`;
      if (cached.current.has(page) || inflight.current.has(token)) return;
      inflight.current.add(token);
      try {
        // Only the first page counts; later pages of the same query skip the count (total -1).
        const r = await window.api.carriers.list({
          ...queryRef.current,
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
          withTotal: page === 0,
        });
        if (live.current !== key) return;
        if (!r.ok) {
          fail(r.error);
          return;
        }
        setState((s) => {
          const same = s.key === key;
          const pages = new Map(same ? s.pages : []);
          pages.set(page, r.value.rows);
          while (pages.size > MAX_CACHED_PAGES) pages.delete(stalest(pages, lastNeeded.current));
          return { key, total: r.value.total >= 0 ? r.value.total : same ? s.total : null, pages };
        });
      } finally {
        inflight.current.delete(token);
      }
    },
    [key, fail],
  );

  useEffect(() => {
    live.current = key;
    void loadPage(0);
  }, [key, loadPage]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      if (end < start) return;
      const first = Math.floor(start / PAGE_SIZE);
      const last = Math.floor(end / PAGE_SIZE);
      for (let p = first; p <= last; p++) {
        lastNeeded.current.set(p, ++clock.current);
        if (!cached.current.has(p)) void loadPage(p);
      }
    },
    [loadPage],
  );

  const pages = current ? state.pages : null;
  const rowAt = useCallback(
    (index: number) => pages?.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [pages],
  );

  return { total: current ? state.total : null, rowAt, ensureRange };
}

function stalest(pages: ReadonlyMap<number, unknown>, lastNeeded: ReadonlyMap<number, number>): number {
  let oldest = -1;
  let when = Number.POSITIVE_INFINITY;
  for (const p of pages.keys()) {
    const w = lastNeeded.get(p) ?? 0;
    if (w < when) [oldest, when] = [p, w];
  }
  return oldest;
}
