import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../../src/api/types';
import { errorText } from '../../lib/errors';
import { useLedger } from '../../shell/ledger-context';
import type { AuditQuery } from './audit-query';

/** Entries per audit:list call. */
export const AUDIT_PAGE_SIZE = 100;

interface PagesState {
  key: string;
  /** null until the first page answers. */
  entries: AuditEntryView[] | null;
  /** A page came back short: there is nothing older that matches. */
  done: boolean;
  loading: boolean;
  error: string | null;
}

export interface AuditPages {
  entries: AuditEntryView[] | null;
  done: boolean;
  loading: boolean;
  /** The last read's failure, shown where its entries would have gone. */
  error: string | null;
  /** Reads the next older page; after a failure it reads that page again. */
  loadMore: () => void;
}

const fresh = (key: string): PagesState => ({ key, entries: null, done: false, loading: true, error: null });

/**
 * The log, newest first, a page at a time. Each page asks for the entries below the oldest
 * seq already shown (keyset paging), so entries appended meanwhile cannot push an entry
 * onto two pages or between them. A new query starts afresh, and answers still on their
 * way for the old one are dropped. A new `reading` with the same query reads afresh too,
 * so that 查询 also brings in what was recorded since.
 */
export function useAuditPages(query: AuditQuery, reading = 0): AuditPages {
  const { i18n } = useTranslation();
  const { fail } = useLedger();
  const key = `${reading}:${JSON.stringify(query)}`;
  const [state, setState] = useState<PagesState>(() => fresh(key));
  const live = useRef(key);
  // The query a read is under way for; a second click meanwhile must not read the same page twice.
  const inflight = useRef<string | null>(null);
  // Held in refs so that only a new query starts the list afresh.
  const queryRef = useRef(query);
  queryRef.current = query;
  const report = useRef({ i18n, fail });
  report.current = { i18n, fail };

  const readPage = useCallback(
    async (beforeSeq: number | undefined) => {
      if (inflight.current === key) return;
      inflight.current = key;
      setState((s) => (s.key === key ? { ...s, loading: true, error: null } : fresh(key)));
      try {
        const r = await window.api.audit.list({
          ...queryRef.current,
          limit: AUDIT_PAGE_SIZE,
          ...(beforeSeq === undefined ? {} : { beforeSeq }),
        });
        if (live.current !== key) return;
        if (!r.ok) {
          const error = r.error;
          setState((s) => ({ ...s, loading: false, error: errorText(report.current.i18n, error) }));
          report.current.fail(error);
          return;
        }
        const page = r.value.entries;
        setState((s) => ({
          key,
          entries: [...(s.key === key ? (s.entries ?? []) : []), ...page],
          done: page.length < AUDIT_PAGE_SIZE,
          loading: false,
          error: null,
        }));
      } finally {
        if (inflight.current === key) inflight.current = null;
      }
    },
    [key],
  );

  useEffect(() => {
    live.current = key;
    setState(fresh(key));
    void readPage(undefined);
  }, [key, readPage]);

  const current = state.key === key;
  const entries = current ? state.entries : null;
  const oldest = entries?.[entries.length - 1]?.seq;
  const loadMore = useCallback(() => void readPage(oldest), [readPage, oldest]);

  return {
    entries,
    done: current && state.done,
    loading: !current || state.loading,
    error: current ? state.error : null,
    loadMore,
  };
}
