// notify.inbox — the caller's own messages, newest first (every milestone lands here).
import { InboxInput, type InboxView } from '../../../domain';
import { openTodoCount, type NotificationDoc } from '../../../server/notify/notify';
import { defineAction } from '../../../server/kit/registry';
import { toNotificationView, unreadOf } from '../views';

export const inbox = defineAction({
  name: 'notify.inbox',
  input: InboxInput,
  handler: async ({ unreadOnly, todoOnly, cursor }, { store, actor }): Promise<InboxView> => {
    const filter = { recipientId: actor.id, ...(unreadOnly ? { readAt: null } : {}), ...(todoOnly ? { needsAction: true, doneAt: null } : {}) };
    const [page, unread, todo] = await Promise.all([
      store.find<NotificationDoc>('notifications', filter, { sort: [['createdAt', 'desc']], limit: 20, cursor }),
      unreadOf(store, actor.id),
      openTodoCount(store, actor.id),
    ]);
    return { items: page.items.map(toNotificationView), unread, todo, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  },
});
