import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ok, type IpcResult } from '../../../../src/api/result';
import type { CarrierListPage, CarrierListQuery } from '../../../../src/ledger/carriers/carrier-queries';
import { LedgerContext, type LedgerContextValue } from '../../shell/ledger-context';
import { chain, fakeApi, summary } from '../../test/fake-api';
import { listRow } from '../../test/shell-harness';
import { EMPTY_FILTERS, toListQuery } from './carrier-query';
import { MAX_CACHED_PAGES, PAGE_SIZE, useCarrierPages } from './use-carrier-pages';

const TOTAL = 100_000;

/** A ledger of 100,000 rows that answers any window, numbered by position. */
function ledger() {
  fakeApi();
  const pending: { q: CarrierListQuery; resolve: (r: IpcResult<CarrierListPage>) => void }[] = [];
  const list = vi.mocked(window.api.carriers.list).mockImplementation(
    (q) => new Promise((resolve) => pending.push({ q, resolve })),
  );
  const answer = (i = 0) => {
    const p = pending.splice(i, 1)[0];
    if (!p) throw new Error('no call pending');
    const offset = p.q.offset ?? 0;
    const rows = Array.from({ length: Math.min(p.q.limit ?? 0, TOTAL - offset) }, (_, k) =>
      listRow({ id: `c${offset + k}`, number: `ZT-${p.q.search || 'all'}-${offset + k}` }),
    );
    p.resolve(ok({ total: p.q.withTotal === false ? -1 : TOTAL, offset, rows }));
  };
  return { list, pending, answer };
}

const ctx: LedgerContextValue = {
  summary: summary(),
  reloadSummary: vi.fn(async () => true),
  verifyChain: vi.fn(async () => chain()),
  fail: vi.fn(),
};
const wrapper = ({ children }: { children: ReactNode }) => <LedgerContext.Provider value={ctx}>{children}</LedgerContext.Provider>;

describe('the list reads pages of 200 rows as the officer scrolls', () => {
  it('sizes the list from the first page, then asks only for the pages in view', async () => {
    const { list, answer } = ledger();
    const { result } = renderHook(() => useCarrierPages(toListQuery(EMPTY_FILTERS)), { wrapper });
    expect(result.current.total).toBeNull();
    await act(async () => answer());
    expect(result.current.total).toBe(TOTAL);
    expect(result.current.rowAt(199)?.number).toBe('ZT-all-199');
    expect(result.current.rowAt(200)).toBeUndefined();

    // Jumping to the middle of 100,000 rows reads the two pages the view straddles.
    act(() => result.current.ensureRange(50_190, 50_230));
    // Only the first page asks main to count.
    expect(list.mock.calls.map(([q]) => [q.offset, q.limit, q.withTotal])).toEqual([
      [0, PAGE_SIZE, true],
      [50_000, PAGE_SIZE, false],
      [50_200, PAGE_SIZE, false],
    ]);
    await act(async () => {
      answer();
      answer();
    });
    expect(result.current.rowAt(50_230)?.number).toBe('ZT-all-50230');
    expect(result.current.total).toBe(TOTAL);
    // Pages in hand or on their way are not asked for twice.
    act(() => result.current.ensureRange(50_100, 50_300));
    expect(list).toHaveBeenCalledTimes(3);
  });

  it('drops an answer that arrives after the filters changed', async () => {
    const { answer, pending } = ledger();
    const { result, rerender } = renderHook(({ search }) => useCarrierPages(toListQuery({ ...EMPTY_FILTERS, search })), {
      wrapper,
      initialProps: { search: '旧' },
    });
    rerender({ search: '新' });
    await waitFor(() => expect(pending).toHaveLength(2));
    // The new query answers first, then the stale one.
    await act(async () => answer(1));
    await act(async () => answer(0));
    expect(result.current.rowAt(0)?.number).toBe('ZT-新-0');
  });

  it(`keeps at most ${MAX_CACHED_PAGES} pages, dropping those needed longest ago`, async () => {
    const { answer, pending } = ledger();
    const { result } = renderHook(() => useCarrierPages(toListQuery(EMPTY_FILTERS)), { wrapper });
    await act(async () => answer());
    for (let p = 1; p <= MAX_CACHED_PAGES + 5; p++) {
      act(() => result.current.ensureRange(p * PAGE_SIZE, p * PAGE_SIZE + 10));
      await act(async () => answer());
    }
    expect(pending).toHaveLength(0);
    const cached = Array.from({ length: MAX_CACHED_PAGES + 6 }, (_, p) => result.current.rowAt(p * PAGE_SIZE) !== undefined);
    expect(cached.filter(Boolean)).toHaveLength(MAX_CACHED_PAGES);
    expect(cached[0]).toBe(false);
    expect(cached[MAX_CACHED_PAGES + 5]).toBe(true);
  });
});
