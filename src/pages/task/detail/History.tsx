// The task's 办理记录: everything done on it, newest first — progress, explanations, the deadline
// requests and the keeper's decisions (issue #16), send-backs, completion, verification.
import { Text, View } from '@tarojs/components';
import type { TaskView } from '../../../../domain/schemas/task';
import StateView from '../../../components/StateView';
import { formatDateTimeShortCN } from '../../../utils/date';
import { deadlineCN } from '../mine/kit';

interface Step {
  label: string;
  at: string;
  byName: string;
  note?: string;
}

/** Everything done on the task, newest first: progress, explanations, send-backs, completion, verification. */
function stepsOf(t: TaskView): Step[] {
  const steps: Step[] = [
    ...t.progress.map((p) => ({ label: '报告进展', at: p.at, byName: p.byName, note: p.text })),
    ...t.explanations.map((x) => ({
      label: '说明未完成原因',
      at: x.at,
      byName: x.byName,
      note: x.newDeadline === x.oldDeadline ? `完成时限 ${deadlineCN(x.newDeadline)}` : `提出新的完成时限 ${deadlineCN(x.newDeadline)}（原 ${deadlineCN(x.oldDeadline)}）`,
    })),
    // issue #16: the requests and the keeper's decisions, the deadlines the office set
    ...t.deadlineRequests.map((r) => ({ label: '申请延期', at: r.at, byName: r.byName, note: `申请延至 ${deadlineCN(r.newDeadline)}：${r.reason}` })),
    ...t.deadlineRequests.flatMap((r) =>
      r.decidedAt ? [{ label: r.state === 'approved' ? '同意延期' : '不同意延期', at: r.decidedAt, byName: r.decidedByName ?? t.keeperLabel, note: r.decision ?? undefined }] : [],
    ),
    ...t.deadlines.filter((d) => d.how === 'office').map((d) => ({ label: '调整期限', at: d.setAt, byName: d.byName, note: `调整为 ${deadlineCN(d.deadline)}：${d.reason ?? ''}` })),
    ...t.sendBacks.map((s) => ({ label: '退回继续落实', at: s.at, byName: s.byName, note: s.reason })),
    ...(t.completion ? [{ label: '标记完成', at: t.completion.at, byName: t.ownerName }] : []),
    ...(t.verifiedAt ? [{ label: '核验办结', at: t.verifiedAt, byName: t.verifiedByName ?? t.keeperLabel }] : []),
  ];
  return steps.sort((a, b) => b.at.localeCompare(a.at));
}

export default function History({ task }: { task: TaskView }) {
  const steps = stepsOf(task);
  if (steps.length === 0) return <StateView kind='empty' compact title='暂无办理记录' />;
  return (
    <View className='tdetail__timeline'>
      {steps.map((s, i) => (
        <View key={`${s.at}-${s.label}-${i}`} className={i === 0 ? 'tdetail__step tdetail__step--latest' : 'tdetail__step'}>
          <View className='tdetail__step-dot' aria-hidden='true' />
          <View className='tdetail__step-body'>
            <View className='tdetail__step-row'>
              <Text className='tdetail__step-label'>{s.label}</Text>
              <Text className='tdetail__step-time'>{formatDateTimeShortCN(s.at)}</Text>
            </View>
            <Text className='tdetail__step-by'>{s.byName}</Text>
            {s.note ? <Text className='tdetail__step-note'>{s.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
