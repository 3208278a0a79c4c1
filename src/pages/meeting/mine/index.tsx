// My invitations, unanswered first (issue #8). Placeholder until the page is built.
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View className='page'>
      <Text>我的会议</Text>
    </View>
  );
}
