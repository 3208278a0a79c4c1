// The two sides' confirmations (Art. 6) and the list's counts, on the confirmation page.
import { Text, View } from '@tarojs/components';
import type { SideConfirmation } from '../../../../../domain/schemas/topic';
import { formatDateTimeShortCN } from '../../../../utils/date';

export function SideCard({ label, confirmation }: { label: string; confirmation: SideConfirmation | null }) {
  return (
    <View className={confirmation ? 'side side--done' : 'side'}>
      <Text className='side__label'>{label}</Text>
      <Text className='side__state'>{confirmation ? '已确认' : '待确认'}</Text>
      {confirmation ? (
        <View>
          <Text className='side__who'>{confirmation.byName}</Text>
          <Text className='side__time'>{formatDateTimeShortCN(confirmation.at)}</Text>
          <Text className='side__count'>确认清单 {confirmation.topicCount} 项</Text>
        </View>
      ) : (
        <Text className='side__who side__who--pending'>等待本方召集人确认</Text>
      )}
    </View>
  );
}

export function Count({ label, value, warn }: { label: string; value: number; warn?: boolean }) {
  return (
    <View className='count'>
      <Text className={warn && value > 0 ? 'count__value count__value--warn' : 'count__value'}>{value}</Text>
      <Text className='count__label'>{label}</Text>
    </View>
  );
}
