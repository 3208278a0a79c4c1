// Placeholder while the page is being built (issue #9).
import { View } from '@tarojs/components';

export default function Page() {
  return <View>页面建设中</View>;
}
