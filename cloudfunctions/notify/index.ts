// Cloud function `notify`: the in-app inbox. (Subscription-message delivery plugs into
// server/notify.ts as a DeliveryChannel.)
import { makeMain } from '../../server/function';
import { defineArea } from '../../server/registry';
import { inbox } from './actions/inbox';
import { markRead } from './actions/markRead';
import { unreadCount } from './actions/unreadCount';

export const area = defineArea('notify', [inbox, unreadCount, markRead]);
export const main = makeMain(area);
