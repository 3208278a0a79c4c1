// notify.unreadCount — the badge.
import { UnreadCountInput } from '../../../domain';
import { defineAction } from '../../../server/kit/registry';
import { unreadOf } from '../views';

export const unreadCount = defineAction({
  name: 'notify.unreadCount',
  input: UnreadCountInput,
  handler: async (_input, { store, actor }) => ({ unread: await unreadOf(store, actor.id) }),
});
