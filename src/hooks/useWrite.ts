// Writes of one page, each under the idempotency key of its intention (utils/keys.ts): a retry of
// the same write after a lost answer or a refusal reuses the key, so the server applies it once;
// a success, or a key the server says was used for other content, makes the next write new.
import { useCallback, useRef } from 'react';
import { type ActionInput, type ActionOutput, type WriteAction, call, isApiError } from '../services/api';
import { IntentKeys } from '../utils/keys';

export type Write = <N extends WriteAction>(name: N, payload: ActionInput<N>) => Promise<ActionOutput<N>>;

export function useWrite(): Write {
  const keys = useRef<IntentKeys | null>(null);
  return useCallback(async <N extends WriteAction>(name: N, payload: ActionInput<N>): Promise<ActionOutput<N>> => {
    keys.current ??= new IntentKeys();
    const intents = keys.current;
    const idempotencyKey = intents.keyFor(name, payload);
    try {
      const answer = await call(name, payload, { idempotencyKey });
      intents.settle(name, payload);
      return answer;
    } catch (e) {
      if (isApiError(e) && e.code === 'idempotency_key_reused') intents.settle(name, payload);
      throw e;
    }
  }, []);
}
