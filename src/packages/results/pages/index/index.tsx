// Issue #23 (Art. 3 (1), Art. 11): 落实情况 of one meeting — each decided item in the minutes'
// order with done / total and its tasks' lights, for the invitees, the proposers of its topics and
// the offices (meeting.results; the next meeting's agenda section 1 shows the same figures).
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import PageShell from '../../../../kit/PageShell';
import StateView from '../../../../components/StateView';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { ApiError, call } from '../../../../services/api';
import { formatDateCN } from '../../../../utils/date';
import { queryValue } from '../../../../utils/nav';
import '../../../../pages/task/mine/kit.css';
import YearSummary from './YearSummary';
import './index.css';

export default function Results() {
  const meetingId = queryValue(useRouter().params, 'meetingId');
  const fetch = useCallback(() => call('meeting.results', { meetingId }), [meetingId]);
  const record = useRecordPage(meetingId ? fetch : null, () => new ApiError('not_found', '链接缺少会议编号'));
  const { state } = record;
  if (state.kind !== 'ready') return <PageShell className='results' state={state} onRetry={meetingId ? () => void record.reload() : undefined} />;
  const r = state.value;
  return (
    <PageShell className='results'>
      <View className='page-container'>
        <View className='card'>
          <Text className='results__title'>{r.meetingTitle}</Text>
          <Text className='results__meta'>{[r.heldAt ? `${formatDateCN(r.heldAt)}召开` : '', r.docNumber ?? ''].filter(Boolean).join(' · ')}</Text>
          <Text className='results__total'>
            共 {r.items.length} 项议定事项，落实任务 {r.totals.total} 项：已办结 {r.totals.done}，逾期 {r.totals.red}，临期 {r.totals.yellow}，正常 {r.totals.green}
          </Text>
        </View>
        {r.allowedActions.includes('meeting.resultsYear') ? <YearSummary orgId={r.orgId} year={r.year} /> : null}
        {!r.issued ? <StateView kind='empty' title='会议纪要尚未印发' message='纪要印发后显示议定事项的落实情况' /> : null}
        {r.items.map((d) => (
          <View key={d.decisionId} className='card results__item' role='group' aria-label={`议定事项${d.n}`}>
            <View className='results__head'>
              <Text className='results__name'>{d.n}. {d.title}</Text>
              <Text className='results__figure'>{d.done}/{d.total}</Text>
            </View>
            <View className='results__bar' aria-hidden>
              <View className='results__fill' style={{ width: `${d.total ? Math.round((d.done / d.total) * 100) : 0}%` }} />
            </View>
            {d.tasks.length === 0 ? <Text className='results__none'>尚未分解落实任务</Text> : null}
            {d.tasks.map((t) => (
              <View key={t.id} className='results__task'>
                <View className={`tk-light tk-light--${t.light}`}>
                  <View className='tk-light__dot' />
                  <Text className='tk-light__label'>{t.lightLabel}</Text>
                </View>
                <View className='results__taskbody'>
                  <Text className='results__taskname'>{t.title}</Text>
                  <Text className='results__taskmeta'>{t.unit} · 时限 {t.deadline} · {t.statusLabel}</Text>
                </View>
              </View>
            ))}
          </View>
        ))}
      </View>
    </PageShell>
  );
}
