// Home's one read (account.home): the whole screen from one call. A refresh (back from another
// page, pull-down) keeps what is shown when it fails and says why; an answer overtaken by a newer
// request is dropped; signed out in WeChat means not bound yet (the invite code), on H5 sign in.
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HomeView } from '../../../domain/schemas/account';
import { type ApiError, call, toApiError } from '../../services/api';
import { toast } from '../../utils/feedback';
import { ROUTES } from '../../utils/nav';
import { officeEntries, rememberOfficeContext } from '../../utils/office';

export type HomeState =
  | { kind: 'loading' }
  | { kind: 'ready'; home: HomeView }
  | { kind: 'error'; error: ApiError }
  | { kind: 'unbound' };

export function useHome(): { state: HomeState; retry: () => void } {
  const [state, setState] = useState<HomeState>({ kind: 'loading' });
  // Answers to an older request (a retry or refresh overtaken by another) are dropped.
  const seq = useRef(0);
  const shown = useRef(false);

  const load = useCallback(async (): Promise<void> => {
    const mine = ++seq.current;
    try {
      const home = await call('account.home', {});
      if (mine !== seq.current) return;
      shown.current = true;
      rememberOffice(home);
      setState({ kind: 'ready', home });
    } catch (e) {
      if (mine !== seq.current) return;
      const error = toApiError(e);
      if (error.code === 'unauthenticated') {
        if (process.env.TARO_ENV === 'h5') {
          void Taro.redirectTo({ url: ROUTES.login });
          return;
        }
        setState({ kind: 'unbound' });
        return;
      }
      if (shown.current) {
        // A failed refresh keeps what is on screen and says why (a dialog in 长辈版).
        toast(error.message);
        return;
      }
      setState({ kind: 'error', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Back from another page (a topic submitted, a message read): refresh the counts quietly.
  useDidShow(() => {
    if (shown.current) void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    void load();
  }, [load]);

  return { state, retry };
}

/** The office pages' side navigation links to the meeting home shows (utils/office.ts). */
function rememberOffice(home: HomeView): void {
  const allowed = officeEntries(home.allowedActions);
  const meeting = home.collectingMeetings[0] ?? home.nextMeeting ?? null;
  rememberOfficeContext(allowed.length > 0 && meeting ? { meetingId: meeting.id, meetingTitle: meeting.title, allowed } : null);
}
