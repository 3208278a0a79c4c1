// Cloud function `press` (Art. 10): the press release, approved jointly by both offices.
import { makeMain } from '../../server/kit/function';
import { defineArea } from '../../server/kit/registry';
import { approve, draft, get, returnPress } from './actions';

export const area = defineArea('press', [draft, approve, returnPress, get]);
export const main = makeMain(area);
