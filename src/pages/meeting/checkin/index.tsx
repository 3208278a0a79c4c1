// Check-in at the door, kept on the phone while offline (issue #8). Placeholder until the page is built.
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View className='page'>
      <Text>会议签到</Text>
    </View>
  );
}
