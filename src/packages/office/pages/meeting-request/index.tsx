// The union side requests (提请) a joint meeting (issue #8, Art. 4): kind (例会 / 专题会议), title,
// the planned date and time, the place (may wait), the reason. Limits are the contract's
// (domain/limits.ts); the first field in error is brought into view and focused. The government
// side accepts or declines it in the meeting's console, where this page leads after sending.
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { MEETING_LIMITS } from '../../../../../domain/limits';
import Btn from '../../../../components/Btn';
import PageShell from '../../../../components/PageShell';
import { Refusal } from '../../../../kit/PageShell';
import { useAction } from '../../../../kit/useAction';
import { fieldErrorsOf, lengthError, textLength } from '../../../../utils/form';
import { toast } from '../../../../utils/feedback';
import { pageUrl } from '../../../../utils/nav';
import { MEETING_PAGES, dayCN, instantCN } from '../../../../pages/meeting/detail/kit';
import { Field, FieldHead, PickerField, Segmented, revealField } from './fields';
import '../../../../pages/meeting/detail/kit.css';
import './index.css';

type Kind = 'regular' | 'special';

interface Form {
  kind: Kind | '';
  title: string;
  date: string;
  time: string;
  place: string;
  reason: string;
}

type Key = keyof Form;
type Errors = Partial<Record<Key | 'plannedAt', string>>;

/** The order fields appear in, which is the order errors are visited in. */
const ORDER: Array<Key | 'plannedAt'> = ['kind', 'title', 'date', 'time', 'plannedAt', 'place', 'reason'];

const KINDS: ReadonlyArray<{ value: Kind; label: string }> = [
  { value: 'regular', label: '例会' },
  { value: 'special', label: '专题会议' },
];

const KIND_HINT: Record<Kind, string> = {
  regular: '例会一般每年召开一次，会前两个月启动议题征集。',
  special: '专题会议经双方商定召开，研究专项工作。',
};

/** The reason's limits, named as this form names the field. */
const REASON_LIMIT = { ...MEETING_LIMITS.reason, label: '提请理由' };

const EMPTY: Form = { kind: '', title: '', date: '', time: '09:30', place: '', reason: '' };

function validate(f: Form, now: Date): Errors {
  const e: Errors = {};
  if (!f.kind) e.kind = '请选择会议类型';
  const title = lengthError(MEETING_LIMITS.title, f.title);
  if (title) e.title = title;
  if (!f.date) e.date = '请选择会议日期';
  if (!f.time) e.time = '请选择会议时间';
  const at = f.date && f.time ? instantCN(f.date, f.time) : null;
  if (at && new Date(at).getTime() <= now.getTime()) e.plannedAt = '会议时间应晚于现在';
  if (f.place.trim()) {
    const place = lengthError(MEETING_LIMITS.place, f.place);
    if (place) e.place = place;
  }
  const reason = lengthError(REASON_LIMIT, f.reason);
  if (reason) e.reason = reason;
  return e;
}

/** The element id of a field, for scrolling to it. */
const fieldId = (k: Key | 'plannedAt') => `mreq-${k === 'plannedAt' ? 'date' : k}`;

export default function MeetingRequest() {
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [focus, setFocus] = useState<Key | null>(null);
  // no load to re-read: the page leaves for the console once the request is in
  const { busy, act } = useAction<'send'>();
  const today = dayCN(new Date());

  const set = <K extends Key>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => {
      if (!e[key] && !(e.plannedAt && (key === 'date' || key === 'time'))) return e;
      const next = { ...e, [key]: undefined };
      if (key === 'date' || key === 'time') next.plannedAt = undefined;
      return next;
    });
  };

  const reveal = (found: Errors) => {
    const first = ORDER.find((k) => found[k]);
    if (!first) return;
    const key = first === 'plannedAt' ? 'date' : first;
    // WeChat focuses an input through its `focus` property; reset first so it fires again.
    setFocus(null);
    setTimeout(() => setFocus(key), 0);
    revealField(fieldId(first));
  };

  const submit = async () => {
    if (busy) return;
    const found = validate(form, new Date());
    setErrors(found);
    setRefusal(null);
    if (Object.keys(found).length > 0 || !form.kind) {
      reveal(found);
      toast('请按提示修改后再提交');
      return;
    }
    const kind = form.kind;
    const plannedAt = instantCN(form.date, form.time) as string;
    // A retry of the same request after a lost answer goes under the same key: one meeting.
    const sent = await act(
      'send',
      (w) =>
        w('meeting.request', {
          kind,
          title: form.title.trim(),
          plannedAt,
          ...(form.place.trim() ? { place: form.place.trim() } : {}),
          reason: form.reason.trim(),
        }),
      {
        refresh: false,
        done: '已提请召开会议',
        onError: (error) => {
          const fields = fieldErrorsOf(error.details);
          if (Object.keys(fields).length > 0) {
            const mapped: Errors = {};
            for (const [k, v] of Object.entries(fields)) mapped[(k === 'plannedAt' ? 'plannedAt' : k) as Key] = v;
            setErrors((prev) => ({ ...prev, ...mapped }));
            reveal(mapped);
          }
          setRefusal(error.message);
        },
      },
    );
    if (sent) void Taro.redirectTo({ url: pageUrl(MEETING_PAGES.console, { id: sent.id }) });
  };

  const counter = (k: 'title' | 'place' | 'reason') => {
    const n = textLength(form[k]);
    const { min, max } = MEETING_LIMITS[k];
    return (
      <Text className={n > 0 && (n < min || n > max) ? 'mfield__counter mfield__counter--bad' : 'mfield__counter'}>
        {n}/{max}
      </Text>
    );
  };

  return (
    <PageShell className='mreq'>
      <View className='page-container'>
        <View className='card'>
          <View className='mreq__title' role='heading' aria-level={2}>
            提请召开联席会议
          </View>
          <Text className='mreq__hint'>
            依照《工作规则》第四条，由工会方提请召开联席会议，经政府方同意后启动议题征集。提交后政府办公室将收到待办。
          </Text>
        </View>

        <View className='card'>
          <Field id={fieldId('kind')}>
            <FieldHead label='会议类型' error={errors.kind} />
            <Segmented options={KINDS} value={form.kind} label='会议类型' disabled={busy !== null} onChange={(v) => set('kind', v)} />
            {form.kind ? <Text className='mfield__hint'>{KIND_HINT[form.kind]}</Text> : null}
          </Field>

          <Field id={fieldId('title')}>
            <FieldHead label={MEETING_LIMITS.title.label} error={errors.title} />
            <Input
              className={errors.title ? 'minput minput--error' : 'minput'}
              value={form.title}
              maxlength={MEETING_LIMITS.title.max}
              placeholder='如：市政府与市总工会2027年度联席会议'
              placeholderClass='mfield__placeholder'
              focus={focus === 'title'}
              disabled={busy !== null}
              onInput={(e) => set('title', e.detail.value)}
            />
            <View className='mfield__foot'>
              <Text className='mfield__hint mfield__hint--inline'>{`${MEETING_LIMITS.title.min}–${MEETING_LIMITS.title.max} 个字`}</Text>
              {counter('title')}
            </View>
          </Field>

          <Field id={fieldId('date')}>
            <FieldHead label='计划召开时间' error={errors.date ?? errors.time ?? errors.plannedAt} />
            <View className='mreq__when'>
              <View className='mreq__date'>
                <PickerField
                  mode='date'
                  value={form.date}
                  start={today}
                  label='会议日期'
                  placeholder='选择日期'
                  error={Boolean(errors.date || errors.plannedAt)}
                  disabled={busy !== null}
                  onChange={(v) => set('date', v)}
                />
              </View>
              <View className='mreq__time' id={fieldId('time')}>
                <PickerField
                  mode='time'
                  value={form.time}
                  label='会议时间'
                  placeholder='选择时间'
                  error={Boolean(errors.time || errors.plannedAt)}
                  disabled={busy !== null}
                  onChange={(v) => set('time', v)}
                />
              </View>
            </View>
            <Text className='mfield__hint'>北京时间。例会一般在会前两个月提请，以便启动议题征集。</Text>
          </Field>

          <Field id={fieldId('place')}>
            <FieldHead label={MEETING_LIMITS.place.label} error={errors.place} required={false} />
            <Input
              className={errors.place ? 'minput minput--error' : 'minput'}
              value={form.place}
              maxlength={MEETING_LIMITS.place.max}
              placeholder='如：市政府第一会议室'
              placeholderClass='mfield__placeholder'
              focus={focus === 'place'}
              disabled={busy !== null}
              onInput={(e) => set('place', e.detail.value)}
            />
            <View className='mfield__foot'>
              <Text className='mfield__hint mfield__hint--inline'>可暂不填写，由政府办公室确定后调整</Text>
              {counter('place')}
            </View>
          </Field>

          <Field id={fieldId('reason')}>
            <FieldHead label='提请理由' error={errors.reason} />
            <Textarea
              className={errors.reason ? 'mreq__textarea mreq__textarea--error' : 'mreq__textarea'}
              value={form.reason}
              maxlength={MEETING_LIMITS.reason.max}
              placeholder='请写明提请召开会议的理由和拟研究的主要事项'
              placeholderClass='mfield__placeholder'
              focus={focus === 'reason'}
              disabled={busy !== null}
              onInput={(e) => set('reason', e.detail.value)}
            />
            <View className='mfield__foot'>
              <Text className='mfield__hint mfield__hint--inline'>{`${MEETING_LIMITS.reason.min}–${MEETING_LIMITS.reason.max} 个字`}</Text>
              {counter('reason')}
            </View>
          </Field>
        </View>

        <Refusal text={refusal} />

        <View className='mreq__buttons'>
          <Btn kind='primary' block busy={busy === 'send'} busyText='提交中…' onClick={() => void submit()}>
            提请召开
          </Btn>
        </View>
      </View>
    </PageShell>
  );
}
