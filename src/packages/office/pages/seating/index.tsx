// 会场座次 (issue #22), `?id=`: the rostrum as the hall sees it (the most senior in the centre, No. 2
// at his left hand, alternating outwards), the hall by side, and for the offices the rostrum's rank
// order with 上移 / 下移 (meeting.setSeating) and the chart and 桌签 as .docx.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { SeatView, SeatingView } from '../../../../../domain/schemas/meeting';
import Btn from '../../../../components/Btn';
import PageShell from '../../../../kit/PageShell';
import StateView from '../../../../components/StateView';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { fileDone, useAction } from '../../../../kit/useAction';
import { ApiError, call } from '../../../../services/api';
import { queryValue } from '../../../../utils/nav';
import { openDocx } from '../../../../pages/minutes/kit';
import './index.css';

const who = (s: SeatView) => (s.substituteFor ? `${s.name}（代${s.substituteFor}）` : s.name);

export default function Seating() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'id') || queryValue(params, 'meetingId');
  const fetchSeating = useCallback(() => call('meeting.seating', { meetingId }), [meetingId]);
  const record = useRecordPage<SeatingView>(meetingId ? fetchSeating : null, () => new ApiError('not_found', '缺少会议编号，请从会议工作台进入'));
  const { busy, act } = useAction<string>(record.reload);
  const { state } = record;

  if (state.kind !== 'ready') return <PageShell className='seating' state={state} skeleton={[[60, 100, 100]]} onRetry={() => void record.reload()} />;
  const v = state.value;
  const canMove = v.allowedActions.includes('setSeating');
  const move = (i: number, by: -1 | 1) =>
    act(`move-${i}`, (w) => {
      const order = v.ranked.map((s) => s.personId);
      [order[i], order[i + by]] = [order[i + by], order[i]];
      return w('meeting.setSeating', { meetingId, rostrum: order });
    }, { apply: record.set });
  const download = (action: 'meeting.seatingDocument' | 'meeting.nameCards', label: string) =>
    act(action, async () => openDocx(await call(action, { meetingId })), fileDone(label));

  return (
    <PageShell className='seating'>
      <View className='page-container'>
        <View className='card'>
          <View className='card__head'>
            <Text className='card__title'>主席台</Text>
            {v.adjusted ? <Text className='tag tag--plain'>已调整</Text> : null}
          </View>
          <Text className='seating__hint'>面向会场，座号自会场左侧起；居中为首位，二号在其左手（会场右侧），依次左右交替。</Text>
          {v.rostrum.length ? (
            <View className='seating__row' role='list' aria-label='主席台座次'>
              {v.rostrum.map((s) => (
                <View key={s.personId} className='seating__seat' role='listitem'>
                  <Text className='seating__no'>{s.seat}</Text>
                  <Text className='seating__name'>{who(s)}</Text>
                  <Text className='seating__post'>{s.title}</Text>
                </View>
              ))}
            </View>
          ) : (
            <StateView kind='empty' compact title='主席台暂无人员' message='邀请“领导”类参会人员后自动排座。' />
          )}
        </View>

        {canMove && v.ranked.length > 1 ? (
          <View className='card'>
            <View className='card__head'>
              <Text className='card__title'>调整主席台次序</Text>
            </View>
            {v.ranked.map((s, i) => (
              <View key={s.personId} className='seating__rank'>
                <Text className='seating__rank-name'>
                  {i + 1}. {who(s)} · {s.title}
                </Text>
                <View className='seating__rank-actions'>
                  <Btn small disabled={i === 0 || busy !== null} label={`上移${s.name}`} onClick={() => void move(i, -1)}>
                    上移
                  </Btn>
                  <Btn small disabled={i === v.ranked.length - 1 || busy !== null} label={`下移${s.name}`} onClick={() => void move(i, 1)}>
                    下移
                  </Btn>
                </View>
              </View>
            ))}
          </View>
        ) : null}

        <View className='card'>
          <View className='card__head'>
            <Text className='card__title'>会场</Text>
          </View>
          {v.hall.map((h) => (
            <View key={h.side} className='seating__hall'>
              <Text className='seating__hall-label'>{h.label}</Text>
              <Text className='seating__hall-names'>{h.people.length ? h.people.map(who).join('、') : '无'}</Text>
            </View>
          ))}
        </View>

        <View className='seating__buttons'>
          <Btn kind='primary' block busy={busy === 'meeting.seatingDocument'} busyText='正在生成…' disabled={busy !== null} onClick={() => void download('meeting.seatingDocument', '座次图')}>
            下载座次图（.docx）
          </Btn>
          <Btn kind='default' block busy={busy === 'meeting.nameCards'} busyText='正在生成…' disabled={busy !== null} onClick={() => void download('meeting.nameCards', '桌签')}>
            下载桌签（.docx）
          </Btn>
        </View>
      </View>
    </PageShell>
  );
}
