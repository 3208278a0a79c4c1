// A meeting as an invitee sees it: reply, calendar, agenda, presiding, place (issue #8). Placeholder until the page is built.
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View className='page'>
      <Text>会议详情</Text>
    </View>
  );
}
