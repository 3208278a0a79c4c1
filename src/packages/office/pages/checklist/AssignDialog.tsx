// 分解任务 (Art. 11): a decided item of the issued minutes becomes a task with a responsible person
// (and so a unit) and a deadline. There is no people directory in the API yet, so the person is
// picked from the meeting's attendance rows (meeting.attendance) or named by their person id; the
// server checks that they belong to the org and that this office may give them a task. What is
// typed is the page's (a failed call or a closed sheet keeps it); a refusal is said at its field.
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { TASK_LIMITS } from '../../../../../domain/limits';
import type { AttendanceRowView } from '../../../../../domain/schemas/meeting';
import type { DecisionView } from '../../../../../domain/schemas/minutes';
import Dialog from '../../../../components/Dialog';
import StateView from '../../../../components/StateView';
import { call, toApiError } from '../../../../services/api';
import { lengthError } from '../../../../utils/form';
import { DateField, FieldLabel, todayCN } from '../../../../pages/task/mine/kit';

export interface AssignDraft {
  title: string;
  /** a person from the attendance rows, or '' when typing an id */
  ownerId: string;
  /** typed person id (其他人员) */
  typedId: string;
  typing: boolean;
  deadline: string;
}

export const emptyAssignDraft = (d: Pick<DecisionView, 'title'>): AssignDraft => ({ title: d.title, ownerId: '', typedId: '', typing: false, deadline: '' });

/** The payload once the draft is complete; else the first problems by field. */
export function checkAssign(draft: AssignDraft, today: string): { ok: true; title: string; ownerId: string; deadline: string } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const titleError = lengthError(TASK_LIMITS.title, draft.title);
  if (titleError) errors.title = titleError;
  const ownerId = (draft.typing ? draft.typedId : draft.ownerId).trim();
  if (!ownerId) errors.ownerId = draft.typing ? '请输入责任人的人员编号' : '请选择责任人';
  if (!draft.deadline) errors.deadline = '请选择完成时限';
  else if (draft.deadline < today) errors.deadline = '完成时限不能早于今天';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, title: draft.title.trim(), ownerId, deadline: draft.deadline };
}

type Rows = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; rows: AttendanceRowView[] };

interface AssignDialogProps {
  meetingId: string;
  decision: DecisionView;
  draft: AssignDraft;
  onDraft: (d: AssignDraft) => void;
  busy: boolean;
  /** the form's own problems (after a try) and the server's, by field */
  errors: Record<string, string>;
  /** a refusal that names no field */
  error: string | null;
  onSubmit: () => void;
  onCancel: () => void;
}

export default function AssignDialog({ meetingId, decision, draft, onDraft, busy, errors, error, onSubmit, onCancel }: AssignDialogProps) {
  const [rows, setRows] = useState<Rows>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const h5 = process.env.TARO_ENV === 'h5';

  useEffect(() => {
    let live = true;
    setRows({ kind: 'loading' });
    call('meeting.attendance', { meetingId }).then(
      (a) => live && setRows({ kind: 'ready', rows: a.rows }),
      (e: unknown) => live && setRows({ kind: 'error', message: toApiError(e).message }),
    );
    return () => {
      live = false;
    };
  }, [meetingId, attempt]);

  const set = (patch: Partial<AssignDraft>) => onDraft({ ...draft, ...patch });
  const radio = (on: boolean): Record<string, unknown> => (h5 ? { role: 'radio', 'aria-checked': on, tabIndex: 0 } : { ariaRole: 'radio', ariaChecked: on });
  const people = rows.kind === 'ready' ? rows.rows : [];

  return (
    <Dialog
      title='分解任务'
      subtitle={`议定事项 ${decision.n}：${decision.title}。明确责任单位、责任人和完成时限，责任人将收到通知。`}
      confirmText='交办任务'
      busy={busy}
      error={error}
      onCancel={onCancel}
      onConfirm={onSubmit}
    >
      <View className='tk-field'>
        <FieldLabel label={TASK_LIMITS.title.label} error={errors.title} />
        <Input
          className={errors.title ? 'tk-input tk-input--error' : 'tk-input'}
          value={draft.title}
          maxlength={h5 ? 1000 : -1}
          placeholder='如：精简申领材料，开通网上申领'
          placeholderClass='tk-placeholder'
          disabled={busy}
          onInput={(e) => set({ title: e.detail.value })}
        />
      </View>

      <View className='tk-field'>
        <FieldLabel label='责任人' error={errors.ownerId} />
        <Text className='cl-assign__hint'>从本次会议的参会人员中选择；不在名单中的，输入其人员编号（可向管理员查询）。</Text>
        {rows.kind === 'loading' ? <StateView kind='loading' compact title='正在加载参会人员…' /> : null}
        {rows.kind === 'error' ? (
          <StateView kind='error' title={rows.message} actionText='重试' onAction={() => setAttempt((n) => n + 1)} exits={false} />
        ) : null}
        {rows.kind === 'ready' && people.length === 0 ? <Text className='cl-assign__hint'>本次会议没有参会人员名单，请输入责任人的人员编号。</Text> : null}
        <View role='radiogroup' aria-label='责任人'>
          {people.map((p) => {
            const on = !draft.typing && draft.ownerId === p.personId;
            return (
              <View key={p.personId} className={on ? 'choice choice--on' : 'choice'} {...radio(on)} onClick={() => !busy && set({ ownerId: p.personId, typing: false })}>
                <View className='choice__radio' />
                <View className='choice__main'>
                  <Text className='choice__title'>{p.name}</Text>
                  <Text className='choice__meta'>{[p.unit, p.title].filter(Boolean).join(' · ')}</Text>
                </View>
              </View>
            );
          })}
          <View className={draft.typing ? 'choice choice--on' : 'choice'} {...radio(draft.typing)} onClick={() => !busy && set({ typing: true })}>
            <View className='choice__radio' />
            <View className='choice__main'>
              <Text className='choice__title'>其他人员（输入人员编号）</Text>
            </View>
          </View>
        </View>
        {draft.typing ? (
          <Input
            className={errors.ownerId ? 'tk-input tk-input--error' : 'tk-input'}
            value={draft.typedId}
            maxlength={64}
            placeholder='人员编号，如：city-hrss'
            placeholderClass='tk-placeholder'
            disabled={busy}
            focus
            onInput={(e) => set({ typedId: e.detail.value })}
          />
        ) : null}
      </View>

      <DateField label='完成时限' value={draft.deadline} start={todayCN()} error={errors.deadline} disabled={busy} onChange={(deadline) => set({ deadline })} />
    </Dialog>
  );
}
