// The live board of the door screen and the console (issue #22): per side, how many are invited,
// have replied, are present or on leave, and the names still missing in protocol order.
import { Text, View } from '@tarojs/components';
import type { BoardView } from '../../../../../domain/schemas/meeting';
import Skeleton from '../../../../components/Skeleton';

export default function BoardCard({ board }: { board: BoardView | null }) {
  if (!board) {
    return (
      <View className='door__board card'>
        <Skeleton lines={[60, 100, 100]} />
      </View>
    );
  }
  const present = board.sides.reduce((n, s) => n + s.present, 0);
  const invited = board.sides.reduce((n, s) => n + s.invited, 0);
  return (
    <View className='door__board card' aria-live='polite'>
      <View className='card__head'>
        <Text className='card__title'>签到情况</Text>
        <Text className='door__total'>
          已到 {present} / 应到 {invited}
        </Text>
      </View>
      {board.sides.map((s) => (
        <View key={s.side} className='door__side'>
          <View className='door__side-head'>
            <Text className='door__side-label'>{s.label}</Text>
            <Text className='door__side-counts'>
              应到 {s.invited} · 已回复 {s.replied} · 已到 {s.present} · 请假 {s.leave} · 未到 {s.missing.length}
            </Text>
          </View>
          {s.missing.length ? (
            <View className='door__missing' role='list' aria-label={`${s.label}未到人员`}>
              {s.missing.map((p) => (
                <View key={p.personId} className='door__person' role='listitem'>
                  <Text>{p.name}</Text>
                  <Text className='door__person-post'>
                    {p.unit}
                    {p.title}
                  </Text>
                </View>
              ))}
            </View>
          ) : (
            <Text className='door__all'>已全部到齐</Text>
          )}
        </View>
      ))}
    </View>
  );
}
