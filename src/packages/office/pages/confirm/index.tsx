// The topic list of a meeting and its confirmation (Art. 6): the list is fixed only when both the
// government side and the union side have confirmed the same list. Each topic shows whether the
// other side has given its opinion (征求意见): 已提 / 无意见（由X办公室登记）/ 待提意见. Issue #16: the
// list can be confirmed only when every topic has one or the other; until then the page says what
// is missing (listStatus `missing`) instead of showing the button, and the office of the side
// asked records 无意见 with one tap per topic (topic.noOpinion) or for all (topic.noOpinionAll).
// The accepted topics come a page at a time (加载更多, or scrolling); buttons come from
// allowedActions. At desk width (≥ 1024 px) the list is a table, one row per topic.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { type ReactNode, useCallback } from 'react';
import type { ListTopicView, TopicListStatusView } from '../../../../../domain/schemas/topic';
import Btn from '../../../../components/Btn';
import OfficeNav from '../../../../components/OfficeNav';
import PageShell, { LoadStates } from '../../../../kit/PageShell';
import { usePagedListPage } from '../../../../hooks/usePagedList';
import { fileDone, useAction } from '../../../../kit/useAction';
import { ApiError, call } from '../../../../services/api';
import { formatDateTimeCN } from '../../../../utils/date';
import { queryValue } from '../../../../utils/nav';
import { openExport } from '../../../../pages/meeting/detail/kit';
import AcceptedList, { type ListAction } from './AcceptedList';
import MeetingSwitcher from './MeetingSwitcher';
import { Count, SideCard } from './Summary';
import './index.css';

/** One answer of listStatus: the meeting's list state and a page of its accepted topics. */
type StatusPage = TopicListStatusView & { items: ListTopicView[] };

const MISSING_MEETING = '链接缺少会议信息，请从首页进入';

function asPage(view: TopicListStatusView): StatusPage {
  return { ...view, items: view.accepted };
}

/** What the confirmer is told before confirming: the whole list, not only what is on screen. */
function confirmText(view: StatusPage, shown: number): string {
  const { accepted } = view.counts;
  const parts = [`确认本方同意这 ${accepted} 个议题列入会议议题清单？`];
  if (shown < accepted) parts.push(`页面已显示 ${shown} 项，可先下滑查看全部。`);
  parts.push('双方均确认后，议题清单即确定。');
  return parts.join('');
}

const ASK: Record<'confirmList' | 'revokeConfirmation', { title: string; confirmText: string; done: string }> = {
  confirmList: { title: '确认议题清单', confirmText: '确认', done: '已确认议题清单' },
  revokeConfirmation: { title: '撤回确认', confirmText: '撤回', done: '已撤回确认' },
};
const REVOKE_TEXT = '撤回本方对议题清单的确认？撤回后需重新确认，议题清单方可确定。';

export default function ConfirmList() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'meetingId');
  const meetingTitleParam = queryValue(params, 'meetingTitle');
  const { busy, act } = useAction<ListAction>((quiet) => list.reload(quiet));
  const fetchPage = useCallback(
    async (cursor?: string): Promise<StatusPage> => {
      if (!meetingId) throw new ApiError('not_found', MISSING_MEETING);
      return asPage(await call('topic.listStatus', { meetingId, ...(cursor ? { cursor } : {}) }));
    },
    [meetingId],
  );
  const list = usePagedListPage<ListTopicView, StatusPage>(fetchPage);
  const { state } = list;

  /** The answer is the list as it is now (its first page). */
  const shown = { apply: (v: TopicListStatusView) => list.reset(asPage(v)) };

  /** Issue #16: this side has no opinion on one topic — one tap, recorded and audited. */
  const noOpinion = (topic: ListTopicView) => act(`noOpinion:${topic.id}`, (w) => w('topic.noOpinion', { topicId: topic.id }), { done: '已登记无意见' });

  /** …or for every topic still waiting for this side's opinion, after one question. */
  const noOpinionAll = (view: StatusPage) =>
    act('noOpinionAll', (w) => w('topic.noOpinionAll', { meetingId: view.meetingId }), {
      ...shown,
      confirm: { title: '全部登记无意见', content: '对本方尚未提出意见的全部已采纳议题登记“无意见”？登记后对方即可确认议题清单。', confirmText: '登记' },
      done: '已全部登记无意见',
    });

  const confirmOrRevoke = (action: 'confirmList' | 'revokeConfirmation', view: StatusPage, shownItems: ListTopicView[]) => {
    const ask = ASK[action];
    const content = action === 'confirmList' ? confirmText(view, shownItems.length) : REVOKE_TEXT;
    // Art. 6: a confirmation covers the list that was shown; the server refuses it if that changed
    return act(action, (w) => (action === 'confirmList' ? w('topic.confirmList', { meetingId, listHash: view.listHash }) : w('topic.revokeConfirmation', { meetingId })), {
      ...shown,
      confirm: { title: ask.title, content, confirmText: ask.confirmText },
      done: ask.done,
    });
  };

  const nav = { meetingId, meetingTitle: state.kind === 'ready' ? state.page.meetingTitle : meetingTitleParam };
  if (state.kind !== 'ready') {
    return (
      <Shell {...nav}>
        <LoadStates state={state} skeleton={[[90], [100, 100], [80, 60, 70]]} onRetry={meetingId ? () => void list.reload() : undefined} />
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

      {open && view.missing.length > 0 ? (
        <View className='notice notice--warn confirm__missing' role='status'>
          <Text className='notice__title'>暂不能确认议题清单</Text>
          {view.missing.map((m) => (
            <Text key={m} className='notice__text confirm__missing-item'>{m}</Text>
          ))}
        </View>
      ) : null}

      {view.allowedActions.includes('noOpinionAll') ? (
        <View className='confirm__none-all'>
          <Btn kind='outline' block busy={busy === 'noOpinionAll'} busyText='登记中…' disabled={busy !== null} onClick={() => void noOpinionAll(view)}>
            本方对待提意见的议题全部登记“无意见”
          </Btn>
        </View>
      ) : null}

      {view.allowedActions.includes('exportReplies') ? (
        <View className='confirm__none-all'>
          {/* issue #23: the written replies (答复) to the proposers, as an .xlsx */}
          <Btn kind='outline' block busy={busy === 'exportReplies'} busyText='导出中…' disabled={busy !== null}
            onClick={() => void act('exportReplies', async () => openExport(await call('topic.exportReplies', { meetingId: view.meetingId })), fileDone('议题答复'))}
          >
            导出议题答复
          </Btn>
        </View>
      ) : null}

      <AcceptedList list={list} items={state.items} total={counts.accepted} busy={busy} onNoOpinion={noOpinion} />

      {canConfirm || canRevoke ? (
        <View className='confirm__buttons'>
          {canConfirm ? (
            <Btn
              kind='primary'
              block
              busy={busy === 'confirmList'}
              busyText='提交中…'
              disabled={busy !== null || counts.submitted > 0}
              onClick={() => void confirmOrRevoke('confirmList', view, state.items)}
            >
              确认议题清单
            </Btn>
          ) : null}
          {canRevoke ? (
            <Btn kind='outline' block busy={busy === 'revokeConfirmation'} busyText='提交中…' disabled={busy !== null} onClick={() => void confirmOrRevoke('revokeConfirmation', view, state.items)}>
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
      <View className='page-container'>
        <MeetingSwitcher meetingId={meetingId} />
        {children}
      </View>
    </PageShell>
  );
}
