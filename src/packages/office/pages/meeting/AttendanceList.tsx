// The attendance list of the meeting console (Art. 5): a card per invitee on a phone, a table at a
// desk; each row's buttons are the ones the server marks on it ('uninvite', 'undoCheckIn') plus
// 登记签到 while the door is open, and 催办 on an invitee who has not replied ('notify.chase', issue #20).
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { AttendanceRowView } from '../../../../../domain/schemas/meeting';
import Btn from '../../../../components/Btn';
import ChaseButton from '../../../../components/ChaseButton';
import { answerClass, timeCN } from '../../../../pages/meeting/detail/kit';

export type Act =
  | 'accept'
  | 'decline'
  | 'openCollection'
  | 'issueNotice'
  | 'start'
  | 'adjourn'
  | 'reschedule'
  | 'cancel'
  | 'invite'
  | 'setPresiding'
  | 'checkInCode'
  | 'checkIn'
  | 'export'
  | 'updateAgenda'
  | 'uninvite'
  | 'undoCheckIn'
  | 'advanceAgenda';

/** 请假理由 or the substitute, in words. */
function noteOf(r: AttendanceRowView): string {
  if (r.answer === 'substitute' && r.substitute) return `代会：${r.substitute.name}（${r.substitute.post}）`;
  if (r.answer === 'decline' && r.reason) return `理由：${r.reason}`;
  return '';
}

function presence(r: AttendanceRowView): string {
  return r.present ? `已签到${r.presentAt ? ` ${timeCN(r.presentAt)}` : ''}` : '未签到';
}

interface RowProps {
  canMark: boolean;
  busy: Act | null;
  /** issue #20: the meeting, for 催办 on the rows the server marks 'notify.chase' (an invitee who has not replied) */
  meetingId?: string;
  /** a refused 催办 that says the row moved on (the invitee replied meanwhile): the console re-reads */
  onStale?: () => void;
}

/** 催办 an invitee who has not replied, only on a row the server marks 'notify.chase'. */
function ChaseReply({ row, meetingId, onStale }: { row: AttendanceRowView; meetingId?: string; onStale?: () => void }): ReactNode {
  if (!meetingId) return null;
  return <ChaseButton subject='reply' id={meetingId} personId={row.personId} allowed={row.allowedActions} small kind='default' label={`催办${row.name}回复`} onMovedOn={onStale} />;
}

function MarkButton({ row, canMark, busy, onMark }: RowProps & { row: AttendanceRowView; onMark: () => void }): ReactNode {
  if (!canMark || row.present) return null;
  return (
    <Btn kind='outline' small disabled={busy !== null} label={`为${row.name}登记签到`} onClick={onMark}>
      登记签到
    </Btn>
  );
}

/** 撤销签到 (issue #16), only on a row the server marks 'undoCheckIn'. */
function UndoButton({ row, busy, onUndo }: { row: AttendanceRowView; busy: Act | null; onUndo: () => void }): ReactNode {
  if (!row.allowedActions?.includes('undoCheckIn')) return null;
  return (
    <Btn kind='default' small disabled={busy !== null} label={`撤销${row.name}的签到`} onClick={onUndo}>
      撤销签到
    </Btn>
  );
}

/** 取消邀请, only on a row the server says this caller may take back. */
function UninviteButton({ row, busy, onUninvite }: { row: AttendanceRowView; busy: Act | null; onUninvite: () => void }): ReactNode {
  if (!row.allowedActions?.includes('uninvite')) return null;
  return (
    <Btn kind='default' small disabled={busy !== null} label={`取消邀请${row.name}`} onClick={onUninvite}>
      取消邀请
    </Btn>
  );
}

export function PersonCard({ row, canMark, busy, meetingId, onStale, onMark, onUninvite, onUndo }: RowProps & { row: AttendanceRowView; onMark: () => void; onUninvite: () => void; onUndo: () => void }) {
  const note = noteOf(row);
  return (
    <View className='mperson'>
      <View className='mperson__head'>
        <Text className='mperson__name'>{row.name}</Text>
        <Text className={answerClass(row.answer)}>{row.answerLabel}</Text>
      </View>
      <Text className='mperson__meta'>{[row.unit, row.title].filter(Boolean).join(' · ')}</Text>
      <Text className='mperson__meta'>
        {row.sideLabel} · {row.categoryLabel}
      </Text>
      {note ? <Text className='mperson__note'>{note}</Text> : null}
      <View className='mperson__foot'>
        <Text className={row.present ? 'mperson__presence mperson__presence--on' : 'mperson__presence'}>{presence(row)}</Text>
        <View className='mperson__actions'>
          <MarkButton row={row} canMark={canMark} busy={busy} onMark={onMark} />
          <ChaseReply row={row} meetingId={meetingId} onStale={onStale} />
          <UninviteButton row={row} busy={busy} onUninvite={onUninvite} />
          <UndoButton row={row} busy={busy} onUndo={onUndo} />
        </View>
      </View>
    </View>
  );
}

const COLUMNS = ['姓名', '单位 · 职务', '方 · 类别', '回复', '请假理由 / 代会人员', '签到', ''];

/** The desk layout's table (ARIA table semantics over Taro's views). */
export function AttendanceTable({ rows, canMark, busy, meetingId, onStale, onMark, onUninvite, onUndo }: RowProps & { rows: AttendanceRowView[]; onMark: (r: AttendanceRowView) => void; onUninvite: (r: AttendanceRowView) => void; onUndo: (r: AttendanceRowView) => void }) {
  return (
    <View className='mtable' role='table' aria-label='参会名单'>
      <View className='mtable__row mtable__row--head' role='row'>
        {COLUMNS.map((c, i) => (
          <View key={i} className={`mtable__cell mtable__cell--${i}`} role='columnheader'>
            {c || <Text className='sr-only'>操作</Text>}
          </View>
        ))}
      </View>
      {rows.map((r) => (
        <View key={r.personId} className='mtable__row' role='row'>
          <View className='mtable__cell mtable__cell--0 mtable__name' role='cell'>
            {r.name}
          </View>
          <View className='mtable__cell mtable__cell--1' role='cell'>
            {[r.unit, r.title].filter(Boolean).join(' · ')}
          </View>
          <View className='mtable__cell mtable__cell--2' role='cell'>
            {r.sideLabel} · {r.categoryLabel}
          </View>
          <View className='mtable__cell mtable__cell--3' role='cell'>
            <Text className={answerClass(r.answer)}>{r.answerLabel}</Text>
          </View>
          <View className='mtable__cell mtable__cell--4' role='cell'>
            {noteOf(r) || '—'}
          </View>
          <View className={r.present ? 'mtable__cell mtable__cell--5 mtable__present' : 'mtable__cell mtable__cell--5'} role='cell'>
            {presence(r)}
          </View>
          <View className='mtable__cell mtable__cell--6' role='cell'>
            <View className='mtable__actions'>
              <MarkButton row={r} canMark={canMark} busy={busy} onMark={() => onMark(r)} />
              <ChaseReply row={r} meetingId={meetingId} onStale={onStale} />
              <UninviteButton row={r} busy={busy} onUninvite={() => onUninvite(r)} />
              <UndoButton row={r} busy={busy} onUndo={() => onUndo(r)} />
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}
