// One mutation at a time per page: `run(key, fn)` ignores a second tap while the first call runs
// (the ref closes the gap before React re-renders); `busy` names the running action for the UI.
import { useCallback, useRef, useState } from 'react';

export function useBusy<K extends string = string>(): { busy: K | null; run: <R>(key: K, fn: () => Promise<R>) => Promise<R | undefined> } {
  const [busy, setBusy] = useState<K | null>(null);
  const running = useRef(false);
  const run = useCallback(async <R,>(key: K, fn: () => Promise<R>): Promise<R | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(key);
    try {
      return await fn();
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  return { busy, run };
}
