// 出席情况 of the minutes (issue #16; Art. 5, 9): what the 纪要 will print (出席 / 请假 / 列席) and
// every invitee with what check-in recorded. The union office confirms the list before submitting:
// an entry changed from the check-in record needs a reason, kept with who changed it. Approvers and
// readers see the same list; once issued it is frozen with the minutes.
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ATTENDANCE_STATUS_LABEL, ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../domain/attendance';
import { MINUTES_LIMITS } from '../../../domain/limits';
import type { AttendanceListRowView, MinutesView } from '../../../domain/schemas/minutes';
import Btn from '../../components/Btn';
import { formatDateTimeShortCN } from '../../utils/date';
import { lengthError } from '../../utils/form';
import { AttendanceBlocks } from './parts';

export interface AttendanceEntryInput {
  personId: string;
  status: AttendanceStatus;
  reason?: string;
}

interface Props {
  v: MinutesView;
  /** the office's confirmation, when the server offers 'setAttendance' */
  onConfirm?: (entries: AttendanceEntryInput[]) => void;
  busy?: boolean;
}

const TAG: Record<AttendanceStatus, string> = { present: 'tag tag--accepted', leave: 'tag tag--merged', absent: 'tag tag--plain' };

function factLine(r: AttendanceListRowView): string {
  if (r.checkedIn) return `签到 ${r.presentAt ? formatDateTimeShortCN(r.presentAt) : ''}`.trim();
  return r.factStatus === 'leave' ? `请假${r.reason ? `：${r.reason}` : ''}` : `未签到 · ${r.replyLabel}`;
}

export default function AttendanceCard({ v, onConfirm, busy }: Props) {
  const list = v.attendanceList;
  const editing = !!onConfirm && v.allowedActions.includes('setAttendance');
  const [choice, setChoice] = useState<Record<string, AttendanceStatus>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const statusOf = (r: AttendanceListRowView) => choice[r.personId] ?? r.status;
  const needsReason = (r: AttendanceListRowView) => statusOf(r) !== r.factStatus && !r.corrected;

  const confirm = () => {
    const entries: AttendanceEntryInput[] = [];
    for (const r of list.rows) {
      const status = statusOf(r);
      const reason = (reasons[r.personId] ?? '').trim() || (status === r.status ? r.corrected?.reason : undefined);
      if (status !== r.factStatus && !reason) {
        setProblem(`${r.name}：签到记录为「${ATTENDANCE_STATUS_LABEL[r.factStatus]}」，改为「${ATTENDANCE_STATUS_LABEL[status]}」须说明理由`);
        return;
      }
      const bad = reason ? lengthError(MINUTES_LIMITS.reason, reason) : null;
      if (bad) {
        setProblem(`${r.name}：${bad}`);
        return;
      }
      entries.push({ personId: r.personId, status, ...(reason && status !== r.factStatus ? { reason } : {}) });
    }
    setProblem(null);
    onConfirm?.(entries);
  };

  return (
    <View className='card' id='mmin-attendance'>
      <View className='card__head'>
        <Text className='card__title'>出席情况</Text>
        <Text className={list.confirmed ? 'tag tag--accepted' : 'tag tag--submitted'}>{list.frozen ? '已随纪要印发' : list.confirmed ? '已确认' : '待确认'}</Text>
      </View>
      <Text className='mmin-hint'>
        {list.confirmed
          ? `${list.confirmedByName ?? ''}于${list.confirmedAt ? formatDateTimeShortCN(list.confirmedAt) : ''}确认：`
          : '按会议当天的签到记录生成，总工会办公室确认后提交审核：'}
        出席 {list.counts.present} 人，请假 {list.counts.leave} 人，缺席 {list.counts.absent} 人。缺席人员不列入纪要。
      </Text>
      <AttendanceBlocks a={v.attendance} />
      <View className='matt' role='list' aria-label='参会人员出席情况'>
        {list.rows.map((r) => (
          <View key={r.personId} className='matt__row' role='listitem'>
            <View className='matt__head'>
              <Text className='matt__name'>{r.printedName}</Text>
              {editing ? null : <Text className={TAG[r.status]}>{r.status === 'present' ? r.blockLabel : r.statusLabel}</Text>}
            </View>
            <Text className='matt__fact'>
              {r.categoryLabel} · {factLine(r)}
            </Text>
            {r.corrected ? (
              <Text className='matt__corrected'>
                由「{r.corrected.fromLabel}」更正：{r.corrected.reason}（{r.corrected.byName}）
              </Text>
            ) : null}
            {editing ? (
              <View className='matt__edit'>
                <View className='matt__choices' role='radiogroup' aria-label={`${r.name}的出席情况`}>
                  {ATTENDANCE_STATUSES.map((s) => (
                    <Btn key={s} small kind={statusOf(r) === s ? 'primary' : 'default'} disabled={busy} label={`${r.name}：${ATTENDANCE_STATUS_LABEL[s]}`} onClick={() => setChoice({ ...choice, [r.personId]: s })}>
                      {ATTENDANCE_STATUS_LABEL[s]}
                    </Btn>
                  ))}
                </View>
                {needsReason(r) ? (
                  <Input
                    className='minput'
                    value={reasons[r.personId] ?? ''}
                    maxlength={MINUTES_LIMITS.reason.max}
                    placeholder='与签到记录不同，请写明更正理由（必填）'
                    aria-label={`${r.name}的更正理由`}
                    disabled={busy}
                    onInput={(e) => setReasons({ ...reasons, [r.personId]: e.detail.value })}
                  />
                ) : null}
              </View>
            ) : null}
          </View>
        ))}
      </View>
      {editing ? (
        <View className='matt__foot'>
          {problem ? (
            <View className='matt__problem' role='alert'>
              {problem}
            </View>
          ) : null}
          <Btn kind='primary' block busy={busy} busyText='确认中…' onClick={confirm}>
            {list.confirmed ? '重新确认出席情况' : '确认出席情况'}
          </Btn>
        </View>
      ) : null}
    </View>
  );
}
