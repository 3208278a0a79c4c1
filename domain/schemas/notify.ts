// Contract of area `notify`: the in-app inbox (every milestone lands here, whatever else is sent).
import * as z from 'zod/mini';
import { CONSENT_RESULTS, TEMPLATE_KEYS, type ConsentResult, type TemplateKey, type TemplateKind } from '../subscriptions';
import { Cursor, Id } from './common';

export const InboxInput = z.strictObject({
  unreadOnly: z.optional(z.boolean()),
  /** issue #20: only the open to-dos */
  todoOnly: z.optional(z.boolean()),
  cursor: z.optional(Cursor),
});
export const UnreadCountInput = z.strictObject({});
export const MarkReadInput = z.strictObject({ ids: z.array(Id).check(z.minLength(1), z.maxLength(50)) });

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
  /** what it is about: the meeting's, task's, topic's or minutes' id */
  subjectId: string;
  /** the subscription template it also goes out as (issue #10), if any */
  templateKey: TemplateKey | null;
  /** issue #20: the message asks for an action — a to-do until someone it asked takes it */
  needsAction: boolean;
  /** issue #20: once acted on — when, and who acted (the person or a colleague asked the same) */
  doneAt?: string;
  doneByName?: string;
}

/** The consent panel's answers, as `requestSubscribeMessage` gives them, by template key. */
export const RecordConsentInput = z.strictObject({
  results: z.partialRecord(z.enum(TEMPLATE_KEYS), z.enum(CONSENT_RESULTS)).check(z.refine((r) => Object.keys(r).length >= 1, { message: '没有订阅结果' })),
});
export const SubscriptionsInput = z.strictObject({});

export interface SubscriptionItemView {
  templateKey: TemplateKey;
  title: string;
  description: string;
  /** the WeChat template id to ask for (configuration); null when this deployment has none */
  templateId: string | null;
  kind: TemplateKind | null;
  /** one-time sends left (long-term: not counted) */
  credits: number;
  /** the latest answer of the consent panel, null if never asked */
  answer: ConsentResult | null;
  /** whether the next reminder of this kind will reach WeChat: 'on' | 'needs_consent' | 'refused' | 'unavailable' */
  state: 'on' | 'needs_consent' | 'refused' | 'unavailable';
  stateLabel: string;
}

/** Issue #17: a WeChat message whose send a crash interrupted — it may or may not have arrived; never sent again */
export interface UncertainDeliveryView {
  id: string;
  templateKey: TemplateKey;
  title: string;
  /** when the send was attempted */
  at: string;
}

export interface SubscriptionsView {
  items: SubscriptionItemView[];
  /** the person's messages whose outcome is unknown (newest first, at most 20) */
  uncertain: UncertainDeliveryView[];
}

export interface InboxView {
  items: NotificationView[];
  nextCursor?: string;
  unread: number;
  /** issue #20: the open to-dos (home's 待办) */
  todo: number;
}

/** Issue #20: 催办 — the keeping office chases a task's owner, an invitee who has not replied, or the minutes' approvers. */
export const ChaseInput = z.strictObject({
  subject: z.enum(['task', 'reply', 'minutes']),
  id: Id,
  personId: z.optional(Id),
});
export type ChaseInput = z.infer<typeof ChaseInput>;

export interface ChaseView {
  subject: 'task' | 'reply' | 'minutes';
  id: string;
  /** the people chased, by name */
  chased: string[];
  at: string;
  /** every chase of this subject, newest first (the record's 催办 timeline) */
  history: Array<{ personName: string; byName: string; at: string }>;
}
