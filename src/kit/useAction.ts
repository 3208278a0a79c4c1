// Issue #19, the page kit: the one write routine of a page. `act(key, fn, opts)` runs one write at
// a time (a second tap while it runs does nothing; `busy` names the running one for the buttons),
// asks first when `confirm` is given, sends it under the idempotency key of its intention (a retry
// after a lost answer is applied once, useWrite), says the result in Chinese (the server's message
// for a refusal, `error` keeps it by code for the page), and refreshes by one rule (rules.ts).
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { type Write, useWrite } from '../hooks/useWrite';
import { useBusy } from '../hooks/useBusy';
import { type ApiError, toApiError } from '../services/api';
import { consentClosed } from '../services/subscribe';
import { redirectIfSignedOut } from '../utils/auth';
import { toast } from '../utils/feedback';
import { refreshAfter } from './rules';

export { movedOn } from './rules';

export interface Confirm {
  title: string;
  content: string;
  confirmText: string;
  /** the way back, 取消 unless the page says otherwise (e.g. 再想想) */
  cancelText?: string;
}

export interface ActOptions<R> {
  /** a question asked before the write; 取消 sends nothing */
  confirm?: Confirm;
  /** the success toast */
  done?: string;
  /** show the answer (it is the page's view): no re-read. Without it the page re-reads quietly. */
  apply?: (answer: R) => void;
  /** the write changes nothing the page shows (a download, a file link): no re-read */
  refresh?: false;
  /** a refusal, before the toast: return true when the page showed it itself (at a field) */
  onError?: (error: ApiError) => boolean | void;
}

export interface Action<K extends string> {
  busy: K | null;
  /** the last refusal, by code and message, until the next write */
  error: ApiError | null;
  clearError(): void;
  act<R>(key: K, fn: (write: Write) => Promise<R>, opts?: ActOptions<R>): Promise<R | undefined>;
  /** a write that is not one action of the page (e.g. inside a dialog's own routine) */
  write: Write;
  /** run something else one-at-a-time under the same busy state (a read, a download) */
  run: <R>(key: K, fn: () => Promise<R>) => Promise<R | undefined>;
}

/** A file fetched and opened: nothing on the page changes; on H5 the toast says it was downloaded. */
export function fileDone(label: string): ActOptions<unknown> {
  return { refresh: false, done: process.env.TARO_ENV === 'h5' ? `${label}已下载` : undefined };
}

/** A confirmation, shown once the subscription panel asked in the same tap has closed (never over it). */
export async function ask(c: Confirm): Promise<boolean> {
  await consentClosed();
  return Taro.showModal({ title: c.title, content: c.content, confirmText: c.confirmText, cancelText: c.cancelText ?? '取消', confirmColor: '#b71c1c' }).then(
    (r) => r.confirm,
    () => false,
  );
}

/** `reload(quiet)`: the page's re-read (record.reload / list.reload). */
export function useAction<K extends string = string>(reload?: (quiet?: boolean) => unknown): Action<K> {
  const write = useWrite();
  const { busy, run } = useBusy<K>();
  const [error, setError] = useState<ApiError | null>(null);
  const act = useCallback(
    <R,>(key: K, fn: (w: Write) => Promise<R>, opts: ActOptions<R> = {}) =>
      run(key, async (): Promise<R | undefined> => {
        if (opts.confirm && !(await ask(opts.confirm))) return undefined;
        setError(null);
        try {
          const answer = await fn(write);
          opts.apply?.(answer);
          if (refreshAfter({ ok: true, applied: !!opts.apply || opts.refresh === false }) === 'quiet') void reload?.(true);
          if (opts.done) toast(opts.done, 'success');
          return answer;
        } catch (e) {
          const err = toApiError(e);
          if (redirectIfSignedOut(err)) return undefined;
          setError(err);
          if (!opts.onError?.(err)) toast(err.message);
          if (refreshAfter({ ok: false, code: err.code }) === 'quiet') void reload?.(true);
          return undefined;
        }
      }),
    [run, write, reload],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, clearError, act, write, run };
}
