// Cloud function `account`: who am I, my home; signing in, binding WeChat, passwords (issue #11).
import { defineArea } from '../../server/kit/registry';
import { makeMain } from '../../server/kit/function';
import { bind, changePassword, redeemInvite, signIn, signOut } from './actions/access';
import { home } from './actions/home';
import { me } from './actions/me';

export const area = defineArea('account', [me, home, signIn, redeemInvite, bind, changePassword, signOut]);
export const main = makeMain(area);
