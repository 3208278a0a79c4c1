// Cloud function `notify`: the in-app inbox, and the consent ledger of subscription messages
// (issue #10; their delivery is the DeliveryChannel in server/notify/subscriptions.ts).
import { makeMain } from '../../server/kit/function';
import { defineArea } from '../../server/kit/registry';
import { chase } from './actions/chase';
import { inbox } from './actions/inbox';
import { markRead } from './actions/markRead';
import { recordConsent, subscriptions } from './actions/subscriptions';
import { unreadCount } from './actions/unreadCount';

export const area = defineArea('notify', [inbox, unreadCount, markRead, recordConsent, subscriptions, chase]);
export const main = makeMain(area);
