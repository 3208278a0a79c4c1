// The four sheets of a task: 标记完成 (完成情况 and evidence), 报告进展, 说明未完成原因 (a later
// date is a deadline request the keeping office decides, issue #16) and 退回继续落实. Their state
// and writes are the page's (useTaskSheets); only the open one is drawn.
import { Text } from '@tarojs/components';
import { TASK_LIMITS } from '../../../../domain/limits';
import type { TaskView } from '../../../../domain/schemas/task';
import Dialog from '../../../components/Dialog';
import { lengthError } from '../../../utils/form';
import { DateField, TextField, deadlineCN } from '../mine/kit';
import EvidencePicker from './EvidencePicker';
import { COMPLETE_LIMIT, REPORT_LIMIT, type TaskAct, type TaskSheets as Sheets, explainCheck } from './useTaskSheets';

export default function TaskSheets({ task: t, s, busy }: { task: TaskView; s: Sheets; busy: TaskAct | null }) {
  const { drafts, draft, err } = s;

  if (s.sheet === 'complete') {
    return (
      <Dialog
        title='标记完成'
        subtitle={`提交后由${t.keeperLabel}核验办结。`}
        confirmText='提交完成情况'
        busy={busy === 'complete'}
        error={s.sheetError}
        onCancel={s.close}
        onConfirm={() => s.submitComplete(t)}
      >
        <TextField
          limit={COMPLETE_LIMIT}
          value={drafts.complete}
          placeholder='请写明落实的措施和取得的成效'
          error={err('text', lengthError(COMPLETE_LIMIT, drafts.complete))}
          disabled={busy === 'complete'}
          onInput={draft('complete')}
        />
        <EvidencePicker ev={s.evidence} ownerId={t.ownerId} error={s.fieldErrors.evidence} disabled={busy !== null} />
      </Dialog>
    );
  }

  if (s.sheet === 'report') {
    return (
      <Dialog title='报告进展' subtitle='报告落实进展，办公室和领导可随时查看。' confirmText='提交' busy={busy === 'report'} error={s.sheetError} onCancel={s.close} onConfirm={() => s.submitReport(t)}>
        <TextField
          limit={REPORT_LIMIT}
          value={drafts.report}
          placeholder='请写明目前的进展、下一步安排'
          error={err('text', lengthError(REPORT_LIMIT, drafts.report))}
          disabled={busy === 'report'}
          onInput={draft('report')}
        />
      </Dialog>
    );
  }

  if (s.sheet === 'explain') {
    const { errors, asksLater, today } = explainCheck(t, drafts);
    return (
      <Dialog
        title='说明未完成原因'
        subtitle='第三条第一项：说明原因、提出意见和新的完成时限，在下次联席会议上通报。'
        confirmText='提交说明'
        busy={busy === 'explain'}
        error={s.sheetError}
        onCancel={s.close}
        onConfirm={() => s.submitExplain(t)}
      >
        <TextField
          limit={TASK_LIMITS.explanation}
          value={drafts.explanation}
          placeholder='请说明未能按期完成的原因'
          error={err('explanation', errors.explanation)}
          disabled={busy === 'explain'}
          short
          onInput={draft('explanation')}
        />
        <TextField
          limit={TASK_LIMITS.opinion}
          value={drafts.opinion}
          placeholder='请提出下一步的落实意见'
          error={err('opinion', errors.opinion)}
          disabled={busy === 'explain'}
          short
          onInput={draft('opinion')}
        />
        <DateField
          label='新的完成时限'
          value={drafts.newDeadline}
          start={t.deadline >= today ? t.deadline : today}
          error={err('newDeadline', errors.newDeadline)}
          disabled={busy === 'explain'}
          onChange={draft('newDeadline')}
        />
        <Text className='tdetail__hint'>
          {asksLater
            ? `晚于现行完成时限（${deadlineCN(t.deadline)}），将作为延期申请提交${t.keeperLabel}审批；同意前原时限不变。`
            : `现行完成时限 ${deadlineCN(t.deadline)}；填写更晚的日期即为申请延期，由${t.keeperLabel}审批。`}
        </Text>
      </Dialog>
    );
  }

  if (s.sheet === 'sendBack') {
    return (
      <Dialog
        title='退回继续落实'
        subtitle={`退回后「${t.title}」回到落实中，${t.ownerName}将收到通知。`}
        confirmText='确认退回'
        busy={busy === 'sendBack'}
        error={s.sheetError}
        onCancel={s.close}
        onConfirm={() => s.submitSendBack(t)}
      >
        <TextField
          limit={TASK_LIMITS.reason}
          value={drafts.reason}
          placeholder='请写明退回理由和需要补充的内容'
          error={err('reason', lengthError(TASK_LIMITS.reason, drafts.reason))}
          disabled={busy === 'sendBack'}
          short
          onInput={draft('reason')}
        />
      </Dialog>
    );
  }

  return null;
}
