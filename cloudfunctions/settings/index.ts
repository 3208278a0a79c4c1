// Cloud function `settings` (issue #12, Art. 13): the rule parameters with their effective dates.
import { makeMain } from '../../server/kit/function';
import { defineArea } from '../../server/kit/registry';
import { get, set } from './actions';

export const area = defineArea('settings', [get, set]);
export const main = makeMain(area);
