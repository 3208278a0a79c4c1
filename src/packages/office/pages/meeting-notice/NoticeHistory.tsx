// 通知记录 (issue #16): every notice issued for the meeting — the original and each 变更通知 under its
// own 文号 — as issued, the one in force marked; each downloads as the .docx that was issued.
import { Text, View } from '@tarojs/components';
import type { MeetingView, NoticeRecordView } from '../../../../../domain/schemas/meeting';
import Btn from '../../../../components/Btn';
import { fileDone, useAction } from '../../../../kit/useAction';
import { call } from '../../../../services/api';
import { formatDateCN, formatDateTimeCN } from '../../../../utils/date';
import { openDocx } from '../../../../pages/minutes/kit';

const KIND_LABEL: Record<NoticeRecordView['kind'], string> = { notice: '会议通知', change: '变更通知' };

export default function NoticeHistory({ m }: { m: MeetingView }) {
  const { busy, act } = useAction<string>();
  if (!m.notices.length) return null;
  const download = (n: NoticeRecordView) =>
    act(String(n.version), async () => openDocx(await call('meeting.noticeDocument', { meetingId: m.id, version: n.version })), fileDone(KIND_LABEL[n.kind]));
  return (
    <View className='card' aria-label='通知记录'>
      <View className='card__head'>
        <Text className='card__title'>通知记录</Text>
        <Text className='card__more'>共 {m.notices.length} 份</Text>
      </View>
      <Text className='mnotice__hint'>已印发的通知保留原样；时间地点变动以变更通知另行印发。</Text>
      {[...m.notices].reverse().map((n) => (
        <View key={n.version} className='mnotice__record'>
          <View className='mnotice__record-head'>
            <Text className='mnotice__record-title'>
              {KIND_LABEL[n.kind]} {n.docNumber}
            </Text>
            {n.inForce ? <Text className='tag tag--accepted'>现行</Text> : <Text className='tag tag--plain'>已变更</Text>}
          </View>
          <Text className='mnotice__record-meta'>
            {formatDateCN(n.issuedAt)}印发 · 会议时间 {formatDateTimeCN(n.plannedAt)} · {n.place ?? '地点另行通知'}
            {n.changes ? ` · 变更 ${n.changes}` : ''}
          </Text>
          <Btn kind='default' small busy={busy === String(n.version)} busyText='正在生成…' disabled={busy !== null} label={`下载${KIND_LABEL[n.kind]}${n.docNumber}`} onClick={() => void download(n)}>
            下载 .docx
          </Btn>
        </View>
      ))}
    </View>
  );
}
