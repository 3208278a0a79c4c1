// The topic list of a meeting and its confirmation (Art. 6): the list is fixed only when both the
// government side and the union side have confirmed the same list. Each topic shows whether the
// other side has given its opinion (征求意见), so nobody confirms blind. The accepted topics come
// a page at a time (加载更多, or scrolling); buttons come from allowedActions.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReactNode, useCallback } from 'react';
import type { ListTopicView, SideConfirmation, TopicListStatusView } from '../../../../../domain/schemas/topic';
import Btn from '../../../../components/Btn';
import { PagedListFooter } from '../../../../components/ListFooter';
import Skeleton from '../../../../components/Skeleton';
import StateView from '../../../../components/StateView';
import { useBusy } from '../../../../hooks/useBusy';
import { type PagedList, usePagedListPage } from '../../../../hooks/usePagedList';
import { useWrite } from '../../../../hooks/useWrite';
import { ApiError, call, toApiError } from '../../../../services/api';
import { formatDateTimeCN, formatDateTimeShortCN } from '../../../../utils/date';
import { ROUTES, pageUrl, queryValue } from '../../../../utils/nav';
import './index.css';

type ListAction = 'confirmList' | 'revokeConfirmation';
/** One answer of listStatus: the meeting's list state and a page of its accepted topics. */
type StatusPage = TopicListStatusView & { items: ListTopicView[] };

const MISSING_MEETING = '缺少会议信息，请从首页进入';

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
          void Taro.showToast({ title: ask.done, icon: 'success' });
        } catch (e) {
          const error = toApiError(e);
          void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
          if (error.code === 'conflict' || error.code === 'invalid_transition') void list.reload(true);
        }
      });
    });
  };

  if (state.kind === 'loading') {
    return (
      <Shell>
        <Text className='sr-only'>加载中…</Text>
        <Skeleton block lines={[90]} />
        <Skeleton lines={[100, 100]} />
        <Skeleton lines={[80, 60, 70]} />
      </Shell>
    );
  }
  if (state.kind === 'error') {
    return (
      <Shell>
        <StateView kind='error' message={state.error.message} actionText={meetingId ? '重试' : undefined} onAction={() => void list.reload()} />
      </Shell>
    );
  }

  const view = state.page;
  const { counts, confirmations } = view;
  const canConfirm = view.allowedActions.includes('confirmList');
  const canRevoke = view.allowedActions.includes('revokeConfirmation');
  const open = !view.fixed;

  return (
    <Shell>
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

      <View className='sides'>
        <SideCard label='政府方' confirmation={confirmations.gov} />
        <SideCard label='工会方' confirmation={confirmations.union} />
      </View>

      <View className='card counts'>
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

function Shell({ children }: { children: ReactNode }) {
  return (
    <View className='confirm'>
      <View className='page-container'>{children}</View>
    </View>
  );
}

/** The accepted topics loaded so far, numbered oldest first, with the list's footer. */
function AcceptedList({ list, items, total }: { list: PagedList<ListTopicView, StatusPage>; items: ListTopicView[]; total: number }) {
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>议题清单</Text>
        <Text className='card__more'>共 {total} 项</Text>
      </View>
      {items.length === 0 ? (
        <StateView kind='empty' compact title='暂无已采纳的议题' />
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
    <View className='list-item' hoverClass='list-item--hover' onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.detail, { id: topic.id }) })}>
      <Text className='list-item__no'>{no}</Text>
      <View className='list-item__main'>
        <Text className='list-item__title'>{topic.title}</Text>
        <Text className='list-item__meta'>
          {topic.categoryLabel} · {topic.sideLabel} · {topic.proposerName}
        </Text>
        {/* Said in words, not by colour alone. */}
        <Text className={given ? 'opinion-state opinion-state--given' : 'opinion-state'}>
          {topic.opinionSideLabel}意见：{given ? `已提 ${topic.opinionCount} 条` : '待提意见'}
        </Text>
      </View>
    </View>
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
