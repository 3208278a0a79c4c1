// The head of one task: its light, status and countdown, the facts (unit, person, keeper, meeting),
// the decided item it carries out and 催办 for the office; below it the notice of where the task
// stands (待核验, 已办结, or the last send-back while it is back in progress).
import { Text, View } from '@tarojs/components';
import type { TaskView } from '../../../../domain/schemas/task';
import ChaseButton from '../../../components/ChaseButton';
import { formatDateTimeShortCN } from '../../../utils/date';
import { Countdown, Light, deadlineCN, needsExplaining } from '../mine/kit';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='tdetail__fact'>
      <Text className='tdetail__fact-label'>{label}</Text>
      <Text className='tdetail__fact-value'>{value}</Text>
    </View>
  );
}

export default function HeadCard({ task: t, onMovedOn }: { task: TaskView; onMovedOn: () => void }) {
  const pendingRequest = t.deadlineRequests[0]?.state === 'pending' ? t.deadlineRequests[0] : null;
  return (
    <View className='card tdetail__head'>
      <View className='tdetail__tags'>
        <Light light={t.light} label={t.lightLabel} large />
        <Text className={t.status === 'awaiting_verification' ? 'tag tag--merged' : t.status === 'done' ? 'tag tag--plain' : 'tag tag--submitted'}>{t.statusLabel}</Text>
        {needsExplaining(t) ? <Text className='tag tag--returned'>待说明</Text> : null}
      </View>
      <View className='tdetail__title' role='heading' aria-level={2}>
        {t.title}
      </View>
      <View className='tdetail__countdown'>
        <Countdown light={t.light} text={t.countdown} large />
        <Text className='tdetail__deadline'>完成时限：{deadlineCN(t.deadline)}</Text>
        {pendingRequest ? <Text className='tag tag--submitted'>延期申请待审批</Text> : null}
      </View>
      <View className='tdetail__facts'>
        <Fact label='责任单位' value={t.unit} />
        <Fact label='责任人' value={t.ownerName} />
        <Fact label='交办核验' value={t.keeperLabel} />
        <Fact label='会议' value={t.meetingTitle} />
      </View>
      <View className='tdetail__decision'>
        <Text className='tdetail__decision-label'>议定事项：{t.decisionTitle}</Text>
        <Text className='tdetail__decision-text'>{t.decisionText}</Text>
      </View>
      <ChaseButton subject='task' id={t.id} allowed={t.allowedActions} small text={`催办${t.ownerName}`} hint='提醒责任人尽快落实（同一任务每天一次）' onMovedOn={onMovedOn} />
    </View>
  );
}

/** Where the task stands, under its head: waiting for verification, verified, or sent back. */
export function StatusNotice({ task: t }: { task: TaskView }) {
  const lastSendBack = t.sendBacks.length ? t.sendBacks[t.sendBacks.length - 1] : null;
  if (t.status === 'awaiting_verification') {
    return (
      <View className='notice notice--info' role='status'>
        <Text className='notice__title'>已标记完成，等待核验</Text>
        <Text className='notice__text'>由{t.keeperLabel}核验办结；核验前可继续查看完成情况。</Text>
      </View>
    );
  }
  if (t.status === 'done') {
    return (
      <View className='notice notice--success' role='status'>
        <Text className='notice__title'>已核验办结</Text>
        {t.verifiedAt ? (
          <Text className='notice__text'>
            {t.verifiedByName} 于 {formatDateTimeShortCN(t.verifiedAt)} 核验
          </Text>
        ) : null}
      </View>
    );
  }
  if (t.status === 'in_progress' && lastSendBack) {
    return (
      <View className='answer tdetail__sendback'>
        <Text className='answer__label'>
          退回继续落实 · {lastSendBack.byName} {formatDateTimeShortCN(lastSendBack.at)}
        </Text>
        <Text className='answer__text'>{lastSendBack.reason}</Text>
      </View>
    );
  }
  return null;
}
