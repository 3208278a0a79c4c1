// Cloud function `system`: work with nobody behind it, started by its timer trigger (config.json)
// in WeChat and by the local host's interval; both run it as the system actor through the router.
import { makeMain } from '../../server/kit/function';
import { defineArea } from '../../server/kit/registry';
import { sweep } from './actions/sweep';

export const area = defineArea('system', [sweep]);
export const main = makeMain(area, { timerAction: 'sweep' });
