// Contract of area `topic` (Art. 3, 6). Strict: a client can never set status, org or proposer.
import * as z from 'zod';
import { TOPIC_CATEGORIES, TOPIC_STATES } from '../workflows/topic';
import { Id } from './common';

const text = (min: number, max: number, label: string) =>
  z.string().trim().min(min, `${label}至少 ${min} 个字`).max(max, `${label}不能超过 ${max} 个字`);

const Title = text(4, 60, '标题');
const Background = text(10, 2000, '背景情况');
const Research = text(10, 2000, '调研论证');
const Request = text(5, 2000, '建议与请求');

export const SubmitTopicInput = z
  .strictObject({
    meetingId: Id,
    side: z.enum(['gov', 'union', 'joint']),
    leadSide: z.enum(['gov', 'union']).optional(),
    category: z.enum(TOPIC_CATEGORIES),
    title: Title,
    background: Background,
    research: Research,
    request: Request,
  })
  .refine((v) => (v.side === 'joint') === (v.leadSide !== undefined), {
    message: '联合议题须注明承担主要工作的一方；单方议题不填',
    path: ['leadSide'],
  });
export type SubmitTopicInput = z.infer<typeof SubmitTopicInput>;

export const TopicIdInput = z.strictObject({ id: Id });

export const UpdateTopicInput = z
  .strictObject({
    id: Id,
    category: z.enum(TOPIC_CATEGORIES).optional(),
    title: Title.optional(),
    background: Background.optional(),
    research: Research.optional(),
    request: Request.optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: '没有需要修改的内容' });
export type UpdateTopicInput = z.infer<typeof UpdateTopicInput>;

export const ReturnTopicInput = z.strictObject({ id: Id, reason: text(2, 500, '退回理由') });
export const MergeTopicInput = z.strictObject({ id: Id, intoId: Id, note: text(0, 500, '合并说明').optional() });
export const AddOpinionInput = z.strictObject({ id: Id, text: text(2, 1000, '意见') });
export const MeetingIdInput = z.strictObject({ meetingId: Id });

export const ListTopicsInput = z.strictObject({
  /** mine: what I proposed; queue: waiting for my office; meeting: what I may see of a meeting */
  scope: z.enum(['mine', 'queue', 'meeting']).default('mine'),
  meetingId: Id.optional(),
  status: z.enum(TOPIC_STATES).optional(),
  cursor: z.string().max(200).optional(),
});
export type ListTopicsInput = z.infer<typeof ListTopicsInput>;

export const TopicAction = z.enum([
  'update', 'withdraw', 'resubmit', 'accept', 'return', 'merge', 'addOpinion',
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

export interface TopicView {
  id: string;
  meetingId: string;
  meetingTitle: string;
  orgId: string;
  side: 'gov' | 'union' | 'joint';
  sideLabel: string;
  leadSide: 'gov' | 'union';
  routedTo: string;
  routedToLabel: string;
  category: string;
  categoryLabel: string;
  title: string;
  background: string;
  research: string;
  request: string;
  status: string;
  statusLabel: string;
  proposer: { id: string; name: string; unit: string };
  createdAt: string;
  updatedAt: string;
  returnReason?: string;
  mergedInto?: { id: string; title: string; note?: string };
  timeline: TopicTimelineEntry[];
  opinions: TopicOpinionView[];
  allowedActions: string[];
}

export interface TopicListView {
  items: TopicView[];
  nextCursor?: string;
}

export interface SideConfirmation {
  byName: string;
  at: string;
}

export interface TopicListStatusView {
  meetingId: string;
  meetingTitle: string;
  meetingStatus: string;
  meetingStatusLabel: string;
  plannedAt: string;
  fixed: boolean;
  confirmations: { gov: SideConfirmation | null; union: SideConfirmation | null };
  counts: { submitted: number; accepted: number; returned: number };
  accepted: Array<{ id: string; title: string; sideLabel: string; categoryLabel: string; proposerName: string }>;
  allowedActions: string[];
}
