import type { NotificationView } from '../../domain';
import type { NotificationDoc } from '../../server/notify/notify';
import type { Store } from '../../server/store/port';

export function toNotificationView(n: NotificationDoc): NotificationView {
  return {
    id: n._id, milestone: n.milestone, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt, read: n.readAt !== null, handled: !!n.handledAt,
    subjectId: n.subjectId, templateKey: n.templateKey ?? null,
    needsAction: n.needsAction === true,
    ...(n.needsAction && n.doneAt ? { doneAt: n.doneAt, ...(n.doneByName ? { doneByName: n.doneByName } : {}) } : {}),
  };
}

export const unreadOf = (store: Store, recipientId: string) => store.count('notifications', { recipientId, readAt: null });
