// Submit a topic for a meeting (?meetingId=), or edit one (?id=): Art. 3 category, Art. 6 side,
// background, research and request. What was typed is never lost when the server says no.
// Only the sides the person may propose for are offered (account.me `proposal`); the first error
// is scrolled into view and focused; over-long text is refused with a message, never cut.
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { MeView } from '../../../../domain/schemas/account';
import type { TopicView } from '../../../../domain/schemas/topic';
import { TOPIC_CATEGORIES, TOPIC_CATEGORY_LABEL, type TopicCategory } from '../../../../domain/workflows/topic';
import Btn from '../../../components/Btn';
import PageShell from '../../../components/PageShell';
import { LoadStates } from '../../../kit/PageShell';
import StateView from '../../../components/StateView';
import { useBusy } from '../../../hooks/useBusy';
import { useLocalDraft } from '../../../hooks/useLocalDraft';
import { useWrite } from '../../../hooks/useWrite';
import DraftBar from '../../../components/DraftBar';
import { type ActionInput, type ApiError, call, toApiError } from '../../../services/api';
import { askConsent, usePrimeConsent } from '../../../services/subscribe';
import { redirectIfSignedOut } from '../../../utils/auth';
import { toast } from '../../../utils/feedback';
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
type Proposal = MeView['proposal'];

/** The order fields appear on the page: the first of them with an error is shown and focused. */
const FIELD_ORDER: FormKey[] = ['category', 'side', 'leadSide', 'title', 'background', 'research', 'request'];

/**
 * No cutting of what is typed or pasted: the count and the message say when it is too long.
 * -1 is "no limit" in WeChat; a browser refuses a negative maxLength, so H5 gets a bound far above
 * every limit.
 */
const NO_CUT = process.env.TARO_ENV === 'h5' ? 100000 : -1;

/** A choice group the browser can focus from script (not by Tab) when it holds the first error. */
const FOCUS_TARGET: Record<string, unknown> = process.env.TARO_ENV === 'h5' ? { tabIndex: -1 } : {};

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

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'ready'; topic: TopicView; proposal: null }
  | { kind: 'ready'; topic: null; proposal: Proposal }
  | { kind: 'missing' };

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

function validate(form: Form, proposal: Proposal | null): Errors {
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
function overLimit(field: TextField, value: string): string | null {
  const n = textLength(value);
  const { max } = TOPIC_LIMITS[field];
  return n > max ? `${topicLengthError(field, value) ?? ''}，已超出 ${n - max} 个字，请删减` : null;
}

/** A new form's side and lead side, chosen already when the person has only one to choose. */
function preset(proposal: Proposal): Pick<Form, 'side' | 'leadSide'> {
  const side = proposal.sides.length === 1 ? proposal.sides[0] : '';
  const leadSide = side === 'joint' && proposal.leadSides.length === 1 ? proposal.leadSides[0] : '';
  return { side, leadSide };
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

/** Whether two forms hold the same content (a draft differs from what the form would show). */
function sameForm(a: Form, b: Form): boolean {
  return FIELD_ORDER.every((k) => a[k] === b[k]);
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

  const [load, setLoad] = useState<Load>(editing || meetingId ? { kind: 'loading' } : { kind: 'missing' });
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  // WeChat focuses a textarea through its `focus` property; the browser through the element.
  const [focused, setFocused] = useState<TextField | null>(null);
  const reveal = useRef<FormKey | null>(null);
  const { busy, run } = useBusy<'submit' | 'save' | 'resubmit'>();
  // A retry of the same content after a lost answer goes under the same key: one topic.
  const write = useWrite();
  usePrimeConsent(load.kind === 'ready');
  // issue #19: the form kept on the device per topic (an edit: only its proposer edits it) or per
  // person and meeting (a new one), offered back after a reload
  const [draftKey, setDraftKey] = useState<string | null>(null);
  const [base, setBase] = useState<Form | null>(null);
  const draft = useLocalDraft(draftKey, form, base, sameForm);

  // Editing: the topic. A new topic: the sides this person may propose for (Art. 6).
  const fetchForm = useCallback(async () => {
    if (!editing && !meetingId) return;
    setLoad({ kind: 'loading' });
    try {
      if (editing) {
        const topic = await call('topic.get', { id: topicId });
        setForm(formOf(topic));
        setBase(formOf(topic));
        setDraftKey(`topic_edit_${topicId}`);
        setLoad({ kind: 'ready', topic, proposal: null });
      } else {
        const { proposal, person } = await call('account.me', {});
        setForm((f) => (f.side ? f : { ...f, ...preset(proposal) }));
        setBase({ ...EMPTY, ...preset(proposal) });
        setDraftKey(`topic_new_${person.id}_${meetingId}`);
        setLoad({ kind: 'ready', topic: null, proposal });
      }
    } catch (e) {
      const error = toApiError(e);
      if (!redirectIfSignedOut(error)) setLoad({ kind: 'error', error });
    }
  }, [editing, meetingId, topicId]);

  useEffect(() => {
    void fetchForm();
  }, [fetchForm]);

  // WeChat draws its own bar from the page config (提交议题); an edit says what it is.
  useEffect(() => {
    if (editing && process.env.TARO_ENV !== 'h5') void Taro.setNavigationBarTitle({ title: '修改议题' }).catch(() => undefined);
  }, [editing]);

  // After the errors are on screen, bring the first into view and give it the focus.
  useEffect(() => {
    const key = reveal.current;
    if (!key) return;
    reveal.current = null;
    revealField(key, setFocused);
  }, [errors]);

  const set = <K extends FormKey>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  };

  /** Show these errors; the first of them (in page order) is scrolled to and focused. */
  const showErrors = (found: Errors) => {
    setErrors(found);
    reveal.current = FIELD_ORDER.find((k) => found[k]) ?? null;
  };

  const showRefusal = (error: ApiError) => {
    const fieldErrors: Errors = {};
    for (const [k, message] of Object.entries(fieldErrorsOf(error.details))) {
      if ((FIELD_ORDER as string[]).includes(k)) fieldErrors[k as FormKey] = message;
    }
    if (Object.keys(fieldErrors).length > 0) showErrors({ ...errors, ...fieldErrors });
    setRefusal(error.message);
    toast(error.message);
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
    const found = validate(form, load.kind === 'ready' ? load.proposal : null);
    showErrors(found);
    if (Object.keys(found).length === 0) return true;
    // No toast: the page goes to the first error, which says what to change.
    setRefusal(null);
    return false;
  };

  const submitNew = () =>
    run('submit', async () => {
      if (!check()) return;
      const payload = submission(form, meetingId);
      if (!payload) return;
      // issue #10: the screening result, asked in the tap of a topic that goes out; it goes out whatever the answer
      void askConsent('submitTopic');
      setRefusal(null);
      try {
        const topic = await write('topic.submit', payload);
        draft.clear();
        toast('议题已提交', 'success');
        goToDetail(topic.id);
      } catch (e) {
        const error = toApiError(e);
        // The sides a person may propose for are the server's to say (e.g. 您不能提交政府方议题):
        // such a refusal is shown at the side picker too.
        if (error.code === 'forbidden' && SIDE_OPTIONS.some((o) => error.message.includes(o.label))) {
          showErrors({ ...errors, side: error.message });
        }
        showRefusal(error);
      }
    });

  const save = (thenResubmit: boolean) =>
    run(thenResubmit ? 'resubmit' : 'save', async () => {
      if (load.kind !== 'ready' || !load.topic) return;
      if (!check()) return;
      if (thenResubmit) void askConsent('submitTopic');
      setRefusal(null);
      let topic = load.topic;
      const changed = changes(form, topic);
      if (Object.keys(changed).length === 0 && !thenResubmit) {
        toast('没有需要修改的内容');
        return;
      }
      try {
        if (Object.keys(changed).length > 0) {
          topic = await write('topic.update', { id: topic.id, ...changed });
          setLoad({ kind: 'ready', topic, proposal: null });
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
          toast(error.message);
          return;
        }
      }
      draft.clear();
      toast(thenResubmit ? '已重新提交' : '修改已保存', 'success');
      goToDetail(topic.id);
    });

  if (load.kind === 'missing') {
    return (
      <Shell>
        <StateView kind='notice' title='缺少会议信息' message='请从首页的议题征集中进入提交页面' actionText='返回首页' onAction={() => void Taro.reLaunch({ url: ROUTES.home })} />
      </Shell>
    );
  }
  if (load.kind === 'loading' || load.kind === 'error') {
    return (
      <Shell>
        <LoadStates state={load} skeleton={[[50, 90], [100, 100, 80]]} onRetry={() => void fetchForm()} />
      </Shell>
    );
  }

  const original = load.topic;
  const proposal = load.proposal;
  if (proposal && proposal.sides.length === 0) {
    return (
      <Shell>
        <StateView
          kind='notice'
          title='您不能提交议题'
          message='按《工作规则》第六条，议题由政府有关部门、工会有关部门和职工代表提出'
          actionText='返回首页'
          onAction={() => void Taro.reLaunch({ url: ROUTES.home })}
        />
      </Shell>
    );
  }
  const sideOptions = proposal ? SIDE_OPTIONS.filter((o) => proposal.sides.includes(o.value)) : [];
  const leadOptions = proposal ? LEAD_OPTIONS.filter((o) => proposal.leadSides.includes(o.value)) : [];
  // A joint topic whose lead this person can only be one side: that side, chosen already.
  const chooseSide = (side: TopicSide) => {
    set('side', side);
    set('leadSide', side === 'joint' && leadOptions.length === 1 ? leadOptions[0].value : '');
  };
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

      {draft.offer ? (
        <DraftBar
          savedAt={draft.offer.savedAt}
          onDiscard={draft.discard}
          onRestore={() => {
            const kept = draft.restore();
            if (kept) setForm(kept);
          }}
        />
      ) : null}

      {original?.status === 'returned' && original.returnReason ? (
        <View className='answer submit-answer'>
          <Text className='answer__label'>退回理由</Text>
          <Text className='answer__text'>{original.returnReason}</Text>
        </View>
      ) : null}

      <View className='card' id='field-category'>
        <FieldHead field='category' label='议题类别' error={errors.category} />
        <Text className='field__hint'>按《工作规则》第三条选择议题所属类别</Text>
        <View
          className='field__options'
          role='radiogroup'
          aria-label='议题类别'
          aria-describedby={errors.category ? 'error-category' : undefined}
          aria-invalid={errors.category ? true : undefined}
          {...FOCUS_TARGET}
        >
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

      <View className='card' id='field-side'>
        <FieldHead field='side' label='提出方' error={errors.side} required={!original} />
        {original ? (
          <Text className='field__static'>{original.sideLabel}</Text>
        ) : (
          <Segmented field='side' options={sideOptions} value={form.side} disabled={Boolean(busy)} label='提出方' error={errors.side} onChange={chooseSide} />
        )}
        <Text className='field__hint'>{original ? '提出方提交后不能修改；如需更改请撤回后重新提交' : SIDE_HINT}</Text>
        {!original && form.side === 'joint' ? (
          <View className='field__sub' id='field-leadSide'>
            <FieldHead field='leadSide' label='承担主要工作的一方' error={errors.leadSide} />
            <Segmented
              field='leadSide'
              options={leadOptions}
              value={form.leadSide}
              disabled={Boolean(busy)}
              label='承担主要工作的一方'
              error={errors.leadSide}
              onChange={(v) => set('leadSide', v)}
            />
            <Text className='field__hint'>
              {leadOptions.length === 1 ? `您提出的联合议题由${leadOptions[0].label}承担主要工作，经其办公室汇总审核` : '联合议题经由承担主要工作一方的办公室汇总审核'}
            </Text>
          </View>
        ) : null}
      </View>

      <View className='card'>
        {TEXT_FIELDS.map((f) => {
          const over = overLimit(f, form[f]);
          const error = over ?? errors[f];
          const describedBy = [error ? `error-${f}` : '', `hint-${f}`, `count-${f}`].filter(Boolean).join(' ');
          return (
            <View key={f} className='field' id={`field-${f}`}>
              <FieldHead field={f} label={TOPIC_LIMITS[f].label} error={error ?? undefined} />
              <Textarea
                className={[
                  'field__textarea',
                  f === 'title' ? 'field__textarea--title' : '',
                  error ? 'field__textarea--error' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                value={form[f]}
                maxlength={NO_CUT}
                autoHeight={f === 'title'}
                focus={focused === f}
                placeholder={PLACEHOLDERS[f]}
                placeholderClass='field__placeholder'
                disabled={Boolean(busy)}
                confirmType={f === 'title' ? 'done' : undefined}
                nativeProps={{
                  id: `input-${f}`,
                  'aria-label': TOPIC_LIMITS[f].label,
                  'aria-required': 'true',
                  'aria-invalid': error ? 'true' : 'false',
                  'aria-describedby': describedBy,
                }}
                onBlur={() => setFocused((x) => (x === f ? null : x))}
                // A title is one line of text, however long: line breaks are not kept.
                onInput={(e) => set(f, f === 'title' ? e.detail.value.replace(/[\r\n]+/g, '') : e.detail.value)}
              />
              <View className='field__foot'>
                <Text className='field__hint field__hint--inline' id={`hint-${f}`}>
                  {HINTS[f]}
                </Text>
                <Text className={counterClass(form[f], f)} id={`count-${f}`}>
                  {textLength(form[f])}/{TOPIC_LIMITS[f].max}
                  <Text className='sr-only'>字</Text>
                </Text>
              </View>
            </View>
          );
        })}
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
  const { params } = useRouter();
  return (
    <PageShell className='submit' title={params.id ? '修改议题' : '提交议题'}>
      <View className='page-container'>{children}</View>
    </PageShell>
  );
}

function FieldHead({ field, label, error, required = true }: { field: FormKey; label: string; error?: string; required?: boolean }) {
  return (
    <View className='field__head'>
      <Text className='field__label'>
        {label}
        {required ? (
          <Text className='field__required' aria-label='必填'>
            {' '}
            *
          </Text>
        ) : null}
      </Text>
      {/* Announced as it appears, e.g. too long while typing. */}
      <View className='field__error-slot' aria-live='polite'>
        {error ? (
          <Text className='field__error' id={`error-${field}`}>
            {error}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

/** WeChat: scroll the page to the field and focus its textarea. Browser: the same through the DOM. */
function revealField(key: FormKey, focusInWeChat: (f: TextField | null) => void): void {
  const text = (TEXT_FIELDS as string[]).includes(key) ? (key as TextField) : null;
  if (process.env.TARO_ENV === 'h5') {
    // After this render has reached the DOM.
    setTimeout(() => {
      const box = document.getElementById(`field-${key}`);
      if (!box) return;
      box.scrollIntoView({ block: 'center', behavior: 'smooth' });
      const target = text ? document.getElementById(`input-${text}`) : box.querySelector<HTMLElement>('[role="radiogroup"]');
      target?.focus({ preventScroll: true });
    }, 0);
    return;
  }
  void Taro.pageScrollTo({ selector: `#field-${key}`, offsetTop: -16, duration: 300 }).catch(() => undefined);
  focusInWeChat(text);
}

function counterClass(value: string, field: TextField): string {
  const n = textLength(value);
  const { min, max } = TOPIC_LIMITS[field];
  return n > 0 && (n < min || n > max) ? 'field__counter field__counter--bad' : 'field__counter';
}

function Segmented<V extends string>({
  field,
  options,
  value,
  disabled,
  label,
  error,
  onChange,
}: {
  field: FormKey;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V | '';
  disabled: boolean;
  label: string;
  error?: string;
  onChange: (v: V) => void;
}) {
  return (
    <View
      className='segmented'
      role='radiogroup'
      aria-label={label}
      aria-describedby={error ? `error-${field}` : undefined}
      aria-invalid={error ? true : undefined}
      {...FOCUS_TARGET}
    >
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
