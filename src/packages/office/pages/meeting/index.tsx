// The offices' meeting console (issue #8). Placeholder until the page is built.
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View className='page'>
      <Text>会议工作台</Text>
    </View>
  );
}
