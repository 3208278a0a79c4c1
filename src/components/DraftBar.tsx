// Issue #19: the 恢复草稿 bar — a draft kept on this device from before, offered back, never applied unasked.
import { Text, View } from '@tarojs/components';
import { formatDateTimeCN } from '../utils/date';
import Btn from './Btn';

export default function DraftBar({ savedAt, onRestore, onDiscard }: { savedAt: string; onRestore: () => void; onDiscard: () => void }) {
  return (
    <View className='notice notice--warn draft-bar' role='region' aria-label='未提交的草稿'>
      <Text className='notice__title'>有一份未提交的草稿</Text>
      <Text className='notice__text'>保存于 {formatDateTimeCN(savedAt)}，仅存在本设备上。</Text>
      <View className='btn-row'>
        <Btn small onClick={onDiscard}>
          放弃草稿
        </Btn>
        <Btn small kind='primary' onClick={onRestore}>
          恢复草稿
        </Btn>
      </View>
    </View>
  );
}
