// The door screen (issue #22, Art. 5), `?id=`: for a phone or a screen at the entrance, full width.
// A QR that changes every 30 seconds (meeting.doorToken: a token of the meeting and its window,
// useless a minute later) with the 6 digits under it for those who type, and the live board by
// side (meeting.board) naming who is still missing, polled every 2 seconds with the last etag so
// an unchanged board costs no names.
import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { BoardView, DoorTokenView } from '../../../../../domain/schemas/meeting';
import PageShell from '../../../../kit/PageShell';
import Skeleton from '../../../../components/Skeleton';
import { useAction } from '../../../../kit/useAction';
import { ApiError, call } from '../../../../services/api';
import { queryValue } from '../../../../utils/nav';
import BoardCard from './BoardCard';
import { usePoll } from './usePoll';
import './index.css';

/** A new code a little before the window ends (the old one is still accepted in the next). */
const REFRESH_MS = 25_000;
// a check-in leaves the missing list within 5 s: a poll every 2 s leaves 3 s for the answer on a busy host
const BOARD_MS = 2_000;

export default function DoorScreen() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'id') || queryValue(params, 'meetingId');
  // the code is fetched by a write (each token is new) on a timer, not by a tap: the kit's plain write
  const { write } = useAction();
  const [door, setDoor] = useState<DoorTokenView | null>(null);
  const [board, setBoard] = useState<BoardView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const etag = useRef<string | undefined>(undefined);

  const fetchCode = useCallback(() => write('meeting.doorToken', { meetingId }), [meetingId, write]);
  usePoll(REFRESH_MS, meetingId ? fetchCode : null, {
    answer: (next) => {
      setDoor(next);
      setError(null);
    },
    error: setError,
  });

  const fetchBoard = useCallback(() => call('meeting.board', { meetingId, ...(etag.current ? { etag: etag.current } : {}) }), [meetingId]);
  // a failed read: the next poll tries again; the QR keeps working meanwhile
  usePoll(BOARD_MS, meetingId ? fetchBoard : null, {
    answer: (next) => {
      if (next.unchanged) return;
      etag.current = next.etag;
      setBoard(next);
    },
  });

  if (!meetingId) return <PageShell className='door' state={{ kind: 'error', error: new ApiError('not_found', '缺少会议编号，请从会议工作台进入') }} />;
  if (error && !door) return <PageShell className='door' state={{ kind: 'error', error }} />;
  return (
    <PageShell className='door'>
      <View className='door__grid'>
        <View className='door__code card'>
          <Text className='door__title'>{board?.title ?? '会场签到'}</Text>
          {door ? (
            <>
              <Image className='door__qr' src={door.qr} ariaLabel='签到二维码，每 30 秒更换' />
              <Text className='door__digits' aria-label={`签到码 ${door.code.split('').join(' ')}`}>
                {door.code}
              </Text>
              <Text className='door__hint'>请用微信扫码或在小程序中输入签到码。二维码每 30 秒更换，截图转发无效。</Text>
              {error ? <Text className='door__warn'>网络不稳定，正在重试（当前二维码仍可使用约 1 分钟）</Text> : null}
            </>
          ) : (
            <Skeleton block lines={[80, 40]} />
          )}
        </View>
        <BoardCard board={board} />
      </View>
    </PageShell>
  );
}
