// notify.markRead — marks the caller's own messages read; ids of other people's messages are
// ignored exactly like unknown ids, so nothing about them leaks.
import { MarkReadInput } from '../../../domain';
import type { NotificationDoc } from '../../../server/notify/notify';
import { defineAction } from '../../../server/kit/registry';
import { unreadOf } from '../views';

export const markRead = defineAction({
  name: 'notify.markRead',
  input: MarkReadInput,
  handler: async ({ ids }, { store, actor, now }) => {
    const page = await store.find<NotificationDoc>('notifications', { _id: { in: [...new Set(ids)] }, recipientId: actor.id, readAt: null }, { limit: 50 });
    // one transaction: a single commit however many are marked
    if (page.items.length) {
      await store.transaction(async (tx) => {
        for (const n of page.items) await tx.update<NotificationDoc>('notifications', n._id, n.version, { readAt: now.toISOString() });
      });
    }
    return { unread: await unreadOf(store, actor.id) };
  },
});
