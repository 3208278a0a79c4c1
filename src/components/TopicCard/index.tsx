import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { TopicCardView } from '../../../domain/schemas/topic';
import { formatDateTimeShortCN } from '../../utils/date';
import OfficeAnswer from '../OfficeAnswer';
import Tap from '../Tap';
import { statusTagClass } from '../../utils/topic';
import './index.css';

export interface TopicCardProps {
  topic: TopicCardView;
  /** who proposed it and when (the office's queue) */
  showProposer?: boolean;
  onOpen: () => void;
  /** buttons under the card */
  children?: ReactNode;
}

/** One topic in a list: title, status, category and side, the office's answer when there is one. */
export default function TopicCard({ topic, showProposer, onOpen, children }: TopicCardProps) {
  return (
    <View className='card topic-card'>
      <Tap role='link' className='topic-card__main' hoverClass='topic-card__main--hover' onTap={onOpen}>
        <View className='topic-card__head'>
          <Text className='topic-card__title'>{topic.title}</Text>
          <Text className={statusTagClass(topic.status)}>{topic.statusLabel}</Text>
        </View>
        <View className='topic-card__tags'>
          <Text className='topic-card__chip'>{topic.categoryLabel}</Text>
          <Text className='topic-card__chip'>{topic.sideLabel}</Text>
        </View>
        {showProposer ? (
          <Text className='topic-card__meta'>
            {topic.proposer.name} · {topic.proposer.unit}
          </Text>
        ) : (
          <Text className='topic-card__meta'>{topic.meetingTitle}</Text>
        )}
        <Text className='topic-card__meta'>提交于 {formatDateTimeShortCN(topic.createdAt)}</Text>
        <OfficeAnswer topic={topic} />
      </Tap>
      {children ? <View className='topic-card__actions'>{children}</View> : null}
    </View>
  );
}
