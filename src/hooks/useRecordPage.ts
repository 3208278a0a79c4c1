// One record on a page, with the states such a page shows: first load, error with retry, ready;
// coming back and pull-down refresh quietly (a failed quiet refresh keeps the record on screen and
// says why in a toast). Answers to an overtaken request are dropped; signed-out goes to sign-in.
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../services/api';
import { redirectIfSignedOut } from '../utils/auth';
import { toast } from '../utils/feedback';

export type RecordState<T> = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; value: T };

export interface RecordPage<T> {
  state: RecordState<T>;
  reload(quiet?: boolean): Promise<void>;
  /** show a record the server just returned (after an action) */
  set(value: T): void;
}

/** `fetch` null means the page lacks what it needs (e.g. no id in the URL): `missing()` is shown. */
export function useRecordPage<T>(fetch: (() => Promise<T>) | null, missing: () => ApiError): RecordPage<T> {
  const [state, setState] = useState<RecordState<T>>(fetch ? { kind: 'loading' } : { kind: 'error', error: missing() });
  const seq = useRef(0);
  const shownOnce = useRef(false);

  const reload = useCallback(
    async (quiet = false): Promise<void> => {
      if (!fetch) return;
      const mine = ++seq.current;
      if (!quiet) setState({ kind: 'loading' });
      try {
        const value = await fetch();
        if (mine === seq.current) setState({ kind: 'ready', value });
      } catch (e) {
        if (mine !== seq.current) return;
        const error = toApiError(e);
        if (redirectIfSignedOut(error)) return;
        if (quiet) toast(error.message);
        else setState({ kind: 'error', error });
      }
    },
    [fetch],
  );

  useEffect(() => {
    void reload();
  }, [reload]);
  useDidShow(() => {
    if (shownOnce.current) void reload(true);
    shownOnce.current = true;
  });
  usePullDownRefresh(() => {
    void reload(true).finally(() => Taro.stopPullDownRefresh());
  });

  const set = useCallback((value: T) => {
    seq.current += 1; // a newer answer than any load in flight
    setState({ kind: 'ready', value });
  }, []);

  return { state, reload, set };
}
