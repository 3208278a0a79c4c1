// Contract of area `notify`: the in-app inbox (every milestone lands here, whatever else is sent).
import * as z from 'zod';
import { Cursor, Id } from './common';

export const InboxInput = z.strictObject({
  unreadOnly: z.boolean().optional(),
  cursor: Cursor.optional(),
});
export const UnreadCountInput = z.strictObject({});
export const MarkReadInput = z.strictObject({ ids: z.array(Id).min(1).max(50) });

export interface NotificationView {
  id: string;
  milestone: string;
  title: string;
  body: string;
  /** the app page to open, e.g. /pages/topic/detail/index?id=… */
  link: string;
  createdAt: string;
  read: boolean;
  /** the step this message asked for has been taken (shown as 已处理) */
  handled: boolean;
}

export interface InboxView {
  items: NotificationView[];
  nextCursor?: string;
  unread: number;
}
