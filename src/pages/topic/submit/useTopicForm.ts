// The topic form's state and its writes. Editing (?id=) loads the topic; a new topic (?meetingId=)
// loads the sides this person may propose for (account.me `proposal`, Art. 6). The form is kept on
// the device (hooks/useLocalDraft) per topic or per person and meeting and offered back after a
// reload or 返回; it is dropped only once sent. The writes go through the page kit (kit/useAction):
// one at a time, a retry of the same content under the same idempotency key (one topic). A refusal
// keeps the form: said at the fields it names, above the buttons and in a toast; the page is not
// re-read (a re-read would replace what was typed; the success goes on to the topic's page).
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TopicView } from '../../../../domain/schemas/topic';
import { useLocalDraft } from '../../../hooks/useLocalDraft';
import { useAction } from '../../../kit/useAction';
import { type ApiError, call, toApiError } from '../../../services/api';
import { askConsent, usePrimeConsent } from '../../../services/subscribe';
import { redirectIfSignedOut } from '../../../utils/auth';
import { toast } from '../../../utils/feedback';
import { fieldErrorsOf } from '../../../utils/form';
import { ROUTES, pageUrl, queryValue } from '../../../utils/nav';
import { SIDE_OPTIONS, type TextField } from '../../../utils/topic';
import { EMPTY, type Errors, FIELD_ORDER, type Form, type FormKey, type Proposal, changes, formOf, preset, sameForm, submission, validate } from './form';
import { revealField } from './fields';

export type Load =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'ready'; topic: TopicView; proposal: null }
  | { kind: 'ready'; topic: null; proposal: Proposal }
  | { kind: 'missing' };

export type TopicAct = 'submit' | 'save' | 'resubmit';

export function useTopicForm() {
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
  const kit = useAction<TopicAct>();
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

  /** A refusal: at the fields it names and above the buttons (the kit says it in a toast). */
  const showRefusal = (error: ApiError) => {
    const fieldErrors: Errors = {};
    for (const [k, message] of Object.entries(fieldErrorsOf(error.details))) {
      if ((FIELD_ORDER as string[]).includes(k)) fieldErrors[k as FormKey] = message;
    }
    if (Object.keys(fieldErrors).length > 0) showErrors({ ...errors, ...fieldErrors });
    setRefusal(error.message);
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

  /** Sent: the kept draft goes, the toast says so, the topic's page opens. */
  const sent = (topic: TopicView | null, done: string) => {
    if (!topic) return;
    draft.clear();
    toast(done, 'success');
    goToDetail(topic.id);
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
    kit.act(
      'submit',
      async (write) => {
        if (!check()) return null;
        const payload = submission(form, meetingId);
        if (!payload) return null;
        // issue #10: the screening result, asked in the tap of a topic that goes out; it goes out whatever the answer
        void askConsent('submitTopic');
        setRefusal(null);
        return write('topic.submit', payload);
      },
      {
        apply: (topic) => sent(topic, '议题已提交'),
        onError: (error) => {
          // The sides a person may propose for are the server's to say (e.g. 您不能提交政府方议题):
          // such a refusal is shown at the side picker too.
          if (error.code === 'forbidden' && SIDE_OPTIONS.some((o) => error.message.includes(o.label))) {
            showErrors({ ...errors, side: error.message });
          }
          showRefusal(error);
        },
      },
    );

  /** 保存修改, or 保存并重新提交: the changes first (when there are any), then the resubmission. */
  const save = (thenResubmit: boolean) => {
    let saved = false;
    return kit.act(
      thenResubmit ? 'resubmit' : 'save',
      async (write) => {
        if (load.kind !== 'ready' || !load.topic) return null;
        if (!check()) return null;
        if (thenResubmit) void askConsent('submitTopic');
        setRefusal(null);
        let topic = load.topic;
        const changed = changes(form, topic);
        if (Object.keys(changed).length === 0 && !thenResubmit) {
          toast('没有需要修改的内容');
          return null;
        }
        if (Object.keys(changed).length > 0) {
          topic = await write('topic.update', { id: topic.id, ...changed });
          setLoad({ kind: 'ready', topic, proposal: null });
        }
        saved = true;
        return thenResubmit ? write('topic.resubmit', { id: topic.id }) : topic;
      },
      {
        apply: (topic) => sent(topic, thenResubmit ? '已重新提交' : '修改已保存'),
        onError: (error) => {
          if (saved) setRefusal(`修改已保存，但重新提交未成功：${error.message}`);
          else showRefusal(error);
        },
      },
    );
  };

  return {
    editing,
    meetingTitleParam,
    load,
    fetchForm,
    form,
    setForm,
    set,
    errors,
    refusal,
    focused,
    setFocused,
    draft,
    busy: kit.busy,
    submitNew,
    save,
  };
}
