// My topics (scope 'mine'): each with its status and the office's answer; tap for the topic page.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import type { TopicCardView } from '../../../../domain/schemas/topic';
import { PagedListFooter } from '../../../components/ListFooter';
import ListStates from '../../../components/ListStates';
import PageShell from '../../../components/PageShell';
import TopicCard from '../../../components/TopicCard';
import { usePagedListPage } from '../../../hooks/usePagedList';
import { call } from '../../../services/api';
import { ROUTES, pageUrl } from '../../../utils/nav';
import './index.css';

export default function MyTopics() {
  const fetchPage = useCallback(
    (cursor?: string) => call('topic.list', { scope: 'mine', ...(cursor ? { cursor } : {}) }),
    [],
  );
  const list = usePagedListPage<TopicCardView>(fetchPage);

  const { state } = list;
  return (
    <PageShell className='mine'>
      <View className='page-container'>
        <ListStates list={list} skeleton={[[80, 40, 60], [70, 40, 60]]} emptyTitle='暂无议题' emptyMessage='会议征集议题时，可从首页提交议题' />
        {state.kind === 'ready' && state.items.length > 0 ? (
          <View>
            {state.nextCursor ? null : <Text className='mine__count'>共 {state.items.length} 个议题</Text>}
            {state.items.map((t) => (
              <TopicCard key={t.id} topic={t} onOpen={() => void Taro.navigateTo({ url: pageUrl(ROUTES.detail, { id: t.id }) })} />
            ))}
            <PagedListFooter list={list} />
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
