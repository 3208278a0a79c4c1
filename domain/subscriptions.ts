// Push reminders (issue #10): the catalogue of WeChat subscription-message templates (订阅消息).
// One table maps each milestone of RULES.md to a template key, its keyword fields (type, which
// fact of the message fills it, how it is cut to WeChat's limit) and the page it opens. Template
// ids and their kind (one-time / long-term) are deployment configuration, never code. Zod-free.
// The app asks for consent at the right taps with consent.ts alone (issue #25).
import { type TemplateKey } from './consent';
import { cn, type Instant } from './time';

// The template keys, consent results and the taps that ask (issue #25: their own module, so the app
// asks for consent without carrying the template and route tables below)
export { CONSENT_FLOWS, CONSENT_RESULTS, MAX_TEMPLATES_PER_ASK, TEMPLATE_KEYS, type ConsentFlow, type ConsentResult, type TemplateKey } from './consent';

export type TemplateKind = 'one_time' | 'long_term';

/** WeChat's keyword types and their limits (PLATFORM.md "Subscription messages"). */
export type KeywordType = 'thing' | 'phrase' | 'name' | 'character_string' | 'time' | 'date';

/** What a message knows about its subject, for the keyword values. */
export type FactKey = 'subject' | 'time' | 'place' | 'status' | 'deadline' | 'note' | 'person';
export type MessageFacts = Partial<Record<FactKey, string>>;

export interface KeywordField {
  /** WeChat's keyword name in the template, e.g. thing1 */
  name: string;
  type: KeywordType;
  label: string;
  fact: FactKey;
  /** used when the message carries no such fact */
  fallback: string;
}

export interface TemplateDef {
  /** the template's title as registered in the WeChat console */
  title: string;
  /** what the person is told in the app about this reminder */
  description: string;
  fields: readonly KeywordField[];
}

const f = (name: string, type: KeywordType, label: string, fact: FactKey, fallback = '详见小程序'): KeywordField => ({ name, type, label, fact, fallback });

/**
 * Each template's keyword fields: what the server fills in. The titles and the texts the app shows
 * about each reminder are in subscription-texts.ts (TEMPLATES), read by the notify area and the docs
 * only, so the other cloud functions do not carry them (issues #18, #25).
 */
export const TEMPLATE_FIELDS: Record<TemplateKey, readonly KeywordField[]> = {
  meeting_notice: [f('thing1', 'thing', '会议名称', 'subject'), f('time2', 'time', '会议时间', 'time'), f('thing3', 'thing', '会议地点', 'place', '另行通知'), f('thing4', 'thing', '备注', 'note', '请在小程序中回复是否参会')],
  reply_reminder: [f('thing1', 'thing', '会议名称', 'subject'), f('time2', 'time', '会议时间', 'time'), f('thing3', 'thing', '温馨提示', 'note', '您尚未回复是否参会')],
  meeting_tomorrow: [f('thing1', 'thing', '会议名称', 'subject'), f('time2', 'time', '会议时间', 'time'), f('thing3', 'thing', '会议地点', 'place', '另行通知'), f('thing4', 'thing', '备注', 'note', '请提前十分钟到场签到')],
  minutes_review: [f('thing1', 'thing', '审批事项', 'subject'), f('phrase2', 'phrase', '审批状态', 'status', '待审核'), f('time3', 'time', '提交时间', 'time')],
  task_assigned: [f('thing1', 'thing', '任务名称', 'subject'), f('date2', 'date', '完成时限', 'deadline'), f('thing3', 'thing', '交办单位', 'person', '联席会议办公室')],
  task_due_soon: [f('thing1', 'thing', '任务名称', 'subject'), f('date2', 'date', '完成时限', 'deadline'), f('thing3', 'thing', '备注', 'note', '请按期完成并上传证明材料')],
  task_overdue: [f('thing1', 'thing', '任务名称', 'subject'), f('date2', 'date', '完成时限', 'deadline'), f('thing3', 'thing', '备注', 'note', '请尽快完成或说明原因')],
  topic_result: [f('thing1', 'thing', '议题名称', 'subject'), f('phrase2', 'phrase', '审核结果', 'status', '已审核'), f('thing3', 'thing', '备注', 'note', '详见小程序')],
  collection_opened: [f('thing1', 'thing', '会议名称', 'subject'), f('time2', 'time', '会议时间', 'time'), f('thing3', 'thing', '备注', 'note', '欢迎在小程序中提出议题')],
  topic_list: [f('thing1', 'thing', '会议名称', 'subject'), f('phrase2', 'phrase', '清单状态', 'status', '已更新'), f('thing3', 'thing', '备注', 'note', '详见小程序')],
  approval_result: [f('thing1', 'thing', '审批事项', 'subject'), f('phrase2', 'phrase', '审批结果', 'status', '已处理'), f('thing3', 'thing', '备注', 'note', '详见小程序')],
  minutes_issued: [f('thing1', 'thing', '公文名称', 'subject'), f('time2', 'time', '印发时间', 'time'), f('thing3', 'thing', '备注', 'note', '请在小程序中查阅')],
  chase: [f('thing1', 'thing', '催办事项', 'subject'), f('time2', 'time', '催办时间', 'time'), f('thing3', 'thing', '备注', 'note', '请尽快办理')],
};

/**
 * Issue #20: every message's milestone (the key of the table below). Kept here, zod-free, so the
 * route table, the docs and the app share one list; server/notify/notify.ts re-exports the type.
 */
export const MILESTONES = [
  'topic_submitted', 'topic_resubmitted', 'topic_accepted', 'topic_returned', 'topic_merged', 'opinion_requested',
  'topic_list_fixed', 'topic_list_changed', 'topic_list_ready',
  'meeting_requested', 'meeting_accepted', 'meeting_declined', 'collection_opened', 'meeting_notice', 'meeting_rescheduled', 'meeting_reply',
  'minutes_review', 'minutes_returned', 'minutes_approved', 'minutes_issued',
  'task_assigned', 'task_completed', 'task_sent_back', 'task_verified', 'task_deadline_requested', 'task_deadline_decided', 'task_deadline_set',
  'press_review', 'press_returned', 'press_approved',
  'reply_reminder', 'meeting_tomorrow', 'minutes_stalled', 'task_due_soon', 'task_overdue',
  // issue #20: the ladder, the duties after a meeting, 催办
  'task_due_today', 'task_overdue_office', 'task_escalation', 'minutes_draft_due', 'tasks_unassigned', 'chase',
  'leadership_role_given', 'password_reset', 'settings_changed',
  // issue #23: the proposer is told when their topic moves (decided, a task assigned, done and verified)
  'topic_decided', 'topic_task_assigned', 'topic_task_done',
] as const;
export type Milestone = (typeof MILESTONES)[number];

/** How a milestone reaches people: the inbox always; `both` also as a WeChat template (and SMS where `strong`). */
export interface MilestoneRoute {
  route: 'inbox' | 'both';
  template?: TemplateKey;
  /** the message asks its recipient to act: it is a to-do until that action closes it */
  needsAction: boolean;
  /** the actions that close it (`area.verb`) */
  closedBy?: readonly string[];
  /** must not be missed: also by SMS to people WeChat cannot reach (when SMS is configured) */
  strong?: boolean;
}

// who receives each message is written down for the docs only: MILESTONE_RECIPIENTS (subscription-texts.ts)
const inbox = (closedBy?: readonly string[]): MilestoneRoute => ({ route: 'inbox', needsAction: !!closedBy, ...(closedBy ? { closedBy } : {}) });
const both = (template: TemplateKey, closedBy?: readonly string[], strong = false): MilestoneRoute => ({
  route: 'both', template, needsAction: !!closedBy, ...(closedBy ? { closedBy } : {}), ...(strong ? { strong } : {}),
});

/** Issue #20: the one table of routes — what each milestone is, who gets it, by which channel, what closes it. */
export const MILESTONE_ROUTES: Readonly<Record<Milestone, MilestoneRoute>> = {
  topic_submitted: inbox(['topic.accept', 'topic.return', 'topic.merge']),
  topic_resubmitted: inbox(['topic.accept', 'topic.return', 'topic.merge']),
  topic_accepted: both('topic_result'),
  topic_returned: both('topic_result', ['topic.resubmit', 'topic.withdraw']),
  topic_merged: both('topic_result'),
  opinion_requested: inbox(['topic.addOpinion', 'topic.noOpinion', 'topic.noOpinionAll']),
  topic_list_fixed: both('topic_list'),
  topic_list_changed: both('topic_list', ['topic.confirmList']),
  topic_list_ready: both('topic_list', ['topic.confirmList']),
  meeting_requested: inbox(['meeting.accept', 'meeting.decline']),
  meeting_accepted: inbox(),
  meeting_declined: inbox(),
  collection_opened: both('collection_opened'),
  meeting_notice: both('meeting_notice', ['meeting.reply'], true),
  meeting_rescheduled: both('meeting_notice'),
  meeting_reply: inbox(),
  minutes_review: both('minutes_review', ['minutes.approve', 'minutes.return']),
  minutes_returned: both('approval_result', ['minutes.submit']),
  minutes_approved: inbox(['minutes.issue']),
  minutes_issued: both('minutes_issued'),
  task_assigned: both('task_assigned', ['task.complete']),
  task_completed: both('minutes_review', ['task.verify', 'task.sendBack']),
  task_sent_back: both('approval_result', ['task.complete']),
  task_verified: both('approval_result'),
  task_deadline_requested: both('minutes_review', ['task.decideDeadline']),
  task_deadline_decided: both('approval_result'),
  task_deadline_set: inbox(),
  press_review: both('minutes_review', ['press.approve', 'press.return']),
  press_returned: inbox(['press.draft']),
  press_approved: inbox(),
  reply_reminder: both('reply_reminder', ['meeting.reply']),
  meeting_tomorrow: both('meeting_tomorrow', undefined, true),
  minutes_stalled: both('minutes_review', ['minutes.approve', 'minutes.return']),
  task_due_soon: both('task_due_soon', ['task.complete']),
  task_overdue: both('task_overdue', ['task.complete'], true),
  task_due_today: both('task_due_soon', ['task.complete']),
  task_overdue_office: inbox(),
  task_escalation: both('task_overdue'),
  minutes_draft_due: both('minutes_review', ['minutes.submit']),
  tasks_unassigned: inbox(['task.assign']),
  chase: both('chase', undefined, true),
  leadership_role_given: inbox(),
  password_reset: inbox(),
  settings_changed: inbox(),
  // issue #23: never for each progress note — only these three moves
  topic_decided: both('topic_result'),
  topic_task_assigned: both('topic_result'),
  topic_task_done: both('topic_result'),
};

/** RULES.md "Milestones that push a message", each with the milestones that carry it. */
export const RULES_MILESTONES: ReadonlyArray<{ rule: string; milestones: readonly Milestone[] }> = [
  { rule: 'Topic collection opened', milestones: ['collection_opened'] },
  { rule: 'topic accepted / returned', milestones: ['topic_accepted', 'topic_returned', 'topic_merged'] },
  { rule: 'topic list confirmed', milestones: ['topic_list_fixed'] },
  { rule: 'meeting notice issued (invitation, asks for a reply)', milestones: ['meeting_notice'] },
  { rule: 'reply reminder', milestones: ['reply_reminder'] },
  { rule: 'meeting tomorrow', milestones: ['meeting_tomorrow'] },
  { rule: 'minutes waiting for your review', milestones: ['minutes_review', 'minutes_stalled'] },
  { rule: 'minutes returned', milestones: ['minutes_returned'] },
  { rule: 'minutes issued', milestones: ['minutes_issued'] },
  { rule: 'task assigned', milestones: ['task_assigned'] },
  { rule: 'task due soon', milestones: ['task_due_soon', 'task_due_today'] },
  { rule: 'task overdue', milestones: ['task_overdue', 'task_escalation'] },
  { rule: 'task reported done', milestones: ['task_completed'] },
  { rule: 'task verified or sent back', milestones: ['task_verified', 'task_sent_back'] },
  { rule: 'press release waiting for approval', milestones: ['press_review'] },
];

/** Which inbox milestones go out as which template (the rest reach the inbox only): from the route table. */
export const MILESTONE_TEMPLATE: Readonly<Record<string, TemplateKey>> = Object.fromEntries(
  MILESTONES.flatMap((m) => (MILESTONE_ROUTES[m].template ? [[m, MILESTONE_ROUTES[m].template]] : [])),
);

const LIMITS: Record<Exclude<KeywordType, 'time' | 'date'>, number> = { thing: 20, phrase: 5, name: 10, character_string: 32 };

/** A value cut to its keyword type's limit (characters counted as code points). */
export function keywordValue(type: KeywordType, raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (type === 'time') return cn(text).isValid() && /\d{4}-\d{2}-\d{2}T/.test(text) ? cn(text).format('YYYY年M月D日 HH:mm') : text;
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}/.test(text) ? cn(`${text.slice(0, 10)}T12:00:00+08:00`).format('YYYY年M月D日') : text;
  if (type === 'character_string') return text.replace(/[^\x21-\x7e]/g, '').slice(0, LIMITS.character_string);
  // phrase: Chinese characters only, at most 5
  if (type === 'phrase') return [...text.replace(/[^\u4e00-\u9fff]/g, '')].slice(0, LIMITS.phrase).join('') || '已更新';
  const chars = [...text];
  const max = LIMITS[type];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Whether a value respects its type's limit (what WeChat would refuse with 47003). */
export function keywordFits(type: KeywordType, value: string): boolean {
  const n = [...value].length;
  if (type === 'time') return /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(value);
  if (type === 'date') return /^\d{4}年\d{1,2}月\d{1,2}日$/.test(value);
  if (type === 'character_string') return n <= 32 && /^[\x21-\x7e]*$/.test(value);
  if (type === 'phrase') return n >= 1 && n <= 5 && /^[\u4e00-\u9fff]+$/.test(value);
  return n >= 1 && n <= LIMITS[type];
}

/**
 * The keyword data of a template in WeChat's shape `{ thing1: { value } }`. A time or date the
 * message does not carry is the message's own time `at` (ISO), so every value is of its type.
 */
export function templateData(key: TemplateKey, facts: MessageFacts, at: string): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const field of TEMPLATE_FIELDS[key]) {
    const timed = field.type === 'time' || field.type === 'date';
    out[field.name] = { value: keywordValue(field.type, facts[field.fact] || (timed ? at : field.fallback)) };
  }
  return out;
}

/** Quiet hours (22:00–07:00 Shanghai): a subscription message then waits until 08:00. */
export function quietUntil(now: Instant): string | null {
  const t = cn(now);
  const h = t.hour();
  if (h >= 7 && h < 22) return null;
  const day = h >= 22 ? t.add(1, 'day') : t;
  return day.hour(8).minute(0).second(0).millisecond(0).toDate().toISOString();
}
