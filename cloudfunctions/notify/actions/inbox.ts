// notify.inbox — the caller's own messages, newest first (every milestone lands here).
import { InboxInput, type InboxView } from '../../../domain';
import type { NotificationDoc } from '../../../server/notify';
import { defineAction } from '../../../server/registry';
import { toNotificationView, unreadOf } from '../views';

export const inbox = defineAction({
  name: 'notify.inbox',
  input: InboxInput,
  handler: async ({ unreadOnly, cursor }, { store, actor }): Promise<InboxView> => {
    const filter = { recipientId: actor.id, ...(unreadOnly ? { readAt: null } : {}) };
    const [page, unread] = await Promise.all([
      store.find<NotificationDoc>('notifications', filter, { sort: [['createdAt', 'desc']], limit: 20, cursor }),
      unreadOf(store, actor.id),
    ]);
    return { items: page.items.map(toNotificationView), unread, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  },
});
