// Cloud function `account`: who am I, my home; signing in, binding WeChat, passwords (issue #11).
import { defineArea } from '../../server/registry';
import { makeMain } from '../../server/function';
import { bind, changePassword, redeemInvite, signIn, signOut } from './actions/access';
import { home } from './actions/home';
import { me } from './actions/me';

export const area = defineArea('account', [me, home, signIn, redeemInvite, bind, changePassword, signOut]);
export const main = makeMain(area);
