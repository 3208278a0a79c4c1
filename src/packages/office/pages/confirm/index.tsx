// The topic list of a meeting and its confirmation (Art. 6): the list is fixed only when both the
// government side and the union side have confirmed the same list. Each topic shows whether the
// other side has given its opinion (征求意见), so nobody confirms blind. The accepted topics come
// a page at a time (加载更多, or scrolling); buttons come from allowedActions. At desk width
// (≥ 1024 px) the list is a table, one row per topic with its opinion status in words.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReactNode, useCallback } from 'react';
import type { ListTopicView, SideConfirmation, TopicListStatusView } from '../../../../../domain/schemas/topic';
import Btn from '../../../../components/Btn';
import { PagedListFooter } from '../../../../components/ListFooter';
import OfficeNav from '../../../../components/OfficeNav';
import PageShell from '../../../../components/PageShell';
import Skeleton from '../../../../components/Skeleton';
import StateView from '../../../../components/StateView';
import Tap from '../../../../components/Tap';
import { useBusy } from '../../../../hooks/useBusy';
import { type PagedList, usePagedListPage } from '../../../../hooks/usePagedList';
import { useWrite } from '../../../../hooks/useWrite';
import { ApiError, call, toApiError } from '../../../../services/api';
import { formatDateTimeCN, formatDateTimeShortCN } from '../../../../utils/date';
import { toast } from '../../../../utils/feedback';
import { ROUTES, pageUrl, queryValue } from '../../../../utils/nav';
import { HeadRow, Row, Table, TableLink, Td, Th } from '../../parts/Table';
import { useDeskTable } from '../../parts/useDesk';
import './index.css';

type ListAction = 'confirmList' | 'revokeConfirmation';
/** One answer of listStatus: the meeting's list state and a page of its accepted topics. */
type StatusPage = TopicListStatusView & { items: ListTopicView[] };

const MISSING_MEETING = '链接缺少会议信息，请从首页进入';

function asPage(view: TopicListStatusView): StatusPage {
  return { ...view, items: view.accepted };
}

/** What the confirmer is told before confirming: the whole list, not only what is on screen. */
function confirmText(view: StatusPage, shown: number): string {
  const { accepted, awaitingOpinion } = view.counts;
  const parts = [`确认本方同意这 ${accepted} 个议题列入会议议题清单？`];
  if (awaitingOpinion > 0) parts.push(`其中 ${awaitingOpinion} 个议题另一方尚未提出意见。`);
  if (shown < accepted) parts.push(`页面已显示 ${shown} 项，可先下滑查看全部。`);
  parts.push('双方均确认后，议题清单即确定。');
  return parts.join('');
}

const ASK: Record<ListAction, { title: string; confirmText: string; done: string }> = {
  confirmList: { title: '确认议题清单', confirmText: '确认', done: '已确认议题清单' },
  revokeConfirmation: { title: '撤回确认', confirmText: '撤回', done: '已撤回确认' },
};
const REVOKE_TEXT = '撤回本方对议题清单的确认？撤回后需重新确认，议题清单方可确定。';

export default function ConfirmList() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'meetingId');
  const meetingTitleParam = queryValue(params, 'meetingTitle');
  const { busy, run } = useBusy<ListAction>();
  const write = useWrite();
  const fetchPage = useCallback(
    async (cursor?: string): Promise<StatusPage> => {
      if (!meetingId) throw new ApiError('not_found', MISSING_MEETING);
      return asPage(await call('topic.listStatus', { meetingId, ...(cursor ? { cursor } : {}) }));
    },
    [meetingId],
  );
  const list = usePagedListPage<ListTopicView, StatusPage>(fetchPage);
  const { state } = list;

  const act = (action: ListAction, view: StatusPage, shown: ListTopicView[]) => {
    if (busy) return;
    const ask = ASK[action];
    const content = action === 'confirmList' ? confirmText(view, shown.length) : REVOKE_TEXT;
    void Taro.showModal({ title: ask.title, content, confirmText: ask.confirmText, cancelText: '取消', confirmColor: '#b71c1c' }).then((r) => {
      if (!r.confirm) return;
      void run(action, async () => {
        try {
          // Art. 6: a confirmation covers the list that was shown; the server refuses it if that changed
          const next = asPage(
            action === 'confirmList'
              ? await write('topic.confirmList', { meetingId, listHash: view.listHash })
              : await write('topic.revokeConfirmation', { meetingId }),
          );
          list.reset(next);
          toast(ask.done, 'success');
        } catch (e) {
          const error = toApiError(e);
          toast(error.message);
          if (error.code === 'conflict' || error.code === 'invalid_transition') void list.reload(true);
        }
      });
    });
  };

  const nav = { meetingId, meetingTitle: state.kind === 'ready' ? state.page.meetingTitle : meetingTitleParam };
  if (state.kind === 'loading') {
    return (
      <Shell {...nav}>
        <Text className='sr-only'>加载中…</Text>
        <Skeleton block lines={[90]} />
        <Skeleton lines={[100, 100]} />
        <Skeleton lines={[80, 60, 70]} />
      </Shell>
    );
  }
  if (state.kind === 'error') {
    return (
      <Shell {...nav}>
        <StateView kind='error' error={state.error} onRetry={meetingId ? () => void list.reload() : undefined} />
      </Shell>
    );
  }

  const view = state.page;
  const { counts, confirmations } = view;
  const canConfirm = view.allowedActions.includes('confirmList');
  const canRevoke = view.allowedActions.includes('revokeConfirmation');
  const open = !view.fixed;

  return (
    <Shell {...nav}>
      {view.fixed ? (
        <View className='notice notice--success confirm__fixed' role='status'>
          <Text className='notice__title'>议题清单已确定</Text>
          <Text className='notice__text'>政府方与工会方均已确认同一份清单，本次会议的议题清单已确定。</Text>
        </View>
      ) : null}

      <View className='card'>
        <Text className='confirm__meeting'>{view.meetingTitle}</Text>
        <View className='confirm__meta'>
          <Text className='confirm__date'>计划召开：{formatDateTimeCN(view.plannedAt)}</Text>
          <Text className='tag'>{view.meetingStatusLabel}</Text>
        </View>
        <Text className='confirm__rule'>议题清单须经政府方、工会方双方确认同一份清单后方可确定（《工作规则》第六条）；清单有变化时，原确认失效，需重新确认。</Text>
      </View>

      <View className='sides' role='group' aria-label='双方确认情况'>
        <SideCard label='政府方' confirmation={confirmations.gov} />
        <SideCard label='工会方' confirmation={confirmations.union} />
      </View>

      <View className='card counts' role='group' aria-label='议题统计'>
        <Count label='待审核' value={counts.submitted} warn />
        <Count label='已采纳' value={counts.accepted} />
        <Count label='待提意见' value={counts.awaitingOpinion} warn />
        <Count label='已退回' value={counts.returned} />
      </View>

      {open && counts.submitted > 0 ? (
        <View className='notice notice--warn'>
          <Text className='notice__text'>还有 {counts.submitted} 个议题待审核。全部议题审核完毕后，方可确认议题清单。</Text>
        </View>
      ) : null}
      {open && counts.awaitingOpinion > 0 ? (
        <View className='notice notice--info'>
          <Text className='notice__text'>有 {counts.awaitingOpinion} 个议题另一方尚未提出意见（征求意见），请在确认前留意。</Text>
        </View>
      ) : null}

      <AcceptedList list={list} items={state.items} total={counts.accepted} />

      {canConfirm || canRevoke ? (
        <View className='confirm__buttons'>
          {canConfirm ? (
            <Btn
              kind='primary'
              block
              busy={busy === 'confirmList'}
              busyText='提交中…'
              disabled={busy !== null || counts.submitted > 0}
              onClick={() => act('confirmList', view, state.items)}
            >
              确认议题清单
            </Btn>
          ) : null}
          {canRevoke ? (
            <Btn kind='outline' block busy={busy === 'revokeConfirmation'} busyText='提交中…' disabled={busy !== null} onClick={() => act('revokeConfirmation', view, state.items)}>
              撤回确认
            </Btn>
          ) : null}
        </View>
      ) : null}
    </Shell>
  );
}

function Shell({ meetingId, meetingTitle, children }: { meetingId: string; meetingTitle: string; children: ReactNode }) {
  return (
    <PageShell className='confirm' aside={<OfficeNav current='confirm' meetingId={meetingId || undefined} meetingTitle={meetingTitle || undefined} />}>
      <View className='page-container'>{children}</View>
    </PageShell>
  );
}

function openTopic(id: string): void {
  void Taro.navigateTo({ url: pageUrl(ROUTES.detail, { id }) });
}

/** The opinion round of one topic, in words (the colour only repeats them). */
function opinionText(topic: ListTopicView): string {
  return topic.opinionCount > 0 ? `${topic.opinionSideLabel}已提意见 ${topic.opinionCount} 条` : `待${topic.opinionSideLabel}提意见`;
}

/** The accepted topics loaded so far, numbered oldest first, with the list's footer. */
function AcceptedList({ list, items, total }: { list: PagedList<ListTopicView, StatusPage>; items: ListTopicView[]; total: number }) {
  const desk = useDeskTable();
  return (
    <View className='card accepted'>
      <View className='card__head'>
        <Text className='card__title'>议题清单</Text>
        <Text className='card__more'>共 {total} 项</Text>
      </View>
      {items.length === 0 ? (
        <StateView kind='empty' compact title='暂无已采纳的议题' />
      ) : desk ? (
        <ListTable items={items} />
      ) : (
        items.map((t, i) => <TopicRow key={t.id} no={i + 1} topic={t} />)
      )}
      <PagedListFooter list={list} />
    </View>
  );
}

function TopicRow({ no, topic }: { no: number; topic: ListTopicView }) {
  const given = topic.opinionCount > 0;
  return (
    <Tap role='link' className='list-item' hoverClass='list-item--hover' onTap={() => openTopic(topic.id)}>
      <Text className='list-item__no'>{no}</Text>
      <View className='list-item__main'>
        <Text className='list-item__title'>{topic.title}</Text>
        <Text className='list-item__meta'>
          {topic.categoryLabel} · {topic.sideLabel} · {topic.proposerName}
        </Text>
        {/* Said in words, not by colour alone. */}
        <Text className={given ? 'opinion-state opinion-state--given' : 'opinion-state'}>征求意见：{opinionText(topic)}</Text>
      </View>
    </Tap>
  );
}

/** Desk: the list as a table; the title opens the topic. */
function ListTable({ items }: { items: ListTopicView[] }) {
  return (
    <Table label='议题清单' className='confirm-table'>
      <HeadRow>
        <Th>序号</Th>
        <Th>议题</Th>
        <Th>类别</Th>
        <Th>提出方</Th>
        <Th>提出人</Th>
        <Th>征求意见</Th>
      </HeadRow>
      {items.map((t, i) => (
        <Row key={t.id}>
          <Td className='dtable__cell--num'>{i + 1}</Td>
          <Td>
            <TableLink onOpen={() => openTopic(t.id)}>{t.title}</TableLink>
          </Td>
          <Td>{t.categoryLabel}</Td>
          <Td>{t.sideLabel}</Td>
          <Td>{t.proposerName}</Td>
          <Td>
            <Text className={t.opinionCount > 0 ? 'opinion-state opinion-state--given' : 'opinion-state'}>{opinionText(t)}</Text>
          </Td>
        </Row>
      ))}
    </Table>
  );
}

function SideCard({ label, confirmation }: { label: string; confirmation: SideConfirmation | null }) {
  return (
    <View className={confirmation ? 'side side--done' : 'side'}>
      <Text className='side__label'>{label}</Text>
      <Text className='side__state'>{confirmation ? '已确认' : '待确认'}</Text>
      {confirmation ? (
        <View>
          <Text className='side__who'>{confirmation.byName}</Text>
          <Text className='side__time'>{formatDateTimeShortCN(confirmation.at)}</Text>
          <Text className='side__count'>确认清单 {confirmation.topicCount} 项</Text>
        </View>
      ) : (
        <Text className='side__who side__who--pending'>等待本方召集人确认</Text>
      )}
    </View>
  );
}

function Count({ label, value, warn }: { label: string; value: number; warn?: boolean }) {
  return (
    <View className='count'>
      <Text className={warn && value > 0 ? 'count__value count__value--warn' : 'count__value'}>{value}</Text>
      <Text className='count__label'>{label}</Text>
    </View>
  );
}
