// The office's screening queue (Art. 6): topics routed to my office, by status. A waiting topic
// can be accepted, returned with a reason or merged right here; it then leaves the list.
// Phone: one card per topic. Desk (≥ 1024 px): a table, so the office compares rows at a glance.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { TopicCardView } from '../../../../../domain/schemas/topic';
import Btn from '../../../../components/Btn';
import { PagedListFooter } from '../../../../components/ListFooter';
import ListStates from '../../../../components/ListStates';
import OfficeAnswer from '../../../../components/OfficeAnswer';
import OfficeNav from '../../../../components/OfficeNav';
import PageShell from '../../../../components/PageShell';
import TopicCard from '../../../../components/TopicCard';
import { usePagedListPage } from '../../../../hooks/usePagedList';
import { ACTION_LABEL, type TopicAction, type TopicActions, useTopicActions } from '../../../../hooks/useTopicActions';
import { call } from '../../../../services/api';
import { formatDateTimeShortCN } from '../../../../utils/date';
import { ROUTES, pageUrl, queryValue } from '../../../../utils/nav';
import { statusTagClass } from '../../../../utils/topic';
import { HeadRow, Row, Table, TableLink, Td, Th } from '../../parts/Table';
import Tabs from '../../parts/Tabs';
import { useDeskTable } from '../../parts/useDesk';
import './index.css';

type Status = 'submitted' | 'accepted' | 'returned';
const TABS: ReadonlyArray<{ key: Status; label: string; empty: string }> = [
  { key: 'submitted', label: '待审核', empty: '暂无待审核的议题' },
  { key: 'accepted', label: '已采纳', empty: '暂无已采纳的议题' },
  { key: 'returned', label: '已退回', empty: '暂无已退回的议题' },
];
const INLINE: ReadonlyArray<Exclude<TopicAction, 'update'>> = ['return', 'merge', 'accept'];

function openTopic(id: string): void {
  void Taro.navigateTo({ url: pageUrl(ROUTES.detail, { id }) });
}

export default function Queue() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'meetingId');
  const meetingTitle = queryValue(params, 'meetingTitle');
  const [status, setStatus] = useState<Status>('submitted');
  const desk = useDeskTable();

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
  const tab = TABS.find((t) => t.key === status) ?? TABS[0];
  return (
    <PageShell className='queue' aside={<OfficeNav current='queue' meetingId={meetingId || undefined} meetingTitle={meetingTitle || undefined} />}>
      <Tabs tabs={TABS} current={status} label='审核状态' locked={actions.busy !== null} onPick={setStatus} />
      <View className='page-container queue__body'>
        {meetingTitle ? <Text className='queue__meeting'>{meetingTitle}</Text> : null}
        <ListStates
          list={list}
          skeleton={[
            [80, 50, 60],
            [70, 50, 60],
          ]}
          emptyTitle={tab.empty}
          emptyMessage={status === 'submitted' ? '提交的议题会出现在这里，由本办公室审核' : undefined}
        />
        {state.kind === 'ready' && state.items.length > 0 ? (
          <View>
            {desk ? (
              <QueueTable items={state.items} label={`${tab.label}议题`} actions={actions} />
            ) : (
              state.items.map((t) => (
                <TopicCard key={t.id} topic={t} showProposer onOpen={() => openTopic(t.id)}>
                  {inlineActions(t).length > 0 ? <ActionButtons topic={t} actions={actions} /> : null}
                </TopicCard>
              ))
            )}
            <PagedListFooter list={list} />
          </View>
        ) : null}
      </View>
      {actions.dialog}
    </PageShell>
  );
}

function inlineActions(t: TopicCardView): Array<Exclude<TopicAction, 'update'>> {
  return INLINE.filter((a) => t.allowedActions.includes(a));
}

/** The screening buttons the server allows on this topic (allowedActions), in one order. */
function ActionButtons({ topic, actions }: { topic: TopicCardView; actions: TopicActions }) {
  return (
    <>
      {inlineActions(topic).map((a) => (
        <Btn
          key={a}
          small
          kind={a === 'accept' ? 'primary' : a === 'return' ? 'outline' : 'default'}
          busy={actions.busy === a}
          disabled={actions.busy !== null}
          onClick={() => actions.perform(a, topic)}
        >
          {ACTION_LABEL[a]}
        </Btn>
      ))}
    </>
  );
}

/** Desk: the queue as a table, one row per topic; the title opens it, the buttons screen it. */
function QueueTable({ items, label, actions }: { items: TopicCardView[]; label: string; actions: TopicActions }) {
  const anyActions = items.some((t) => inlineActions(t).length > 0);
  return (
    <Table label={label} className={anyActions ? 'queue-table' : 'queue-table queue-table--read'}>
      <HeadRow>
        <Th>议题</Th>
        <Th>类别 · 提出方</Th>
        <Th>提出人</Th>
        <Th>提交时间</Th>
        <Th>状态</Th>
        {anyActions ? <Th end>审核</Th> : null}
      </HeadRow>
      {items.map((t) => (
        <Row key={t.id}>
          <Td>
            <TableLink onOpen={() => openTopic(t.id)}>{t.title}</TableLink>
            <OfficeAnswer topic={t} />
          </Td>
          <Td>
            <Text className='dtable__main'>{t.categoryLabel}</Text>
            <Text className='dtable__sub'>{t.sideLabel}</Text>
          </Td>
          <Td>
            <Text className='dtable__main'>{t.proposer.name}</Text>
            <Text className='dtable__sub'>{t.proposer.unit}</Text>
          </Td>
          <Td className='dtable__cell--num'>{formatDateTimeShortCN(t.createdAt)}</Td>
          <Td>
            <Text className={statusTagClass(t.status)}>{t.statusLabel}</Text>
          </Td>
          {anyActions ? (
            <Td className='dtable__actions'>
              <ActionButtons topic={t} actions={actions} />
            </Td>
          ) : null}
        </Row>
      ))}
    </Table>
  );
}
