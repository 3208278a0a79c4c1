// Issue #23, per org, a year view: the org's decided items of the meeting's year, shown on the
// results page only when meeting.results offers meeting.resultsYear (the server's permission row).
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { ResultsYearView } from '../../../../../domain/schemas/meeting';
import { call } from '../../../../services/api';

export default function YearSummary({ orgId, year }: { orgId: string; year: number }) {
  const [view, setView] = useState<ResultsYearView | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    call('meeting.resultsYear', { orgId, year })
      .then((v) => live && setView(v))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [orgId, year]);
  if (failed) return <View className='card results__year'><Text className='results__none'>年度落实情况暂时无法加载</Text></View>;
  if (!view) return null;
  const d = view.decisions;
  const t = view.tasks;
  return (
    <View className='card results__year' role='group' aria-label={`${view.orgName}${view.year}年度落实情况`}>
      <Text className='results__name'>{view.orgName} {view.year} 年度议定事项</Text>
      <View className='results__grid'>
        {([['议定事项', d.total], ['按期办结', d.doneOnTime], ['逾期办结', d.doneLate], ['在办', d.open], ['逾期未办结', d.overdue]] as const).map(([label, n]) => (
          <View key={label} className='results__cell'>
            <Text className={`results__num${label === '逾期未办结' && n > 0 ? ' results__num--red' : ''}`}>{n}</Text>
            <Text className='results__label'>{label}</Text>
          </View>
        ))}
      </View>
      <Text className='results__meta'>
        {view.meetingsWithMinutes} 次会议印发纪要{d.unassigned ? `，${d.unassigned} 项尚未分解任务` : ''}；任务 {t.total} 项：按期办结 {t.doneOnTime}，逾期办结 {t.doneLate}，在办 {t.open}，逾期 {t.overdue}
      </Text>
    </View>
  );
}
