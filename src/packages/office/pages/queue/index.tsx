// The office's screening queue (Art. 6): topics routed to my office, by status. A waiting topic
// can be accepted, returned with a reason or merged right here; it then leaves the list.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { TopicCardView } from '../../../../../domain/schemas/topic';
import Btn from '../../../../components/Btn';
import { PagedListFooter } from '../../../../components/ListFooter';
import ListStates from '../../../../components/ListStates';
import TopicCard from '../../../../components/TopicCard';
import { usePagedListPage } from '../../../../hooks/usePagedList';
import { ACTION_LABEL, type TopicAction, useTopicActions } from '../../../../hooks/useTopicActions';
import { call } from '../../../../services/api';
import { ROUTES, pageUrl, queryValue } from '../../../../utils/nav';
import './index.css';

type Status = 'submitted' | 'accepted' | 'returned';
const TABS: ReadonlyArray<{ status: Status; label: string; empty: string }> = [
  { status: 'submitted', label: '待审核', empty: '暂无待审核的议题' },
  { status: 'accepted', label: '已采纳', empty: '暂无已采纳的议题' },
  { status: 'returned', label: '已退回', empty: '暂无已退回的议题' },
];
const INLINE: ReadonlyArray<Exclude<TopicAction, 'update'>> = ['return', 'merge', 'accept'];

export default function Queue() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'meetingId');
  const meetingTitle = queryValue(params, 'meetingTitle');
  const [status, setStatus] = useState<Status>('submitted');

  const fetchPage = useCallback(
    (cursor?: string) =>
      call('topic.list', {
        scope: 'queue',
        status,
        ...(meetingId ? { meetingId } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [meetingId, status],
  );
  const list = usePagedListPage<TopicCardView>(fetchPage);

  // A screened topic leaves this tab; a stale one (screened elsewhere) reloads the list.
  const actions = useTopicActions(
    (_action, topic) => list.update((items) => items.filter((t) => t.id !== topic.id)),
    () => void list.reload(true),
  );

  const { state } = list;
  const tab = TABS.find((t) => t.status === status) ?? TABS[0];
  return (
    <View className='queue'>
      <View className='queue__tabs' role='tablist'>
        {TABS.map((t) => (
          <View
            key={t.status}
            className={t.status === status ? 'queue__tab queue__tab--on' : 'queue__tab'}
            role='tab'
            aria-selected={t.status === status}
            onClick={() => actions.busy === null && setStatus(t.status)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      <View className='page-container'>
        {meetingTitle ? <Text className='queue__meeting'>{meetingTitle}</Text> : null}
        <ListStates list={list} skeleton={[[80, 50, 60], [70, 50, 60]]} emptyTitle={tab.empty} emptyMessage={status === 'submitted' ? '提交的议题会出现在这里，由本办公室审核' : undefined} />
        {state.kind === 'ready' && state.items.length > 0 ? (
          <View>
            {state.items.map((t) => {
              const inline = INLINE.filter((a) => t.allowedActions.includes(a));
              return (
                <TopicCard key={t.id} topic={t} showProposer onOpen={() => void Taro.navigateTo({ url: pageUrl(ROUTES.detail, { id: t.id }) })}>
                  {inline.length > 0
                    ? inline.map((a) => (
                        <Btn
                          key={a}
                          small
                          kind={a === 'accept' ? 'primary' : a === 'return' ? 'outline' : 'default'}
                          busy={actions.busy === a}
                          disabled={actions.busy !== null}
                          onClick={() => actions.perform(a, t)}
                        >
                          {ACTION_LABEL[a]}
                        </Btn>
                      ))
                    : null}
                </TopicCard>
              );
            })}
            <PagedListFooter list={list} />
          </View>
        ) : null}
      </View>
      {actions.dialog}
    </View>
  );
}
