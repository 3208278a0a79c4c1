// The areas the local host serves at POST /api/<area>: the same list the function build deploys.
import { FUNCTIONS } from '../cloudfunctions';
import type { Main } from '../server/kit/function';
import type { Area } from '../server/kit/registry';

export const FUNCTION_MAP: ReadonlyMap<string, { area: Area; main: Main }> = new Map(Object.entries(FUNCTIONS));
export { FUNCTIONS };
export const AREAS: Area[] = [...FUNCTION_MAP.values()].map((f) => f.area);
