// One task of the implementation checklist (Art. 11), `?id=`: its light and countdown, the decided
// item it carries out, the unit and person responsible, the history (progress, explanations,
// send-backs, completion, verification) and the evidence (opened through task.evidence). The
// buttons are exactly the server's allowedActions:
// - the owner reports progress (报告进展) and marks the task done with the big tick (标记完成: a
//   sheet with 完成情况 and evidence files, uploaded as they are picked, useEvidence.ts);
// - the owner or the keeping office explains an unfinished task — 未完成原因, 下步意见, 新的完成时限
//   — for the next meeting's first agenda section (Art. 3 (1)); a new deadline there is a request
//   the keeping office decides (issue #16);
// - the deadline (DeadlineCard.tsx, issue #16): its history, 申请延期 for the owner, 同意 / 不同意 and
//   调整期限 for the keeping office;
// - the keeping office verifies (核验办结, asked first) or sends it back with a reason (退回).
// The parts: HeadCard (head and status notice), EvidenceCard (完成情况), History (办理记录),
// ExplainCard, DeadlineCard, TaskSheets with useTaskSheets (drafts kept on the page, the writes).
// Every write goes through the page kit (kit/useAction): one at a time, under its idempotency key,
// the answer shown as it came, a refusal that says the task moved on re-read quietly.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { EvidenceView } from '../../../../domain/schemas/task';
import Btn from '../../../components/Btn';
import PageShell from '../../../kit/PageShell';
// The parts' shared components, loaded here in the order the other pages load them — after
// Skeleton and StateView (PageShell), before the task kit's CSS (one CSS order in WeChat's common.wxss)
import '../../../components/Dialog';
import '../../../components/Tap';
import '../../../components/ChaseButton';
import { useRecordPage } from '../../../hooks/useRecordPage';
import { useAction } from '../../../kit/useAction';
import { call } from '../../../services/api';
import { askConsent, usePrimeConsent } from '../../../services/subscribe';
import { openEvidence } from '../../../services/upload';
import { queryValue } from '../../../utils/nav';
import { missingTaskId } from '../mine/kit';
import DeadlineCard from './DeadlineCard';
import EvidenceCard from './EvidenceCard';
import ExplainCard from './ExplainCard';
import HeadCard, { StatusNotice } from './HeadCard';
import History from './History';
import TaskSheets from './TaskSheets';
import { type TaskAct, useTaskSheets } from './useTaskSheets';
import './index.css';

export default function TaskDetail() {
  const { params } = useRouter();
  const id = queryValue(params, 'id') || queryValue(params, 'taskId');
  const fetchTask = useCallback(() => call('task.get', { taskId: id }), [id]);
  const record = useRecordPage(id ? fetchTask : null, missingTaskId);
  const { state } = record;
  const kit = useAction<TaskAct>(record.reload);
  const { busy } = kit;
  const sheets = useTaskSheets(kit, record.set);
  usePrimeConsent(state.kind === 'ready' && state.value.allowedActions.some((a) => a === 'complete' || a === 'report'));

  if (state.kind !== 'ready') return <PageShell className='tdetail' state={state} skeleton={[[90, 50, 70], [100, 100, 60], [40, 80]]} onRetry={() => void record.reload()} />;

  const t = state.value;
  const allowed = (a: string) => t.allowedActions.includes(a);
  const canVerify = allowed('verify');
  const canSendBack = allowed('sendBack');
  const bar = canVerify || canSendBack;

  const openFile = (f: EvidenceView) =>
    kit.act('evidence', async () => openEvidence(await call('task.evidence', { taskId: t.id, fileId: f.fileId }), f.contentType), { refresh: false });

  return (
    <PageShell className='tdetail'>
      <View className={bar ? 'page-container page--with-bar' : 'page-container'}>
        <HeadCard task={t} onMovedOn={() => void record.reload(true)} />
        <StatusNotice task={t} />

        {allowed('complete') ? (
          <View className='card tdetail__done'>
            <Text className='tdetail__done-hint'>落实完成后，提交完成情况和证明材料，由{t.keeperLabel}核验办结。</Text>
            <Btn
              kind='primary'
              block
              className='tdetail__tick'
              label='标记完成'
              disabled={busy !== null}
              onClick={() => {
                // issue #10: due soon, overdue, the next task given — asked in the tap, the sheet opens whatever the answer
                void askConsent('task');
                sheets.open('complete');
              }}
            >
              <Text className='tdetail__tick-mark' aria-hidden='true'>
                ✓
              </Text>
              <Text>标记完成</Text>
            </Btn>
          </View>
        ) : null}

        {t.completion ? <EvidenceCard completion={t.completion} onOpen={(f) => void openFile(f)} /> : null}

        <DeadlineCard task={t} busy={busy} act={kit.act} onSaved={record.set} />

        <View className='card'>
          <View className='card__head'>
            <Text className='card__title'>办理记录</Text>
          </View>
          <History task={t} />
          {allowed('report') ? (
            <View className='tdetail__card-action'>
              <Btn
                kind='outline'
                block
                disabled={busy !== null}
                onClick={() => {
                  void askConsent('task');
                  sheets.open('report');
                }}
              >
                报告进展
              </Btn>
            </View>
          ) : null}
        </View>

        {allowed('explain') || t.explanations.length > 0 ? (
          <ExplainCard task={t} canExplain={allowed('explain')} disabled={busy !== null} onExplain={() => sheets.open('explain')} />
        ) : null}
      </View>

      {bar ? (
        <View className='action-bar'>
          <View className='action-bar__inner'>
            {canSendBack ? (
              <Btn kind='outline' disabled={busy !== null} onClick={() => sheets.open('sendBack')}>
                退回
              </Btn>
            ) : null}
            {canVerify ? (
              <Btn kind='primary' busy={busy === 'verify'} busyText='核验中…' disabled={busy !== null} onClick={() => sheets.verify(t)}>
                核验办结
              </Btn>
            ) : null}
          </View>
        </View>
      ) : null}

      <TaskSheets task={t} s={sheets} busy={busy} />
    </PageShell>
  );
}
