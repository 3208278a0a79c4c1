// Submit a topic for a meeting (?meetingId=), or edit one (?id=): Art. 3 category, Art. 6 side,
// background, research and request. What was typed is never lost when the server says no.
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { TopicView } from '../../../../domain/schemas/topic';
import { TOPIC_CATEGORIES, TOPIC_CATEGORY_LABEL, type TopicCategory } from '../../../../domain/workflows/topic';
import Btn from '../../../components/Btn';
import Skeleton from '../../../components/Skeleton';
import StateView from '../../../components/StateView';
import { useBusy } from '../../../hooks/useBusy';
import { useWrite } from '../../../hooks/useWrite';
import { type ActionInput, type ApiError, call, toApiError } from '../../../services/api';
import { redirectIfSignedOut } from '../../../utils/auth';
import { cleanText, fieldErrorsOf, textLength } from '../../../utils/form';
import { ROUTES, pageUrl, queryValue } from '../../../utils/nav';
import {
  LEAD_OPTIONS,
  SIDE_OPTIONS,
  TOPIC_LIMITS,
  type OneSide,
  type TextField,
  type TopicSide,
  topicLengthError,
} from '../../../utils/topic';
import './index.css';

interface Form {
  category: TopicCategory | '';
  side: TopicSide | '';
  leadSide: OneSide | '';
  title: string;
  background: string;
  research: string;
  request: string;
}

type FormKey = keyof Form;
type Errors = Partial<Record<FormKey, string>>;

const EMPTY: Form = { category: '', side: '', leadSide: '', title: '', background: '', research: '', request: '' };
const TEXT_FIELDS: TextField[] = ['title', 'background', 'research', 'request'];

const HINTS: Record<TextField, string> = {
  title: '一句话概括要解决的问题，如“关于……的议题”',
  background: '问题的由来、涉及哪些职工群体、目前的状况和影响（深入调研）',
  research: '调研了哪些单位和人员、掌握了哪些数据、听取了哪些意见（广泛论证）',
  request: '希望会议研究解决的具体事项，以及需要对方支持的措施和分工',
};

const PLACEHOLDERS: Record<TextField, string> = {
  title: '请输入议题标题',
  background: '请写明背景情况',
  research: '请写明调研论证情况',
  request: '请写明建议与请求',
};

const SIDE_HINT =
  '政府方议题由有关部门提出，经政府办公室汇总；工会方议题（含职工代表提出的）由总工会办公室收集；联合议题由承担主要工作的一方办理。';

type Load = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; topic: TopicView | null } | { kind: 'missing' };

function formOf(t: TopicView): Form {
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

function validate(form: Form, editing: boolean): Errors {
  const errors: Errors = {};
  if (!form.category) errors.category = '请选择议题类别';
  if (!editing) {
    if (!form.side) errors.side = '请选择提出方';
    else if (form.side === 'joint' && !form.leadSide) errors.leadSide = '请选择承担主要工作的一方';
  }
  for (const f of TEXT_FIELDS) {
    const problem = topicLengthError(f, form[f]);
    if (problem) errors[f] = problem;
  }
  return errors;
}

type Changes = Omit<ActionInput<'topic.update'>, 'id'>;

/** The fields an edit changes: compared as the server stores text, sent as typed (trimmed). */
function changes(form: Form, original: TopicView): Changes {
  const out: Changes = {};
  if (form.category && form.category !== original.category) out.category = form.category;
  for (const f of TEXT_FIELDS) {
    if (cleanText(form[f]) !== cleanText(original[f])) out[f] = form[f].trim();
  }
  return out;
}

/** A new topic as the contract takes it; null while the form lacks a choice (validate says which). */
function submission(form: Form, meetingId: string): ActionInput<'topic.submit'> | null {
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

export default function SubmitTopic() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'meetingId');
  const topicId = queryValue(params, 'id');
  const meetingTitleParam = queryValue(params, 'meetingTitle');
  const editing = topicId !== '';

  const [load, setLoad] = useState<Load>(editing ? { kind: 'loading' } : meetingId ? { kind: 'ready', topic: null } : { kind: 'missing' });
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, run } = useBusy<'submit' | 'save' | 'resubmit'>();
  // A retry of the same content after a lost answer goes under the same key: one topic.
  const write = useWrite();

  const fetchTopic = useCallback(async () => {
    if (!editing) return;
    setLoad({ kind: 'loading' });
    try {
      const topic = await call('topic.get', { id: topicId });
      setForm(formOf(topic));
      setLoad({ kind: 'ready', topic });
    } catch (e) {
      const error = toApiError(e);
      if (!redirectIfSignedOut(error)) setLoad({ kind: 'error', error });
    }
  }, [editing, topicId]);

  useEffect(() => {
    void fetchTopic();
  }, [fetchTopic]);

  const set = <K extends FormKey>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  };

  const showRefusal = (error: ApiError) => {
    const fieldErrors = fieldErrorsOf(error.details);
    if (Object.keys(fieldErrors).length > 0) setErrors((e) => ({ ...e, ...fieldErrors }));
    setRefusal(error.message);
    void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
  };

  const goToDetail = (id: string) => {
    const pages = Taro.getCurrentPages();
    const previous = pages.length > 1 ? pages[pages.length - 2] : undefined;
    // An edit opened from the topic's page goes back to it (the page reloads when shown).
    if (editing && previous?.route && `/${previous.route.replace(/^\//, '')}` === ROUTES.detail) {
      void Taro.navigateBack();
      return;
    }
    void Taro.redirectTo({ url: pageUrl(ROUTES.detail, { id }) });
  };

  const check = (): boolean => {
    const found = validate(form, editing);
    setErrors(found);
    if (Object.keys(found).length === 0) return true;
    setRefusal(null);
    void Taro.showToast({ title: '请按提示修改后再提交', icon: 'none' });
    return false;
  };

  const submitNew = () =>
    run('submit', async () => {
      if (!check()) return;
      const payload = submission(form, meetingId);
      if (!payload) return;
      setRefusal(null);
      try {
        const topic = await write('topic.submit', payload);
        void Taro.showToast({ title: '议题已提交', icon: 'success' });
        goToDetail(topic.id);
      } catch (e) {
        const error = toApiError(e);
        // The sides a person may propose for are the server's to say (e.g. 您不能提交政府方议题):
        // such a refusal is shown at the side picker too.
        if (error.code === 'forbidden' && SIDE_OPTIONS.some((o) => error.message.includes(o.label))) {
          setErrors((prev) => ({ ...prev, side: error.message }));
        }
        showRefusal(error);
      }
    });

  const save = (thenResubmit: boolean) =>
    run(thenResubmit ? 'resubmit' : 'save', async () => {
      if (load.kind !== 'ready' || !load.topic) return;
      if (!check()) return;
      setRefusal(null);
      let topic = load.topic;
      const changed = changes(form, topic);
      if (Object.keys(changed).length === 0 && !thenResubmit) {
        void Taro.showToast({ title: '没有需要修改的内容', icon: 'none' });
        return;
      }
      try {
        if (Object.keys(changed).length > 0) {
          topic = await write('topic.update', { id: topic.id, ...changed });
          setLoad({ kind: 'ready', topic });
        }
      } catch (e) {
        showRefusal(toApiError(e));
        return;
      }
      if (thenResubmit) {
        try {
          topic = await write('topic.resubmit', { id: topic.id });
        } catch (e) {
          const error = toApiError(e);
          setRefusal(`修改已保存，但重新提交未成功：${error.message}`);
          void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
          return;
        }
      }
      void Taro.showToast({ title: thenResubmit ? '已重新提交' : '修改已保存', icon: 'success' });
      goToDetail(topic.id);
    });

  if (load.kind === 'missing') {
    return (
      <Shell>
        <StateView kind='notice' title='缺少会议信息' message='请从首页的议题征集中进入提交页面' actionText='返回首页' onAction={() => void Taro.reLaunch({ url: ROUTES.home })} />
      </Shell>
    );
  }
  if (load.kind === 'loading') {
    return (
      <Shell>
        <Text className='sr-only'>加载中…</Text>
        <Skeleton lines={[50, 90]} />
        <Skeleton lines={[100, 100, 80]} />
      </Shell>
    );
  }
  if (load.kind === 'error') {
    return (
      <Shell>
        <StateView kind='error' message={load.error.message} actionText='重试' onAction={() => void fetchTopic()} />
      </Shell>
    );
  }

  const original = load.topic;
  if (original && !original.allowedActions.includes('update')) {
    return (
      <Shell>
        <StateView
          kind='notice'
          title='该议题当前不能修改'
          message={`议题状态为「${original.statusLabel}」，只有待审核或已退回的议题可以修改`}
          actionText='查看议题'
          onAction={() => void Taro.redirectTo({ url: pageUrl(ROUTES.detail, { id: original.id }) })}
        />
      </Shell>
    );
  }

  const meetingTitle = original?.meetingTitle ?? meetingTitleParam;
  const canResubmit = original?.allowedActions.includes('resubmit') ?? false;

  return (
    <Shell>
      <View className='card submit-intro'>
        <Text className='submit-intro__title'>{original ? '修改议题' : '提交议题'}</Text>
        {meetingTitle ? <Text className='submit-intro__meeting'>{meetingTitle}</Text> : null}
        <Text className='submit-intro__hint'>
          议题应经过深入调研、广泛论证，写明背景情况、调研论证和建议请求。提交后由办公室审核，采纳后列入议题清单。
        </Text>
      </View>

      {original?.status === 'returned' && original.returnReason ? (
        <View className='answer submit-answer'>
          <Text className='answer__label'>退回理由</Text>
          <Text className='answer__text'>{original.returnReason}</Text>
        </View>
      ) : null}

      <View className='card'>
        <FieldHead label='议题类别' error={errors.category} />
        <Text className='field__hint'>按《工作规则》第三条选择议题所属类别</Text>
        <View className='field__options' role='radiogroup' aria-label='议题类别'>
          {TOPIC_CATEGORIES.map((c) => (
            <View
              key={c}
              className={form.category === c ? 'choice choice--on' : 'choice'}
              role='radio'
              aria-checked={form.category === c}
              onClick={() => !busy && set('category', c)}
            >
              <View className='choice__radio' />
              <View className='choice__main'>
                <Text className='choice__title'>{TOPIC_CATEGORY_LABEL[c]}</Text>
              </View>
            </View>
          ))}
        </View>
      </View>

      <View className='card'>
        <FieldHead label='提出方' error={errors.side} required={!original} />
        {original ? (
          <Text className='field__static'>{original.sideLabel}</Text>
        ) : (
          <Segmented options={SIDE_OPTIONS} value={form.side} disabled={Boolean(busy)} label='提出方' onChange={(v) => set('side', v)} />
        )}
        <Text className='field__hint'>{original ? '提出方提交后不能修改；如需更改请撤回后重新提交' : SIDE_HINT}</Text>
        {!original && form.side === 'joint' ? (
          <View className='field__sub'>
            <FieldHead label='承担主要工作的一方' error={errors.leadSide} />
            <Segmented options={LEAD_OPTIONS} value={form.leadSide} disabled={Boolean(busy)} label='承担主要工作的一方' onChange={(v) => set('leadSide', v)} />
            <Text className='field__hint'>联合议题经由承担主要工作一方的办公室汇总审核</Text>
          </View>
        ) : null}
      </View>

      <View className='card'>
        {TEXT_FIELDS.map((f) => (
          <View key={f} className='field'>
            <FieldHead label={TOPIC_LIMITS[f].label} error={errors[f]} />
            {f === 'title' ? (
              <Input
                className={errors[f] ? 'field__input field__input--error' : 'field__input'}
                value={form[f]}
                maxlength={TOPIC_LIMITS[f].max}
                placeholder={PLACEHOLDERS[f]}
                placeholderClass='field__placeholder'
                disabled={Boolean(busy)}
                onInput={(e) => set(f, e.detail.value)}
              />
            ) : (
              <Textarea
                className={errors[f] ? 'field__textarea field__textarea--error' : 'field__textarea'}
                value={form[f]}
                maxlength={TOPIC_LIMITS[f].max}
                placeholder={PLACEHOLDERS[f]}
                placeholderClass='field__placeholder'
                disabled={Boolean(busy)}
                onInput={(e) => set(f, e.detail.value)}
              />
            )}
            <View className='field__foot'>
              <Text className='field__hint field__hint--inline'>{HINTS[f]}</Text>
              <Text className={counterClass(form[f], f)}>
                {textLength(form[f])}/{TOPIC_LIMITS[f].max}
              </Text>
            </View>
          </View>
        ))}
      </View>

      {refusal ? (
        <View className='notice notice--error' role='alert'>
          <Text className='notice__text'>{refusal}</Text>
        </View>
      ) : null}

      <View className='submit-buttons'>
        {original ? (
          <>
            <Btn kind={canResubmit ? 'outline' : 'primary'} block busy={busy === 'save'} busyText='保存中…' disabled={busy !== null} onClick={() => void save(false)}>
              保存修改
            </Btn>
            {canResubmit ? (
              <Btn kind='primary' block busy={busy === 'resubmit'} busyText='提交中…' disabled={busy !== null} onClick={() => void save(true)}>
                保存并重新提交
              </Btn>
            ) : null}
          </>
        ) : (
          <Btn kind='primary' block busy={busy === 'submit'} busyText='提交中…' onClick={() => void submitNew()}>
            提交议题
          </Btn>
        )}
      </View>
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <View className='submit'>
      <View className='page-container'>{children}</View>
    </View>
  );
}

function FieldHead({ label, error, required = true }: { label: string; error?: string; required?: boolean }) {
  return (
    <View className='field__head'>
      <Text className='field__label'>
        {label}
        {required ? <Text className='field__required'> *</Text> : null}
      </Text>
      {error ? <Text className='field__error'>{error}</Text> : null}
    </View>
  );
}

function counterClass(value: string, field: TextField): string {
  const n = textLength(value);
  const { min, max } = TOPIC_LIMITS[field];
  return n > 0 && (n < min || n > max) ? 'field__counter field__counter--short' : 'field__counter';
}

function Segmented<V extends string>({
  options,
  value,
  disabled,
  label,
  onChange,
}: {
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V | '';
  disabled: boolean;
  label: string;
  onChange: (v: V) => void;
}) {
  return (
    <View className='segmented' role='radiogroup' aria-label={label}>
      {options.map((o) => (
        <View
          key={o.value}
          className={value === o.value ? 'segmented__item segmented__item--on' : 'segmented__item'}
          role='radio'
          aria-checked={value === o.value}
          onClick={() => !disabled && onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}
