// The union side's request form (issue #8). Placeholder until the page is built.
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View className='page'>
      <Text>提请召开会议</Text>
    </View>
  );
}
