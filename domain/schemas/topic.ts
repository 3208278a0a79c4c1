// Contract of area `topic` (Art. 3, 6). Strict: a client can never set status, org or proposer.
import * as z from 'zod/mini';
import { TOPIC_CATEGORIES, TOPIC_STATES } from '../workflows/topic';
import { TOPIC_LIMITS } from '../limits';
import type { ResultTaskView } from './meeting';
import { Cursor, Id, Text } from './common';

export { TOPIC_LIMITS };

const Title = Text(TOPIC_LIMITS.title);
const Background = Text(TOPIC_LIMITS.background);
const Research = Text(TOPIC_LIMITS.research);
const Request = Text(TOPIC_LIMITS.request);

export const SubmitTopicInput = z.strictObject({
  meetingId: Id,
  side: z.enum(['gov', 'union', 'joint']),
  leadSide: z.optional(z.enum(['gov', 'union'])),
  category: z.enum(TOPIC_CATEGORIES),
  title: Title,
  background: Background,
  research: Research,
  request: Request,
}).check(z.refine((v) => (v.side === 'joint') === (v.leadSide !== undefined), {
    message: '联合议题须注明承担主要工作的一方；单方议题不填',
    path: ['leadSide'],
  }));
export type SubmitTopicInput = z.infer<typeof SubmitTopicInput>;

export const TopicIdInput = z.strictObject({ id: Id });

export const UpdateTopicInput = z.strictObject({
  id: Id,
  category: z.optional(z.enum(TOPIC_CATEGORIES)),
  title: z.optional(Title),
  background: z.optional(Background),
  research: z.optional(Research),
  request: z.optional(Request),
}).check(z.refine((v) => Object.keys(v).length > 1, { message: '没有需要修改的内容' }));
export type UpdateTopicInput = z.infer<typeof UpdateTopicInput>;

export const ReturnTopicInput = z.strictObject({ id: Id, reason: Text(TOPIC_LIMITS.reason) });
export const MergeTopicInput = z.strictObject({ id: Id, intoId: Id, note: z.optional(Text(TOPIC_LIMITS.note)) });
export const AddOpinionInput = z.strictObject({ id: Id, text: Text(TOPIC_LIMITS.opinion) });
export const MeetingIdInput = z.strictObject({ meetingId: Id });
/** Issue #16 (Art. 6 征求意见): the other side's office records 无意见 for one accepted topic. */
export const NoOpinionInput = z.strictObject({ topicId: Id });
/** …or for every accepted topic of the meeting still waiting for its side's opinion. */
export const NoOpinionAllInput = z.strictObject({ meetingId: Id });
/**
 * Art. 6: a side confirms the list it was shown. `listHash` (from topic.listStatus) names that list;
 * when the accepted topics changed since, the confirmation is refused (conflict), never applied to
 * topics the person has not seen.
 */
export const ConfirmListInput = z.strictObject({ meetingId: Id, listHash: z.optional(z.string().check(z.regex(/^[0-9a-f]{16}$/))) });
/** The confirmation page pages through the accepted topics (no list is ever cut silently). */
export const ListStatusInput = z.strictObject({ meetingId: Id, cursor: z.optional(Cursor) });
/** Issue #23: the written replies (答复) of a meeting's topics as an .xlsx (the offices). */
export const ExportRepliesInput = z.strictObject({ meetingId: Id });

export const ListTopicsInput = z.strictObject({
  /**
   * mine: what I proposed; queue: waiting for my office; meeting: what I may see of a meeting;
   * opinions: a meeting's accepted topics of the other side still waiting for my side's opinion
   */
  scope: z._default(z.enum(['mine', 'queue', 'meeting', 'opinions']), 'mine'),
  meetingId: z.optional(Id),
  status: z.optional(z.enum(TOPIC_STATES)),
  cursor: z.optional(Cursor),
});
export type ListTopicsInput = z.infer<typeof ListTopicsInput>;

export const TopicAction = z.enum([
  'update', 'withdraw', 'resubmit', 'accept', 'return', 'merge', 'addOpinion', 'noOpinion',
]);

export interface TopicTimelineEntry {
  at: string;
  event: string;
  label: string;
  byName: string;
  note?: string;
}

export interface TopicOpinionView {
  at: string;
  byName: string;
  byUnit: string;
  side: 'gov' | 'union';
  sideLabel: string;
  text: string;
}

/** What a card in a list shows (no background, research, request or timeline: see topic.get). */
export interface TopicCardView {
  id: string;
  meetingId: string;
  meetingTitle: string;
  side: 'gov' | 'union' | 'joint';
  sideLabel: string;
  leadSide: 'gov' | 'union';
  category: string;
  categoryLabel: string;
  title: string;
  status: string;
  statusLabel: string;
  proposer: { id: string; name: string; unit: string };
  createdAt: string;
  returnReason?: string;
  mergedInto?: { id: string; title: string; note?: string };
  allowedActions: string[];
}

export interface TopicView extends TopicCardView {
  orgId: string;
  routedTo: string;
  routedToLabel: string;
  background: string;
  research: string;
  request: string;
  updatedAt: string;
  timeline: TopicTimelineEntry[];
  opinions: TopicOpinionView[];
  /** issue #16: the opinion round on this topic — given, 无意见 recorded by the office, or waiting */
  opinionState: 'given' | 'none' | 'pending';
  /** 已提 / 无意见（由X办公室登记） / 待提意见 */
  opinionStateLabel: string;
  /** the side whose opinion is asked */
  opinionSideLabel: string;
}

/**
 * Issue #23: one task carrying a decided item that answers the topic, as its proposer may read it —
 * the task as the results page shows it (unit, deadline in force, the checklist's light, status) and more.
 */
export interface TopicChainTaskView extends ResultTaskView {
  decisionId: string;
  /** the unit's progress notes, oldest first */
  progress: Array<{ text: string; at: string }>;
  /** the completion text; evidence only as its existence and type (issue #23), never the file */
  completion: { text: string; at: string; evidence: Array<{ typeLabel: string }> } | null;
  verifiedAt?: string;
}

/** Issue #23: the written reply (答复) to the proposer. */
export interface TopicReplyView {
  kind: 'returned' | 'merged' | 'not_taken_up';
  kindLabel: string;
  text: string;
  at: string;
  byName: string;
}

/** Issue #23: what became of a topic — the meeting, its decided items, their tasks, or the reply. */
export interface TopicChainView {
  meeting: {
    id: string;
    title: string;
    statusLabel: string;
    /** on the topic list fixed by both sides (Art. 6) */
    listed: boolean;
    heldAt?: string;
    minutesIssuedAt?: string;
    docNumber?: string;
  };
  decisions: Array<{ id: string; n: number; title: string; text: string }>;
  tasks: TopicChainTaskView[];
  reply?: TopicReplyView;
}

/** topic.get: the topic with its chain (issue #23). */
export interface TopicDetailView extends TopicView {
  chain: TopicChainView;
}

export interface TopicListView {
  items: TopicCardView[];
  nextCursor?: string;
}

export interface SideConfirmation {
  byName: string;
  at: string;
  /** how many accepted topics the side confirmed (Art. 6: both sides confirm the same list) */
  topicCount: number;
}

/** One accepted topic on the confirmation page, with the state of the opinion round (征求意见). */
export interface ListTopicView {
  id: string;
  title: string;
  sideLabel: string;
  categoryLabel: string;
  proposerName: string;
  /** the side whose opinion is asked: the other side of the one carrying the topic */
  opinionSideLabel: string;
  /** how many opinions that side has given */
  opinionCount: number;
  /** issue #16: given, 无意见 recorded by that side's office, or waiting */
  opinionState: 'given' | 'none' | 'pending';
  /** 已提 / 无意见（由X办公室登记） / 待提意见 */
  opinionStateLabel: string;
  /** what the caller may do on this topic from the confirmation page (noOpinion, addOpinion) */
  allowedActions: string[];
}

export interface TopicListStatusView {
  meetingId: string;
  meetingTitle: string;
  meetingStatus: string;
  meetingStatusLabel: string;
  plannedAt: string;
  fixed: boolean;
  confirmations: { gov: SideConfirmation | null; union: SideConfirmation | null };
  /** awaitingOpinion: accepted topics with neither the other side's opinion nor 无意见 */
  counts: { submitted: number; accepted: number; returned: number; awaitingOpinion: number };
  /**
   * Issue #16: why the list cannot be confirmed yet (topics waiting for screening, topics waiting
   * for the other side's opinion, naming them); empty when nothing is missing
   */
  missing: string[];
  /** names the exact set of accepted topics now; confirmList sends it back */
  listHash: string;
  /** a page of the accepted topics, oldest first; `nextCursor` fetches the rest */
  accepted: ListTopicView[];
  nextCursor?: string;
  allowedActions: string[];
}
