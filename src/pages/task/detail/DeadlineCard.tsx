// The deadline of one task (issue #16, Art. 3 (1), Art. 11): the keeper decides. Everyone who sees
// the task sees the deadline in force, every deadline it had (who set it, how, why) and the
// requests for a new one with their outcome. The buttons are the server's allowedActions:
// - the responsible person asks for a later deadline with the reason (申请延期: date + reason);
//   until the keeping office approves, the old deadline, its light and its reminders stand;
// - the keeping office approves (同意) or refuses (不同意, with the reason) the request waiting,
//   or sets a new deadline itself (调整期限: date + reason), told to the person.
// One write at a time, shared with the page (its kit's `act`, 同意 asked first); what is typed stays
// until its write succeeds.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { DEADLINE_LIMITS } from '../../../../domain/deadline-limits';
import type { DeadlineRequestView, TaskView } from '../../../../domain/schemas/task';
import Btn from '../../../components/Btn';
import Dialog from '../../../components/Dialog';
import type { Write } from '../../../hooks/useWrite';
import type { ActOptions, Confirm } from '../../../kit/useAction';
import { formatDateTimeShortCN } from '../../../utils/date';
import { lengthError } from '../../../utils/form';
import { DateField, TextField, deadlineCN, refusalFields, todayCN } from '../mine/kit';

export type DeadlineAct = 'requestDeadline' | 'approveDeadline' | 'refuseDeadline' | 'setDeadline';
type Sheet = null | 'request' | 'refuse' | 'set';

interface Drafts {
  newDeadline: string;
  reason: string;
  refusal: string;
  deadline: string;
  setReason: string;
}
const EMPTY: Drafts = { newDeadline: '', reason: '', refusal: '', deadline: '', setReason: '' };

/** Fields each sheet shows, where a refusal naming one of them is said. */
const SHOWN: Record<Exclude<Sheet, null>, string[]> = { request: ['newDeadline', 'reason'], refuse: ['reason'], set: ['deadline', 'reason'] };

export default function DeadlineCard({
  task: t,
  busy,
  act: run,
  onSaved,
}: {
  task: TaskView;
  busy: string | null;
  /** the page's write routine (kit/useAction): one write at a time, refreshed by the kit's rule */
  act: <R>(key: DeadlineAct, fn: (w: Write) => Promise<R>, opts?: ActOptions<R>) => Promise<R | undefined>;
  onSaved: (t: TaskView) => void;
}) {
  const [sheet, setSheet] = useState<Sheet>(null);
  const [drafts, setDrafts] = useState<Drafts>(EMPTY);
  const [touched, setTouched] = useState(false);
  const [sheetError, setSheetError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const allowed = (a: string) => t.allowedActions.includes(a);
  const today = todayCN();
  const pending: DeadlineRequestView | null = t.deadlineRequests[0]?.state === 'pending' ? t.deadlineRequests[0] : null;
  const decided = t.deadlineRequests.filter((r) => r.state !== 'pending');
  const draft = (key: keyof Drafts) => (v: string) => setDrafts((d) => ({ ...d, [key]: v }));

  const open = (s: Exclude<Sheet, null>) => {
    if (busy) return;
    setSheetError(null);
    setFieldErrors({});
    setTouched(false);
    setSheet(s);
  };
  const close = () => {
    if (!busy) setSheet(null);
  };

  /** One write: the answer replaces the task; a refusal is said at its field, else above the buttons (or as a toast). */
  const act = (name: DeadlineAct, fn: (w: Write) => Promise<TaskView>, done: string, clear: Array<keyof Drafts>, confirm?: Confirm) => {
    setSheetError(null);
    setFieldErrors({});
    return run(name, fn, {
      confirm,
      done,
      apply: (task) => {
        onSaved(task);
        setDrafts((d) => ({ ...d, ...Object.fromEntries(clear.map((k) => [k, EMPTY[k]])) }));
        setSheet(null);
      },
      onError: (error) => {
        const fields = refusalFields(error);
        setFieldErrors(fields);
        const atField = sheet !== null && Object.keys(fields).some((f) => SHOWN[sheet].includes(f));
        if (!atField) setSheetError(error.message);
        return sheet !== null;
      },
    });
  };

  const requestErrors = {
    newDeadline: !drafts.newDeadline
      ? '请选择申请的完成时限'
      : drafts.newDeadline < today
        ? '新的完成时限不能早于今天'
        : drafts.newDeadline <= t.deadline
          ? `申请的新时限须晚于现行完成时限（${deadlineCN(t.deadline)}）`
          : null,
    reason: lengthError(DEADLINE_LIMITS.reason, drafts.reason),
  };
  const submitRequest = () => {
    setTouched(true);
    if (requestErrors.newDeadline || requestErrors.reason) return;
    void act(
      'requestDeadline',
      (w) => w('task.requestDeadline', { taskId: t.id, newDeadline: drafts.newDeadline, reason: drafts.reason.trim() }),
      '延期申请已提交，等待审批',
      ['newDeadline', 'reason'],
    );
  };

  const approve = () => {
    if (!pending) return;
    const confirm = {
      title: '同意延期',
      content: `同意将「${t.title}」的完成时限由 ${deadlineCN(pending.oldDeadline)} 延至 ${deadlineCN(pending.newDeadline)}？同意后提醒按新时限发送，并通知${t.ownerName}。`,
      confirmText: '同意',
    };
    void act('approveDeadline', (w) => w('task.decideDeadline', { taskId: t.id, approve: true }), '已同意延期', [], confirm);
  };

  const refuseError = lengthError(DEADLINE_LIMITS.decision, drafts.refusal);
  const submitRefuse = () => {
    setTouched(true);
    if (refuseError) return;
    void act('refuseDeadline', (w) => w('task.decideDeadline', { taskId: t.id, approve: false, reason: drafts.refusal.trim() }), '已不同意延期，原时限不变', ['refusal']);
  };

  const setErrors = {
    deadline: !drafts.deadline
      ? '请选择新的完成时限'
      : drafts.deadline < today
        ? '完成时限不能早于今天'
        : drafts.deadline === t.deadline
          ? `完成时限已是 ${deadlineCN(t.deadline)}`
          : null,
    reason: lengthError(DEADLINE_LIMITS.setReason, drafts.setReason),
  };
  const submitSet = () => {
    setTouched(true);
    if (setErrors.deadline || setErrors.reason) return;
    void act('setDeadline', (w) => w('task.setDeadline', { taskId: t.id, deadline: drafts.deadline, reason: drafts.setReason.trim() }), '完成时限已调整', ['deadline', 'setReason']);
  };

  /** The error of a field: the server's, else (after a try) the form's own. */
  const err = (field: string, own: string | null) => fieldErrors[field] ?? (touched ? own : null);
  const canRequest = allowed('requestDeadline');
  const canDecide = allowed('decideDeadline');
  const canSet = allowed('setDeadline');

  return (
    <View className='card tdeadline'>
      <View className='card__head'>
        <Text className='card__title'>完成时限</Text>
        {pending ? <Text className='tag tag--submitted'>延期申请待审批</Text> : null}
      </View>
      <Text className='tdeadline__now'>现行完成时限：{deadlineCN(t.deadline)}</Text>
      <Text className='tdetail__hint'>完成时限由{t.keeperLabel}确定。责任单位如需延期，说明理由提出申请；同意前原时限、督办灯和提醒不变。</Text>

      {pending ? (
        <View className='tdeadline__pending' role='status'>
          <Text className='tdeadline__pending-title'>
            {pending.byName} 申请将完成时限由 {deadlineCN(pending.oldDeadline)} 延至 {deadlineCN(pending.newDeadline)}
          </Text>
          <Text className='tdeadline__line'>理由：{pending.reason}</Text>
          <Text className='tdeadline__meta'>
            {formatDateTimeShortCN(pending.at)} 提出 · 等待{t.keeperLabel}审批
          </Text>
          {canDecide ? (
            <View className='tdeadline__decide'>
              <Btn kind='outline' disabled={busy !== null} onClick={() => open('refuse')}>
                不同意
              </Btn>
              <Btn kind='primary' busy={busy === 'approveDeadline'} busyText='提交中…' disabled={busy !== null} onClick={approve}>
                同意延期
              </Btn>
            </View>
          ) : null}
        </View>
      ) : null}

      {decided.length ? (
        <View className='tdeadline__requests'>
          <Text className='tdetail__sub'>延期申请</Text>
          {decided.map((r, i) => (
            <View key={`${r.at}-${i}`} className={r.state === 'approved' ? 'tdeadline__request tdeadline__request--approved' : 'tdeadline__request tdeadline__request--refused'}>
              <View className='tdeadline__request-head'>
                <Text className={r.state === 'approved' ? 'tag tag--accepted' : 'tag tag--returned'}>{r.stateLabel}</Text>
                <Text className='tdeadline__request-title'>
                  申请延至 {deadlineCN(r.newDeadline)}（{r.byName}，{formatDateTimeShortCN(r.at)}）
                </Text>
              </View>
              <Text className='tdeadline__line'>理由：{r.reason}</Text>
              {r.decidedByName ? (
                <Text className='tdeadline__meta'>
                  {r.decidedByName} {r.decidedAt ? formatDateTimeShortCN(r.decidedAt) : ''} {r.state === 'approved' ? '同意' : '不同意'}
                  {r.decision ? `：${r.decision}` : ''}
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}

      <View className='tdeadline__history'>
        <Text className='tdetail__sub'>期限记录</Text>
        {t.deadlines.map((d, i) => (
          <View key={`${d.setAt}-${i}`} className={i === t.deadlines.length - 1 ? 'tdeadline__entry tdeadline__entry--now' : 'tdeadline__entry'}>
            <Text className='tdeadline__entry-date'>
              {deadlineCN(d.deadline)}
              {i === t.deadlines.length - 1 ? '（现行）' : ''}
            </Text>
            <Text className='tdeadline__meta'>
              {d.howLabel} · {d.byName} · {formatDateTimeShortCN(d.setAt)}
            </Text>
            {d.reason ? <Text className='tdeadline__line'>理由：{d.reason}</Text> : null}
          </View>
        ))}
      </View>

      {canRequest || canSet ? (
        <View className='tdetail__card-action tdeadline__actions'>
          {canRequest ? (
            <Btn kind='outline' block disabled={busy !== null} onClick={() => open('request')}>
              申请延期
            </Btn>
          ) : null}
          {canSet ? (
            <Btn kind='outline' block disabled={busy !== null} onClick={() => open('set')}>
              调整期限
            </Btn>
          ) : null}
        </View>
      ) : null}

      {sheet === 'request' ? (
        <Dialog
          title='申请延期'
          subtitle={`说明理由，由${t.keeperLabel}审批；同意前完成时限仍为 ${deadlineCN(t.deadline)}。`}
          confirmText='提交申请'
          busy={busy === 'requestDeadline'}
          error={sheetError}
          onCancel={close}
          onConfirm={submitRequest}
        >
          <DateField
            label='申请的完成时限'
            value={drafts.newDeadline}
            start={t.deadline >= today ? t.deadline : today}
            error={err('newDeadline', requestErrors.newDeadline)}
            disabled={busy === 'requestDeadline'}
            onChange={draft('newDeadline')}
          />
          <TextField
            limit={DEADLINE_LIMITS.reason}
            value={drafts.reason}
            placeholder='请说明不能按期完成的原因和下一步安排'
            error={err('reason', requestErrors.reason)}
            disabled={busy === 'requestDeadline'}
            short
            onInput={draft('reason')}
          />
        </Dialog>
      ) : null}

      {sheet === 'refuse' && pending ? (
        <Dialog
          title='不同意延期'
          subtitle={`完成时限仍为 ${deadlineCN(t.deadline)}，${t.ownerName}将收到通知和理由。`}
          confirmText='确认不同意'
          busy={busy === 'refuseDeadline'}
          error={sheetError}
          onCancel={close}
          onConfirm={submitRefuse}
        >
          <TextField
            limit={DEADLINE_LIMITS.decision}
            value={drafts.refusal}
            placeholder='请写明不同意的理由'
            error={err('reason', refuseError)}
            disabled={busy === 'refuseDeadline'}
            short
            onInput={draft('refusal')}
          />
        </Dialog>
      ) : null}

      {sheet === 'set' ? (
        <Dialog
          title='调整期限'
          subtitle={`调整后提醒按新时限发送，并通知${t.ownerName}。现行完成时限：${deadlineCN(t.deadline)}。`}
          confirmText='确认调整'
          busy={busy === 'setDeadline'}
          error={sheetError}
          onCancel={close}
          onConfirm={submitSet}
        >
          <DateField
            label='新的完成时限'
            value={drafts.deadline}
            start={today}
            error={err('deadline', setErrors.deadline)}
            disabled={busy === 'setDeadline'}
            onChange={draft('deadline')}
          />
          <TextField
            limit={DEADLINE_LIMITS.setReason}
            value={drafts.setReason}
            placeholder='请写明调整的理由'
            error={err('reason', setErrors.reason)}
            disabled={busy === 'setDeadline'}
            short
            onInput={draft('setReason')}
          />
        </Dialog>
      ) : null}
    </View>
  );
}
