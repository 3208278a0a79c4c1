// What the task pages share (Art. 11, Art. 3 (1)): the light of a task as a dot and its word (never
// colour alone), the countdown, deadline dates (YYYY-MM-DD, Shanghai calendar days), a date field
// and a text field with their errors, and a refusal's field. Used by 我的任务, one task, home and
// the offices' checklist board. Type-only imports from the schemas (no zod in the app).
import { Picker, Text, Textarea, View } from '@tarojs/components';
import type { TaskCardView } from '../../../../domain/schemas/task';
import type { TaskLight } from '../../../../domain/task-rules';
import type { TextLimit } from '../../../../domain/limits';
import Tap from '../../../components/Tap';
import { ApiError } from '../../../services/api';
import { fieldErrorsOf, textLength } from '../../../utils/form';
import './kit.css';

/** The board's order of the lights (overdue first), as the server sorts them. */
export const LIGHTS: readonly TaskLight[] = ['red', 'yellow', 'green', 'done'];

/** The words of the lights, as the server says them (domain LIGHT_LABEL). */
export const LIGHT_WORD: Record<TaskLight, string> = { red: '逾期', yellow: '临期', green: '正常', done: '已办结' };

export function isLight(v: string): v is TaskLight {
  return (LIGHTS as readonly string[]).includes(v);
}

/** Art. 11: the light as a dot and a word; the word carries the meaning, the colour repeats it. */
export function Light({ light, label, large }: { light: TaskLight; label?: string; large?: boolean }) {
  return (
    <View className={`tk-light tk-light--${light}${large ? ' tk-light--large' : ''}`}>
      <View className='tk-light__dot' aria-hidden='true' />
      <Text className='tk-light__label'>{label ?? LIGHT_WORD[light]}</Text>
    </View>
  );
}

/** The countdown (还剩 N 天 / 今天到期 / 已逾期 N 天 / 已办结), red when overdue. */
export function Countdown({ light, text, large }: { light: TaskLight; text: string; large?: boolean }) {
  const cls = ['tk-countdown', `tk-countdown--${light}`, large ? 'tk-countdown--large' : ''].filter(Boolean).join(' ');
  return <Text className={cls}>{text}</Text>;
}

/** Art. 3 (1): an overdue task nobody has explained yet is marked 待说明 (in words). */
export function needsExplaining(t: Pick<TaskCardView, 'light' | 'explained'>): boolean {
  return t.light === 'red' && !t.explained;
}

/** One task in a list: title and light, countdown and state, meeting, decided item, deadline. */
export function TaskCard({ task, showOwner, onOpen }: { task: TaskCardView; showOwner?: boolean; onOpen: () => void }) {
  return (
    <Tap role='link' className={`card tk-card tk-card--${task.light}`} hoverClass='tk-card--hover' onTap={onOpen}>
      <View className='tk-card__head'>
        <Text className='tk-card__title'>{task.title}</Text>
        <Light light={task.light} label={task.lightLabel} />
      </View>
      <View className='tk-card__state'>
        <Countdown light={task.light} text={task.countdown} />
        {task.status !== 'done' ? <Text className={task.status === 'awaiting_verification' ? 'tag tag--merged' : 'tag tag--plain'}>{task.statusLabel}</Text> : null}
        {needsExplaining(task) ? <Text className='tag tag--returned'>待说明</Text> : null}
        {task.deadlineRequested ? <Text className='tag tag--submitted'>延期申请</Text> : null}
      </View>
      {showOwner ? (
        <Text className='tk-card__meta'>
          责任：{task.unit} · {task.ownerName}
        </Text>
      ) : null}
      <Text className='tk-card__meta'>议定事项：{task.decisionTitle}</Text>
      <Text className='tk-card__meta'>会议：{task.meetingTitle}</Text>
      <Text className='tk-card__meta'>
        完成时限：{deadlineCN(task.deadline)}
        {task.deadlineRequested ? `（申请延至 ${deadlineCN(task.deadlineRequested)}，待审批）` : ''}
      </Text>
    </Tap>
  );
}

/** `YYYY-MM-DD` as 2026年11月28日 (a calendar date: no time zone to convert). */
export function deadlineCN(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** Shanghai is UTC+8 without daylight saving: today's date there, `YYYY-MM-DD`. */
export function todayCN(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The message of a refusal that names a field, by field (the first part of its path). */
export function refusalFields(error: ApiError): Record<string, string> {
  const d = error.details;
  if (d && typeof d === 'object' && !Array.isArray(d)) {
    const field = (d as { field?: unknown }).field;
    if (typeof field === 'string' && field) return { [field.split('.')[0]]: error.message };
  }
  return fieldErrorsOf(d);
}

/** A field's label with the required mark, and its error (announced). */
export function FieldLabel({ label, error, optional }: { label: string; error?: string | null; optional?: boolean }) {
  return (
    <View className='tk-field__head'>
      <Text className='tk-field__label'>
        {label}
        {optional ? <Text className='tk-field__optional'>（选填）</Text> : <Text className='tk-field__required'> *</Text>}
      </Text>
      {error ? (
        <View className='tk-field__error' role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
    </View>
  );
}

/** The counter says when a text is too long; the box never cuts what was typed (-1: no limit in WeChat). */
const NO_CUT = process.env.TARO_ENV === 'h5' ? 100000 : -1;

/** A text box with its counter; the text is the page's (kept through a failed call). */
export function TextField({
  limit,
  value,
  placeholder,
  error,
  disabled,
  short,
  onInput,
}: {
  limit: TextLimit;
  value: string;
  placeholder: string;
  error?: string | null;
  disabled?: boolean;
  short?: boolean;
  onInput: (v: string) => void;
}) {
  const n = textLength(value);
  const cls = ['tk-textarea', short ? 'tk-textarea--short' : '', error ? 'tk-textarea--error' : ''].filter(Boolean).join(' ');
  return (
    <View className='tk-field'>
      <FieldLabel label={limit.label} error={error} />
      <Textarea
        className={cls}
        value={value}
        maxlength={NO_CUT}
        placeholder={placeholder}
        placeholderClass='tk-placeholder'
        disabled={disabled}
        onInput={(e) => onInput(e.detail.value)}
      />
      <Text className={n > limit.max ? 'tk-field__counter tk-field__counter--bad' : 'tk-field__counter'}>
        {n}/{limit.max}
      </Text>
    </View>
  );
}

/** A date picked on the platform's picker, never before `start` (a deadline: today or later). */
export function DateField({
  label,
  value,
  start,
  error,
  disabled,
  onChange,
}: {
  label: string;
  value: string;
  start: string;
  error?: string | null;
  disabled?: boolean;
  onChange: (v: string) => void;
}) {
  const h5 = process.env.TARO_ENV === 'h5';
  const name = `${label}：${value ? deadlineCN(value) : '未选择'}`;
  const a11y: Record<string, unknown> = h5 ? { role: 'button', tabIndex: 0, 'aria-label': name } : { ariaRole: 'button', ariaLabel: name };
  return (
    <View className='tk-field'>
      <FieldLabel label={label} error={error} />
      <Picker mode='date' value={value || start} start={start} disabled={disabled} onChange={(e) => onChange(String(e.detail.value))}>
        <View className={error ? 'tk-picker tk-picker--error' : 'tk-picker'} {...a11y}>
          <Text className={value ? 'tk-picker__value' : 'tk-picker__value tk-picker__value--empty'}>{value ? deadlineCN(value) : '请选择日期'}</Text>
          <Text className='tk-picker__arrow' aria-hidden='true'>
            ›
          </Text>
        </View>
      </Picker>
    </View>
  );
}

/** A page opened without the task's id. */
export function missingTaskId(): ApiError {
  return new ApiError('not_found', '链接缺少任务编号，请从我的任务或落实清单进入');
}
