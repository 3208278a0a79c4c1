// The big screen (投屏, issue #22, Art. 8), `?id=`: for the room's screen, opened by an office. The
// meeting's title, the four-section agenda with the item under way highlighted and its time used
// against the planned minutes, the previous meeting's items with their lights during section 1,
// and the attendance board. It follows meeting.get every 3 seconds; the presiding leader or the
// union office moves to the next item from a phone (meeting.advanceAgenda), or here (下一项).
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { BoardView, MeetingView } from '../../../../../domain/schemas/meeting';
import Btn from '../../../../components/Btn';
import PageShell from '../../../../kit/PageShell';
import { useAction } from '../../../../kit/useAction';
import { type ApiError, call } from '../../../../services/api';
import { queryValue } from '../../../../utils/nav';
import { SECTION_NUMBERS } from '../../../../pages/meeting/detail/kit';
import BoardCard from '../door/BoardCard';
import { usePoll } from '../door/usePoll';
import '../door/index.css';
import './index.css';

const POLL_MS = 3_000;

function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
}

export default function BigScreen() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'id') || queryValue(params, 'meetingId');
  // no re-read after 下一项: the answer is the meeting, and the poll follows it anyway
  const { busy, act } = useAction<'advance'>();
  const [m, setM] = useState<MeetingView | null>(null);
  const [board, setBoard] = useState<BoardView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [now, setNow] = useState(Date.now());
  const etag = useRef<string | undefined>(undefined);

  const fetchBoth = useCallback(
    () => Promise.all([call('meeting.get', { meetingId }), call('meeting.board', { meetingId, ...(etag.current ? { etag: etag.current } : {}) }).catch(() => null)]),
    [meetingId],
  );
  usePoll(POLL_MS, meetingId ? fetchBoth : null, {
    answer: ([meeting, b]) => {
      setM(meeting);
      setError(null);
      setNow(Date.now());
      if (b && !b.unchanged) {
        etag.current = b.etag;
        setBoard(b);
      }
    },
    error: setError,
  });

  const advance = () => {
    if (!m) return;
    void act('advance', (w) => w('meeting.advanceAgenda', { meetingId: m.id }), { apply: setM });
  };

  if (!m) return <PageShell className='screen' state={error ? { kind: 'error', error } : { kind: 'loading' }} skeleton={[[60, 100, 100, 100]]} />;
  const current = m.proceedings[m.proceedings.length - 1] ?? null;
  const taken = new Set(m.proceedings.map((p) => p.itemId));
  return (
    <PageShell className='screen'>
      <View className='screen__head'>
        <Text className='screen__title'>{m.title}</Text>
        <Text className='screen__state'>
          {m.stateLabel} · 议程 {m.proceedings.length}/{m.agendaItemCount}
        </Text>
      </View>
      <View className='door__grid'>
        <View className='screen__agenda card' aria-label='会议议程'>
          {m.agenda.sections.map((s, i) => (
            <View key={s.key} className='screen__section'>
              <Text className='screen__section-title'>
                {SECTION_NUMBERS[i] ?? i + 1}、{s.title}
              </Text>
              {s.items.map((item) => {
                const now_ = current?.itemId === item.id;
                return (
                  <View key={item.id} className={now_ ? 'screen__item screen__item--now' : taken.has(item.id) ? 'screen__item screen__item--done' : 'screen__item'}>
                    <Text className='screen__item-title'>
                      {now_ ? '▶ ' : ''}
                      {item.title}
                    </Text>
                    {item.task ? <Text className={`screen__light screen__light--${item.task.light}`}>{item.task.lightLabel}</Text> : null}
                    {now_ && current ? (
                      <Text className='screen__time'>
                        已进行 {minutesSince(current.startedAt, now)} 分钟{item.minutes > 0 ? ` / 计划 ${item.minutes} 分钟` : ''}
                      </Text>
                    ) : null}
                  </View>
                );
              })}
            </View>
          ))}
          {m.allowedActions.includes('advanceAgenda') ? (
            <Btn kind='primary' block busy={busy === 'advance'} busyText='切换中…' onClick={advance}>
              {current ? '下一项' : '开始第一项议程'}
            </Btn>
          ) : null}
        </View>
        <BoardCard board={board} />
      </View>
    </PageShell>
  );
}
