// Cloud function `account`: who am I, and my home.
import { defineArea } from '../../server/registry';
import { makeMain } from '../../server/function';
import { home } from './actions/home';
import { me } from './actions/me';

export const area = defineArea('account', [me, home]);
export const main = makeMain(area);
