// A cloud function's entry point: `exports.main = makeMain(area)`. WeChat calls it with the
// `callFunction` data as `event`; the local host calls the very same function over HTTP.
import { dispatch } from './router';
import type { Area } from './registry';
import { getRuntime } from './runtime';
import type { Envelope } from '../domain';

export type Main = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

export function makeMain(area: Area): Main {
  return async (event, context) => {
    const rt = await getRuntime();
    return (await dispatch(area, event, context, rt)).envelope;
  };
}
