// 我的 / 设置: who I am, 长辈版, sign out (issue #7). Placeholder until the page is built.
import { Text, View } from '@tarojs/components';

export default function Settings() {
  return (
    <View className='page'>
      <Text>我的</Text>
    </View>
  );
}
