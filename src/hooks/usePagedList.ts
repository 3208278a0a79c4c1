// A cursor-paged list with the states every list page shows: first load, error with retry, ready,
// load more, refresh. Answers to an overtaken request (a refresh, a tab switch) are dropped.
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../services/api';
import { redirectIfSignedOut } from '../utils/auth';
import { toast } from '../utils/feedback';

export interface PageOf<T> {
  items: T[];
  nextCursor?: string;
}

/** `page` is the latest answer, for what a page shows beside its items (counts, a header). */
export type PagedState<T, P extends PageOf<T> = PageOf<T>> =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'ready'; items: T[]; nextCursor?: string; loadingMore: boolean; moreError: string | null; page: P };

export interface PagedList<T, P extends PageOf<T> = PageOf<T>> {
  state: PagedState<T, P>;
  /** reload from the first page; `quiet` keeps the current items on screen while it runs */
  reload(quiet?: boolean): Promise<void>;
  loadMore(): Promise<void>;
  /** change the loaded items in place (e.g. drop a screened topic) */
  update(fn: (items: T[]) => T[]): void;
  /** start over from a first page the server just answered (e.g. after an action) */
  reset(first: P): void;
  /** the error of a quiet reload, for a toast */
  lastError: ApiError | null;
}

export function usePagedList<T, P extends PageOf<T> = PageOf<T>>(fetchPage: (cursor?: string) => Promise<P>): PagedList<T, P> {
  const [state, setState] = useState<PagedState<T, P>>({ kind: 'loading' });
  const [lastError, setLastError] = useState<ApiError | null>(null);
  const seq = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const reload = useCallback(
    async (quiet = false): Promise<void> => {
      const mine = ++seq.current;
      if (!quiet) setState({ kind: 'loading' });
      try {
        const page = await fetchPage();
        if (mine !== seq.current) return;
        setLastError(null);
        setState(firstPage(page));
      } catch (e) {
        if (mine !== seq.current) return;
        const error = toApiError(e);
        if (redirectIfSignedOut(error)) return;
        setLastError(error);
        // A failed quiet refresh keeps what is on screen; the page says why in a toast.
        if (quiet && stateRef.current.kind === 'ready') return;
        setState({ kind: 'error', error });
      }
    },
    // A new `fetchPage` (another tab, another filter) starts the list over.
    [fetchPage],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const loadMore = useCallback(async (): Promise<void> => {
    const current = stateRef.current;
    if (current.kind !== 'ready' || !current.nextCursor || current.loadingMore) return;
    const mine = seq.current;
    setState({ ...current, loadingMore: true, moreError: null });
    try {
      const page = await fetchPage(current.nextCursor);
      if (mine !== seq.current) return;
      setState((s) =>
        s.kind === 'ready'
          ? { kind: 'ready', items: [...s.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false, moreError: null, page }
          : s,
      );
    } catch (e) {
      if (mine !== seq.current) return;
      const error = toApiError(e);
      setState((s) => (s.kind === 'ready' ? { ...s, loadingMore: false, moreError: error.message } : s));
    }
  }, [fetchPage]);

  const update = useCallback((fn: (items: T[]) => T[]) => {
    setState((s) => (s.kind === 'ready' ? { ...s, items: fn(s.items) } : s));
  }, []);

  const reset = useCallback((first: P) => {
    seq.current += 1; // newer than any load in flight
    setLastError(null);
    setState(firstPage(first));
  }, []);

  return { state, reload, loadMore, update, reset, lastError };
}

function firstPage<T, P extends PageOf<T>>(page: P): PagedState<T, P> {
  return { kind: 'ready', items: page.items, nextCursor: page.nextCursor, loadingMore: false, moreError: null, page };
}

/**
 * A paged list wired to its page's events, as every list page wants it: coming back to the page
 * refreshes quietly, pull-down refreshes, reaching the bottom loads more, and a failed quiet
 * refresh keeps the list on screen and says why in a toast.
 */
export function usePagedListPage<T, P extends PageOf<T> = PageOf<T>>(fetchPage: (cursor?: string) => Promise<P>): PagedList<T, P> {
  const list = usePagedList<T, P>(fetchPage);
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void list.reload(true);
    shownOnce.current = true;
  });
  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());
  const { lastError } = list;
  useEffect(() => {
    if (lastError && list.state.kind === 'ready') toast(lastError.message);
  }, [lastError, list.state.kind]);
  return list;
}
