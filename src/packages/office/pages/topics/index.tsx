// A meeting's topics for offices and convenors (?meetingId=, optional &tab=opinions): 全部议题 is
// what my role may see of the meeting (topic.list scope 'meeting'); 待提意见 is the other side's
// accepted topics still waiting for my side's opinion (征求意见, Art. 6; scope 'opinions'). Both
// are paged; a card offers 发表意见 when the server's allowedActions has 'addOpinion'.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { TopicCardView } from '../../../../../domain/schemas/topic';
import Btn from '../../../../components/Btn';
import { PagedListFooter } from '../../../../components/ListFooter';
import ListStates from '../../../../components/ListStates';
import OfficeNav from '../../../../components/OfficeNav';
import PageShell from '../../../../components/PageShell';
import TopicCard from '../../../../components/TopicCard';
import { usePagedListPage } from '../../../../hooks/usePagedList';
import { ACTION_LABEL, useTopicActions } from '../../../../hooks/useTopicActions';
import { ApiError, call } from '../../../../services/api';
import { ROUTES, pageUrl, queryValue } from '../../../../utils/nav';
import Tabs from '../../parts/Tabs';
import './index.css';

type Tab = 'all' | 'opinions';

const TABS: ReadonlyArray<{ key: Tab; label: string; empty: string; emptyMessage: string }> = [
  {
    key: 'all',
    label: '全部议题',
    empty: '本次会议暂无议题',
    emptyMessage: '提交到本办公室的议题和已采纳的议题会出现在这里',
  },
  {
    key: 'opinions',
    label: '待提意见',
    empty: '暂无待提意见的议题',
    emptyMessage: '另一方采纳的议题会出现在这里，请在议题清单确定前提出意见',
  },
];

const MISSING_MEETING = '链接缺少会议信息，请从首页进入';

export default function MeetingTopics() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'meetingId');
  const meetingTitleParam = queryValue(params, 'meetingTitle');
  const [tab, setTab] = useState<Tab>(queryValue(params, 'tab') === 'opinions' ? 'opinions' : 'all');

  const fetchPage = useCallback(
    async (cursor?: string) => {
      if (!meetingId) throw new ApiError('not_found', MISSING_MEETING);
      return call('topic.list', { scope: tab === 'opinions' ? 'opinions' : 'meeting', meetingId, ...(cursor ? { cursor } : {}) });
    },
    [meetingId, tab],
  );
  const list = usePagedListPage<TopicCardView>(fetchPage);

  // An opinion given takes the topic off 待提意见; on 全部议题 the card is read again.
  const actions = useTopicActions(
    (_action, topic) => {
      if (tab === 'opinions') list.update((items) => items.filter((t) => t.id !== topic.id));
      else void list.reload(true);
    },
    () => void list.reload(true),
  );

  const { state } = list;
  const current = TABS.find((t) => t.key === tab) ?? TABS[0];
  const meetingTitle = meetingTitleParam || (state.kind === 'ready' ? (state.items[0]?.meetingTitle ?? '') : '');

  return (
    <PageShell
      className='mtopics'
      aside={<OfficeNav current={tab === 'opinions' ? 'opinions' : 'topics'} meetingId={meetingId || undefined} meetingTitle={meetingTitle || undefined} />}
    >
      <Tabs tabs={TABS} current={tab} label='议题范围' locked={actions.busy !== null} onPick={setTab} />
      <View className='page-container mtopics__body'>
        {meetingTitle ? <Text className='mtopics__meeting'>{meetingTitle}</Text> : null}
        {tab === 'opinions' ? (
          <Text className='mtopics__hint'>会前征求意见（《工作规则》第六条）：对另一方已采纳的议题提出意见，供双方确认议题清单时参考。</Text>
        ) : null}
        <ListStates
          list={list}
          skeleton={[
            [80, 40, 60],
            [70, 40, 60],
          ]}
          emptyTitle={current.empty}
          emptyMessage={current.emptyMessage}
        />
        {state.kind === 'ready' && state.items.length > 0 ? (
          <View>
            {state.nextCursor ? null : (
              <Text className='mtopics__count'>
                共 {state.items.length} 个{tab === 'opinions' ? '待提意见的' : ''}议题
              </Text>
            )}
            <View className='mtopics__list'>
              {state.items.map((t) => (
                <TopicCard key={t.id} topic={t} showProposer onOpen={() => void Taro.navigateTo({ url: pageUrl(ROUTES.detail, { id: t.id }) })}>
                  {t.allowedActions.includes('addOpinion') ? (
                    <Btn small kind='outline' disabled={actions.busy !== null} onClick={() => actions.perform('addOpinion', t)}>
                      {ACTION_LABEL.addOpinion}
                    </Btn>
                  ) : null}
                </TopicCard>
              ))}
            </View>
            <PagedListFooter list={list} />
          </View>
        ) : null}
      </View>
      {actions.dialog}
    </PageShell>
  );
}
