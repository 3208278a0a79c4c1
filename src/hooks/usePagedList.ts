// A cursor-paged list with the states every list page shows: first load, error with retry, ready,
// load more, refresh. Answers to an overtaken request (a refresh, a tab switch) are dropped.
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../services/api';
import { redirectIfSignedOut } from '../utils/auth';

export interface PageOf<T> {
  items: T[];
  nextCursor?: string;
}

export type PagedState<T> =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'ready'; items: T[]; nextCursor?: string; loadingMore: boolean; moreError: string | null };

export interface PagedList<T> {
  state: PagedState<T>;
  /** reload from the first page; `quiet` keeps the current items on screen while it runs */
  reload(quiet?: boolean): Promise<void>;
  loadMore(): Promise<void>;
  /** change the loaded items in place (e.g. drop a screened topic) */
  update(fn: (items: T[]) => T[]): void;
  /** the error of a quiet reload, for a toast */
  lastError: ApiError | null;
}

export function usePagedList<T>(fetchPage: (cursor?: string) => Promise<PageOf<T>>): PagedList<T> {
  const [state, setState] = useState<PagedState<T>>({ kind: 'loading' });
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
        setState({ kind: 'ready', items: page.items, nextCursor: page.nextCursor, loadingMore: false, moreError: null });
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
          ? { kind: 'ready', items: [...s.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false, moreError: null }
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

  return { state, reload, loadMore, update, lastError };
}

/**
 * A paged list wired to its page's events, as every list page wants it: coming back to the page
 * refreshes quietly, pull-down refreshes, reaching the bottom loads more, and a failed quiet
 * refresh keeps the list on screen and says why in a toast.
 */
export function usePagedListPage<T>(fetchPage: (cursor?: string) => Promise<PageOf<T>>): PagedList<T> {
  const list = usePagedList<T>(fetchPage);
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
    if (lastError && list.state.kind === 'ready') void Taro.showToast({ title: lastError.message, icon: 'none' });
  }, [lastError, list.state.kind]);
  return list;
}
