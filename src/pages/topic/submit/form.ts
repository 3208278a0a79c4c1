// The topic form's content and its rules, kept pure: the fields in page order, the words shown
// beside them, the checks (Art. 3 category, Art. 6 side, the contract's text lengths), what an edit
// changes and what a new topic sends.
import type { MeView } from '../../../../domain/schemas/account';
import type { TopicView } from '../../../../domain/schemas/topic';
import { TOPIC_CATEGORIES, type TopicCategory } from '../../../../domain/workflows/topic';
import type { ActionInput } from '../../../services/api';
import { cleanText, textLength } from '../../../utils/form';
import { TOPIC_LIMITS, type OneSide, type TextField, type TopicSide, topicLengthError } from '../../../utils/topic';

export interface Form {
  category: TopicCategory | '';
  side: TopicSide | '';
  leadSide: OneSide | '';
  title: string;
  background: string;
  research: string;
  request: string;
}

export type FormKey = keyof Form;
export type Errors = Partial<Record<FormKey, string>>;
export type Proposal = MeView['proposal'];

/** The order fields appear on the page: the first of them with an error is shown and focused. */
export const FIELD_ORDER: FormKey[] = ['category', 'side', 'leadSide', 'title', 'background', 'research', 'request'];

export const EMPTY: Form = { category: '', side: '', leadSide: '', title: '', background: '', research: '', request: '' };
export const TEXT_FIELDS: TextField[] = ['title', 'background', 'research', 'request'];

export const HINTS: Record<TextField, string> = {
  title: '一句话概括要解决的问题，如“关于……的议题”',
  background: '问题的由来、涉及哪些职工群体、目前的状况和影响（深入调研）',
  research: '调研了哪些单位和人员、掌握了哪些数据、听取了哪些意见（广泛论证）',
  request: '希望会议研究解决的具体事项，以及需要对方支持的措施和分工',
};

export const PLACEHOLDERS: Record<TextField, string> = {
  title: '请输入议题标题',
  background: '请写明背景情况',
  research: '请写明调研论证情况',
  request: '请写明建议与请求',
};

export const SIDE_HINT =
  '政府方议题由有关部门提出，经政府办公室汇总；工会方议题（含职工代表提出的）由总工会办公室收集；联合议题由承担主要工作的一方办理。';

export function formOf(t: TopicView): Form {
  return {
    category: (TOPIC_CATEGORIES as readonly string[]).includes(t.category) ? (t.category as TopicCategory) : '',
    side: t.side,
    leadSide: t.side === 'joint' ? t.leadSide : '',
    title: t.title,
    background: t.background,
    research: t.research,
    request: t.request,
  };
}

export function validate(form: Form, proposal: Proposal | null): Errors {
  const errors: Errors = {};
  if (!form.category) errors.category = '请选择议题类别';
  if (proposal) {
    if (!form.side) errors.side = '请选择提出方';
    else if (!proposal.sides.includes(form.side)) errors.side = '您不能以该提出方提交议题，请重新选择';
    else if (form.side === 'joint' && !form.leadSide) errors.leadSide = '请选择承担主要工作的一方';
    else if (form.side === 'joint' && form.leadSide && !proposal.leadSides.includes(form.leadSide)) errors.leadSide = '请重新选择承担主要工作的一方';
  }
  for (const f of TEXT_FIELDS) {
    const problem = topicLengthError(f, form[f]);
    if (problem) errors[f] = problem;
  }
  return errors;
}

/** Said while typing, before any submit: the text is longer than the contract takes. */
export function overLimit(field: TextField, value: string): string | null {
  const n = textLength(value);
  const { max } = TOPIC_LIMITS[field];
  return n > max ? `${topicLengthError(field, value) ?? ''}，已超出 ${n - max} 个字，请删减` : null;
}

/** A new form's side and lead side, chosen already when the person has only one to choose. */
export function preset(proposal: Proposal): Pick<Form, 'side' | 'leadSide'> {
  const side = proposal.sides.length === 1 ? proposal.sides[0] : '';
  const leadSide = side === 'joint' && proposal.leadSides.length === 1 ? proposal.leadSides[0] : '';
  return { side, leadSide };
}

type Changes = Omit<ActionInput<'topic.update'>, 'id'>;

/** The fields an edit changes: compared as the server stores text, sent as typed (trimmed). */
export function changes(form: Form, original: TopicView): Changes {
  const out: Changes = {};
  if (form.category && form.category !== original.category) out.category = form.category;
  for (const f of TEXT_FIELDS) {
    if (cleanText(form[f]) !== cleanText(original[f])) out[f] = form[f].trim();
  }
  return out;
}

/** Whether two forms hold the same content (a draft differs from what the form would show). */
export function sameForm(a: Form, b: Form): boolean {
  return FIELD_ORDER.every((k) => a[k] === b[k]);
}

/** A new topic as the contract takes it; null while the form lacks a choice (validate says which). */
export function submission(form: Form, meetingId: string): ActionInput<'topic.submit'> | null {
  const { side, leadSide, category } = form;
  if (!side || !category || (side === 'joint' && !leadSide)) return null;
  return {
    meetingId,
    side,
    ...(side === 'joint' && leadSide ? { leadSide } : {}),
    category,
    title: form.title.trim(),
    background: form.background.trim(),
    research: form.research.trim(),
    request: form.request.trim(),
  };
}

/** The counter turns red when the text is shorter or longer than the contract takes. */
export function counterClass(value: string, field: TextField): string {
  const n = textLength(value);
  const { min, max } = TOPIC_LIMITS[field];
  return n > 0 && (n < min || n > max) ? 'field__counter field__counter--bad' : 'field__counter';
}
