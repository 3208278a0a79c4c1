// Push reminders (issue #10): the catalogue of WeChat subscription-message templates (订阅消息).
// One table maps each milestone of RULES.md to a template key, its keyword fields (type, which
// fact of the message fills it, how it is cut to WeChat's limit) and the page it opens. Template
// ids and their kind (one-time / long-term) are deployment configuration, never code. Zod-free:
// the app imports it to ask for consent at the right taps.
import { cn, type Instant } from './time';

export const TEMPLATE_KEYS = [
  'meeting_notice',
  'reply_reminder',
  'meeting_tomorrow',
  'minutes_review',
  'task_assigned',
  'task_due_soon',
  'task_overdue',
  'topic_result',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const CONSENT_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type ConsentResult = (typeof CONSENT_RESULTS)[number];

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

export const TEMPLATES: Record<TemplateKey, TemplateDef> = {
  meeting_notice: {
    title: '会议通知', description: '会议通知印发、时间地点调整时提醒您',
    fields: [f('thing1', 'thing', '会议名称', 'subject'), f('time2', 'time', '会议时间', 'time'), f('thing3', 'thing', '会议地点', 'place', '另行通知'), f('thing4', 'thing', '备注', 'note', '请在小程序中回复是否参会')],
  },
  reply_reminder: {
    title: '参会确认提醒', description: '会前 3 天仍未回复是否参会时提醒您',
    fields: [f('thing1', 'thing', '会议名称', 'subject'), f('time2', 'time', '会议时间', 'time'), f('thing3', 'thing', '温馨提示', 'note', '您尚未回复是否参会')],
  },
  meeting_tomorrow: {
    title: '会议开始提醒', description: '会议前一天 18:00 提醒您明天开会',
    fields: [f('thing1', 'thing', '会议名称', 'subject'), f('time2', 'time', '会议时间', 'time'), f('thing3', 'thing', '会议地点', 'place', '另行通知'), f('thing4', 'thing', '备注', 'note', '请提前十分钟到场签到')],
  },
  minutes_review: {
    title: '审批提醒', description: '会议纪要待您审核时提醒您',
    fields: [f('thing1', 'thing', '审批事项', 'subject'), f('phrase2', 'phrase', '审批状态', 'status', '待审核'), f('time3', 'time', '提交时间', 'time')],
  },
  task_assigned: {
    title: '任务分配通知', description: '有新的落实任务交办给您时提醒您',
    fields: [f('thing1', 'thing', '任务名称', 'subject'), f('date2', 'date', '完成时限', 'deadline'), f('thing3', 'thing', '交办单位', 'person', '联席会议办公室')],
  },
  task_due_soon: {
    title: '任务到期提醒', description: '任务临近完成时限（转为黄灯）时提醒您',
    fields: [f('thing1', 'thing', '任务名称', 'subject'), f('date2', 'date', '完成时限', 'deadline'), f('thing3', 'thing', '备注', 'note', '请按期完成并上传证明材料')],
  },
  task_overdue: {
    title: '任务逾期提醒', description: '任务逾期未完成时，次日上午提醒您，此后每周一次',
    fields: [f('thing1', 'thing', '任务名称', 'subject'), f('date2', 'date', '完成时限', 'deadline'), f('thing3', 'thing', '备注', 'note', '请尽快完成或说明原因')],
  },
  topic_result: {
    title: '审核结果通知', description: '您提出的议题审核有结果时提醒您',
    fields: [f('thing1', 'thing', '议题名称', 'subject'), f('phrase2', 'phrase', '审核结果', 'status', '已审核'), f('thing3', 'thing', '备注', 'note', '详见小程序')],
  },
};

/** Which inbox milestones go out as which template (the rest reach the inbox only). */
export const MILESTONE_TEMPLATE: Readonly<Record<string, TemplateKey>> = {
  meeting_notice: 'meeting_notice',
  meeting_rescheduled: 'meeting_notice',
  reply_reminder: 'reply_reminder',
  meeting_tomorrow: 'meeting_tomorrow',
  minutes_review: 'minutes_review',
  minutes_stalled: 'minutes_review',
  task_assigned: 'task_assigned',
  task_due_soon: 'task_due_soon',
  task_overdue: 'task_overdue',
  topic_accepted: 'topic_result',
  topic_returned: 'topic_result',
  topic_merged: 'topic_result',
};

/**
 * The natural taps that ask for consent, each for at most 3 templates (the safe per-call limit):
 * the next milestones of that flow.
 */
export const CONSENT_FLOWS = {
  /** replying to an invitation (Art. 5): the eve reminder, changes of time or place */
  reply: ['meeting_tomorrow', 'meeting_notice'],
  /** opening an invitation not yet answered */
  invitation: ['reply_reminder', 'meeting_tomorrow', 'meeting_notice'],
  /** submitting a topic (Art. 6): its screening result */
  submitTopic: ['topic_result'],
  /** opening a task (Art. 11): due soon, overdue, the next task given */
  task: ['task_due_soon', 'task_overdue', 'task_assigned'],
  /** a reviewer opening minutes (Art. 9) */
  reviewMinutes: ['minutes_review'],
} as const satisfies Record<string, readonly TemplateKey[]>;
export type ConsentFlow = keyof typeof CONSENT_FLOWS;

export const MAX_TEMPLATES_PER_ASK = 3;

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
  for (const field of TEMPLATES[key].fields) {
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
