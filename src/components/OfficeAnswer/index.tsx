import { Text, View } from '@tarojs/components';
import type { TopicCardView } from '../../../domain/schemas/topic';

/** The aggregating office's answer to a topic (Art. 6): why it was returned, or what it joined. */
export default function OfficeAnswer({ topic }: { topic: Pick<TopicCardView, 'status' | 'returnReason' | 'mergedInto'> }) {
  return (
    <>
      {topic.status === 'returned' && topic.returnReason ? (
        <View className='answer'>
          <Text className='answer__label'>退回理由</Text>
          <Text className='answer__text'>{topic.returnReason}</Text>
        </View>
      ) : null}
      {topic.status === 'merged' && topic.mergedInto ? (
        // Not a link: the topic merged into may be someone else's, which the proposer cannot open.
        <View className='answer answer--merged'>
          <Text className='answer__label'>已合并至「{topic.mergedInto.title}」</Text>
          {topic.mergedInto.note ? <Text className='answer__text'>{topic.mergedInto.note}</Text> : null}
        </View>
      ) : null}
    </>
  );
}
