// The topic list of a meeting and its confirmation (Art. 6): the list is fixed only when both the
// government side and the union side have confirmed it. Buttons come from allowedActions.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { SideConfirmation, TopicListStatusView } from '../../../../../domain/schemas/topic';
import Btn from '../../../../components/Btn';
import Skeleton from '../../../../components/Skeleton';
import StateView from '../../../../components/StateView';
import { useBusy } from '../../../../hooks/useBusy';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { ApiError, call, toApiError } from '../../../../services/api';
import { formatDateTimeCN, formatDateTimeShortCN } from '../../../../utils/date';
import { ROUTES, newIdempotencyKey, pageUrl, queryValue } from '../../../../utils/topic';
import './index.css';

type ListAction = 'confirmList' | 'revokeConfirmation';

const ASK: Record<ListAction, { title: string; content: (n: number) => string; confirmText: string; done: string }> = {
  confirmList: {
    title: '确认议题清单',
    content: (n) => `确认本方同意这 ${n} 个议题列入会议议题清单？双方均确认后，议题清单即确定。`,
    confirmText: '确认',
    done: '已确认议题清单',
  },
  revokeConfirmation: {
    title: '撤回确认',
    content: () => '撤回本方对议题清单的确认？撤回后需重新确认，议题清单方可确定。',
    confirmText: '撤回',
    done: '已撤回确认',
  },
};

export default function ConfirmList() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'meetingId');
  const { busy, run } = useBusy<ListAction>();
  const fetchStatus = useCallback(() => call<TopicListStatusView>('topic', 'listStatus', { meetingId }), [meetingId]);
  const record = useRecordPage(meetingId ? fetchStatus : null, () => new ApiError('not_found', '缺少会议信息，请从首页进入'));
  const { state } = record;
  const load = record.reload;

  const act = (action: ListAction, acceptedCount: number) => {
    if (busy) return;
    const ask = ASK[action];
    const key = newIdempotencyKey();
    void Taro.showModal({ title: ask.title, content: ask.content(acceptedCount), confirmText: ask.confirmText, cancelText: '取消', confirmColor: '#b71c1c' }).then((r) => {
      if (!r.confirm) return;
      void run(action, async () => {
        try {
          const view = await call<TopicListStatusView>('topic', action, { meetingId }, { idempotencyKey: key });
          record.set(view);
          void Taro.showToast({ title: ask.done, icon: 'success' });
        } catch (e) {
          const error = toApiError(e);
          void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
          if (error.code === 'conflict' || error.code === 'invalid_transition') void load(true);
        }
      });
    });
  };

  if (state.kind === 'loading') {
    return (
      <View className='confirm'>
        <View className='page-container'>
          <Text className='sr-only'>加载中…</Text>
          <Skeleton block lines={[90]} />
          <Skeleton lines={[100, 100]} />
          <Skeleton lines={[80, 60, 70]} />
        </View>
      </View>
    );
  }
  if (state.kind === 'error') {
    return (
      <View className='confirm'>
        <View className='page-container'>
          <StateView kind='error' message={state.error.message} actionText={meetingId ? '重试' : undefined} onAction={() => void load()} />
        </View>
      </View>
    );
  }

  const view = state.value;
  const { counts, confirmations } = view;
  const canConfirm = view.allowedActions.includes('confirmList');
  const canRevoke = view.allowedActions.includes('revokeConfirmation');

  return (
    <View className='confirm'>
      <View className='page-container'>
        {view.fixed ? (
          <View className='notice notice--success confirm__fixed' role='status'>
            <Text className='notice__title'>议题清单已确定</Text>
            <Text className='notice__text'>政府方与工会方均已确认，本次会议的议题清单已确定。</Text>
          </View>
        ) : null}

        <View className='card'>
          <Text className='confirm__meeting'>{view.meetingTitle}</Text>
          <View className='confirm__meta'>
            <Text className='confirm__date'>计划召开：{formatDateTimeCN(view.plannedAt)}</Text>
            <Text className='tag'>{view.meetingStatusLabel}</Text>
          </View>
          <Text className='confirm__rule'>议题清单须经政府方、工会方双方确认后方可确定（《工作规则》第六条）。</Text>
        </View>

        <View className='sides'>
          <SideCard label='政府方' confirmation={confirmations.gov} />
          <SideCard label='工会方' confirmation={confirmations.union} />
        </View>

        <View className='card counts'>
          <Count label='待审核' value={counts.submitted} warn />
          <Count label='已采纳' value={counts.accepted} />
          <Count label='已退回' value={counts.returned} />
        </View>

        {counts.submitted > 0 && !view.fixed ? (
          <View className='notice notice--warn'>
            <Text className='notice__text'>还有 {counts.submitted} 个议题待审核。全部议题审核完毕后，方可确认议题清单。</Text>
          </View>
        ) : null}

        <View className='card'>
          <View className='card__head'>
            <Text className='card__title'>议题清单</Text>
            <Text className='card__more'>共 {view.accepted.length} 项</Text>
          </View>
          {view.accepted.length === 0 ? (
            <StateView kind='empty' compact title='暂无已采纳的议题' />
          ) : (
            view.accepted.map((t, i) => (
              <View
                key={t.id}
                className='list-item'
                hoverClass='list-item--hover'
                onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.detail, { id: t.id }) })}
              >
                <Text className='list-item__no'>{i + 1}</Text>
                <View className='list-item__main'>
                  <Text className='list-item__title'>{t.title}</Text>
                  <Text className='list-item__meta'>
                    {t.categoryLabel} · {t.sideLabel} · {t.proposerName}
                  </Text>
                </View>
              </View>
            ))
          )}
        </View>

        {canConfirm || canRevoke ? (
          <View className='confirm__buttons'>
            {canConfirm ? (
              <Btn kind='primary' block busy={busy === 'confirmList'} busyText='提交中…' disabled={busy !== null || counts.submitted > 0} onClick={() => act('confirmList', view.accepted.length)}>
                确认议题清单
              </Btn>
            ) : null}
            {canRevoke ? (
              <Btn kind='outline' block busy={busy === 'revokeConfirmation'} busyText='提交中…' disabled={busy !== null} onClick={() => act('revokeConfirmation', view.accepted.length)}>
                撤回确认
              </Btn>
            ) : null}
          </View>
        ) : null}
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
