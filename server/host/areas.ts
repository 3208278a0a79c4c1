// Every deployable function, by area name: the local host serves them all at POST /api/<area>.
import * as account from '../../cloudfunctions/account';
import * as notify from '../../cloudfunctions/notify';
import * as topic from '../../cloudfunctions/topic';
import type { Main } from '../function';
import type { Area } from '../registry';

export const FUNCTIONS: Record<string, { area: Area; main: Main }> = {
  account,
  topic,
  notify,
};

export const AREAS: Area[] = Object.values(FUNCTIONS).map((f) => f.area);
