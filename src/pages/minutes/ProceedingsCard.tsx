// 会议进程 (issue #22): the agenda items in the order and at the times they were taken up in the
// room (meeting.advanceAgenda), for the minutes' draft and its reviewers.
import { Text, View } from '@tarojs/components';
import type { MinutesView } from '../../../domain/schemas/minutes';
import { formatDateTimeShortCN } from '../../utils/date';

export default function ProceedingsCard({ v }: { v: MinutesView }) {
  if (!v.proceedings.length) return null;
  return (
    <View className='card' aria-label='会议进程'>
      <View className='card__head'>
        <Text className='card__title'>会议进程</Text>
        <Text className='card__more'>共 {v.proceedings.length} 项</Text>
      </View>
      <Text className='mmin-hint'>会议当天按以下顺序和时间进行（由主持人或总工会办公室在会场切换议程时记录），可据此撰写纪要。</Text>
      {v.proceedings.map((p, i) => (
        <View key={`${i}-${p.startedAt}`} className='matt__row'>
          <Text className='matt__name'>
            {i + 1}. {p.title}
          </Text>
          <Text className='matt__fact'>
            {p.sectionTitle} · {formatDateTimeShortCN(p.startedAt)} 开始
          </Text>
        </View>
      ))}
    </View>
  );
}
