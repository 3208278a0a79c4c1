// 分解任务 (Art. 11): a decided item of the issued minutes becomes a task with a responsible person
// (and so a unit) and a deadline. The person is picked from the org's directory with the people
// picker (issue #19: only those this office may give a task, never an id typed); the server checks that they belong to the org and that this office may give them a task. What is
// typed is the page's (a failed call or a closed sheet keeps it); a refusal is said at its field.
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { TASK_LIMITS } from '../../../../../domain/limits';
import type { PersonCardView } from '../../../../../domain/schemas/people';
import type { DecisionView } from '../../../../../domain/schemas/minutes';
import Dialog from '../../../../components/Dialog';
import PeoplePicker from '../../../../components/PeoplePicker';
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

export default function AssignDialog({ decision, draft, onDraft, busy, errors, error, onSubmit, onCancel }: AssignDialogProps) {
  // issue #19: the person is chosen from the directory with the people picker (people.list
  // purpose 'assign' answers only those this office may give a task); no id is typed
  const [chosen, setChosen] = useState<PersonCardView | null>(null);
  const h5 = process.env.TARO_ENV === 'h5';
  const set = (patch: Partial<AssignDraft>) => onDraft({ ...draft, ...patch });

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
        <Text className='cl-assign__hint'>从本级人员名录中选择（按姓名、单位或职务搜索），只列出本办公室可以交办的人员。</Text>
        {chosen ? <Text className='cl-assign__hint'>已选：{chosen.name}（{[chosen.unit, chosen.title].filter(Boolean).join(' · ')}）</Text> : null}
        <PeoplePicker purpose='assign' multi={false} selected={new Set(draft.ownerId ? [draft.ownerId] : [])} disabled={busy} onToggle={(p) => {
          setChosen(p);
          set({ ownerId: p.id, typing: false, typedId: '' });
        }} />
      </View>

      <DateField label='完成时限' value={draft.deadline} start={todayCN()} error={errors.deadline} disabled={busy} onChange={(deadline) => set({ deadline })} />
    </Dialog>
  );
}
