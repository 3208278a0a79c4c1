// My invitations (issue #8, Art. 5): every meeting I am invited to, unanswered first (meeting.list
// scope 'mine', one call a page), each with my answer in words; a card opens the meeting.
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import type { MeetingCardView } from '../../../../domain/schemas/meeting';
import { PagedListFooter } from '../../../components/ListFooter';
import ListStates from '../../../components/ListStates';
import PageShell from '../../../components/PageShell';
import Tap from '../../../components/Tap';
import { usePagedListPage } from '../../../hooks/usePagedList';
import { call } from '../../../services/api';
import { formatDateTimeCN } from '../../../utils/date';
import { openPage } from '../../../utils/nav';
import { MEETING_PAGES, answerClass, stateClass } from '../detail/kit';
import '../detail/kit.css';
import './index.css';

export default function MyInvitations() {
  const fetchPage = useCallback((cursor?: string) => call('meeting.list', { scope: 'mine', ...(cursor ? { cursor } : {}) }), []);
  const list = usePagedListPage<MeetingCardView>(fetchPage);
  const { state } = list;
  const waiting = state.kind === 'ready' ? state.items.filter((m) => m.invitation && !m.invitation.answer && m.state === 'notice_issued').length : 0;

  return (
    <PageShell className='mmine'>
      <View className='page-container'>
        <ListStates
          list={list}
          skeleton={[[70, 50, 40], [70, 50, 40]]}
          emptyTitle='暂无会议邀请'
          emptyMessage='政府办公室印发会议通知后，您受邀参加的会议会显示在这里'
        />
        {state.kind === 'ready' && state.items.length > 0 ? (
          <View>
            <Text className='mmine__summary'>{waiting > 0 ? `${waiting} 个会议等待您回复` : '全部会议均已回复'}</Text>
            {state.items.map((m) => (
              <Tap
                key={m.id}
                role='link'
                className='card mcard'
                hoverClass='mcard--hover'
                onTap={() => openPage(MEETING_PAGES.detail, { id: m.id })}
              >
                <View className='mcard__head'>
                  <Text className='mcard__title'>{m.title}</Text>
                  <Text className={stateClass(m.state)}>{m.stateLabel}</Text>
                </View>
                <Text className='mcard__meta'>{formatDateTimeCN(m.plannedAt)}</Text>
                <Text className='mcard__meta'>{m.place ?? '地点待定'}</Text>
                <View className='mcard__foot'>
                  <Text className='tag tag--plain'>{m.kindLabel}</Text>
                  {m.invitation ? <Text className={answerClass(m.invitation.answer)}>我的回复：{m.invitation.answerLabel}</Text> : null}
                </View>
              </Tap>
            ))}
            <PagedListFooter list={list} />
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
