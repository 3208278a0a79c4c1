// The door screen and the big screen follow the meeting by polling: `read` now and every `ms` while
// the page shows (null: not at all). Each answer, or the refusal, is handed on unless the page has
// gone or the read changed meanwhile; without `error` a failed read waits for the next one.
import { useEffect, useRef } from 'react';
import { type ApiError, toApiError } from '../../../../services/api';

export interface PollHandlers<T> {
  answer: (value: T) => void;
  error?: (error: ApiError) => void;
}

export function usePoll<T>(ms: number, read: (() => Promise<T>) | null, on: PollHandlers<T>): void {
  const handlers = useRef(on);
  handlers.current = on;
  useEffect(() => {
    if (!read) return undefined;
    let stopped = false;
    const tick = async () => {
      try {
        const value = await read();
        if (!stopped) handlers.current.answer(value);
      } catch (e) {
        if (!stopped) handlers.current.error?.(toApiError(e));
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), ms);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [ms, read]);
}
