// Issue #19: the office's day — the work queue the server counts (account.home `work`), first on
// the home of offices, convenors and leaders. Each row says what waits and opens the list that
// shows exactly those items (utils/workbench.ts), one per meeting when two collect at once.
import { Text, View } from '@tarojs/components';
import type { HomeView } from '../../../domain/schemas/account';
import Tap from '../../components/Tap';
import { openWork } from '../../utils/workbench';

const MARK: Record<HomeView['work'][number]['kind'], string> = {
  screen: '审',
  opinions: '议',
  accept: '提',
  openCollection: '征',
  issueNotice: '通',
  replies: '复',
  issueMinutes: '纪',
  approveMinutes: '核',
  approvePress: '宣',
  verify: '验',
  deadlines: '期',
  overdue: '督',
};

export default function WorkQueue({ work }: { work: HomeView['work'] }) {
  if (work.length === 0) return null;
  const total = work.reduce((n, w) => n + w.count, 0);
  return (
    <View className='card work' id='home-work' role='region' aria-label='今日待办'>
      <View className='card__head'>
        <Text className='card__title'>今日待办</Text>
        <Text className='card__more'>共 {total} 项</Text>
      </View>
      {work.map((w) => (
        <Tap key={`${w.kind}-${w.meetingId ?? ''}`} role='link' className='entry' hoverClass='entry--hover' onTap={() => openWork(w)}>
          <Text className='entry__mark' aria-hidden='true'>
            {MARK[w.kind]}
          </Text>
          <View className='entry__main'>
            <Text className='entry__title'>{w.label}</Text>
          </View>
          <Text className='entry__badge' aria-hidden='true'>
            {w.count > 99 ? '99+' : w.count}
          </Text>
          <Text className='entry__go' aria-hidden='true'>
            ›
          </Text>
        </Tap>
      ))}
    </View>
  );
}
