// 调整时间地点 (Art. 7): a new date and time, a new place, or both (only what changed is sent).
// Issue #16: once the notice is issued, the change is a 变更通知 under its own 文号 — the original
// notice stays as issued; when the day moves every invitee is asked to reply again.
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MEETING_LIMITS } from '../../../../../domain/limits';
import type { MeetingView } from '../../../../../domain/schemas/meeting';
import Dialog from '../../../../components/Dialog';
import { lengthError } from '../../../../utils/form';
import { dayCN, instantCN, timeCN } from '../../../../pages/meeting/detail/kit';
import { FieldHead, PickerField } from '../meeting-request/fields';

export interface RescheduleChange {
  plannedAt?: string;
  place?: string;
  docNumber?: string;
}

interface Props {
  meeting: MeetingView;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (c: RescheduleChange) => void;
}

export default function RescheduleDialog({ meeting, busy, error, onCancel, onSubmit }: Props) {
  const [date, setDate] = useState(dayCN(meeting.plannedAt));
  const [time, setTime] = useState(timeCN(meeting.plannedAt));
  const [place, setPlace] = useState(meeting.place ?? '');
  const [docNumber, setDocNumber] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const noticeOut = meeting.notices.length > 0;
  const inForce = meeting.notices[meeting.notices.length - 1];
  const confirm = () => {
    const at = instantCN(date, time);
    const change: RescheduleChange = {};
    if (at && at !== new Date(meeting.plannedAt).toISOString()) {
      if (new Date(at).getTime() <= Date.now()) {
        setProblem('会议时间应晚于现在');
        return;
      }
      change.plannedAt = at;
    }
    if (place.trim() !== (meeting.place ?? '')) {
      const bad = lengthError(MEETING_LIMITS.place, place);
      if (bad) {
        setProblem(bad);
        return;
      }
      change.place = place.trim();
    }
    if (!change.plannedAt && change.place === undefined) {
      setProblem('请修改时间或地点');
      return;
    }
    if (noticeOut) {
      const bad = lengthError(MEETING_LIMITS.docNumber, docNumber);
      if (bad) {
        setProblem(`变更通知${bad}`);
        return;
      }
      change.docNumber = docNumber.trim();
    }
    setProblem(null);
    onSubmit(change);
  };
  const subtitle = noticeOut
    ? `会议通知（${inForce?.docNumber ?? ''}）已印发：调整将以变更通知印发，原通知保留不变；会议日期变动的，参会人员须重新回复。`
    : '调整后全体参会人员将收到通知。';
  return (
    <Dialog title='调整时间地点' subtitle={subtitle} confirmText={noticeOut ? '印发变更通知' : '确认调整'} busy={busy} error={error ?? problem} onCancel={onCancel} onConfirm={confirm}>
      <FieldHead label='会议日期' />
      <PickerField mode='date' value={date} start={dayCN(new Date())} label='会议日期' placeholder='选择日期' disabled={busy} onChange={setDate} />
      <View className='mconsole__gap' />
      <FieldHead label='会议时间' />
      <PickerField mode='time' value={time} label='会议时间' placeholder='选择时间' disabled={busy} onChange={setTime} />
      <View className='mconsole__gap' />
      <FieldHead label={MEETING_LIMITS.place.label} />
      <Input
        className='minput'
        value={place}
        maxlength={MEETING_LIMITS.place.max}
        placeholder='请输入会议地点'
        placeholderClass='dialog__placeholder'
        disabled={busy}
        onInput={(e) => setPlace(e.detail.value)}
      />
      {noticeOut ? (
        <View>
          <View className='mconsole__gap' />
          <FieldHead label='变更通知文号' />
          <Input
            className='minput'
            value={docNumber}
            maxlength={MEETING_LIMITS.docNumber.max}
            placeholder={`另编文号，如：巴政办字〔${dayCN(new Date()).slice(0, 4)}〕97号`}
            placeholderClass='dialog__placeholder'
            disabled={busy}
            aria-label='变更通知文号'
            onInput={(e) => setDocNumber(e.detail.value)}
          />
          <Text className='mconsole__hint'>不得沿用原通知文号</Text>
        </View>
      ) : null}
    </Dialog>
  );
}
