// A cloud function's entry point: `exports.main = makeMain(area)`. WeChat calls it with the
// `callFunction` data as `event`; the local host calls the very same function over HTTP. A timer
// trigger calls it with a timer event and no caller: that runs `timerAction` as the system actor.
import { dispatch } from './router';
import type { Area } from './registry';
import { getRuntime } from './install';
import type { Envelope } from '../../domain';

export type Main = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

export function makeMain(area: Area, opts: { timerAction?: string } = {}): Main {
  return async (event, context) => {
    const rt = await getRuntime();
    const timer = opts.timerAction ? rt.timerName?.(event) : null;
    if (timer && opts.timerAction) {
      return (await dispatch(area, { action: opts.timerAction, payload: {} }, context, rt, { kind: 'system', name: timer })).envelope;
    }
    return (await dispatch(area, event, context, rt)).envelope;
  };
}
