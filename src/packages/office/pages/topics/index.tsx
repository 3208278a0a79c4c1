// A collecting meeting's whole topic list for offices, and the topics waiting for my side's
// opinion (征求意见, topic.list scope 'opinions') — issue #7. Placeholder until the page is built.
import { Text, View } from '@tarojs/components';

export default function MeetingTopics() {
  return (
    <View className='page'>
      <Text>会议议题</Text>
    </View>
  );
}
