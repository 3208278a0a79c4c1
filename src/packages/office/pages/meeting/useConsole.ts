// The meeting console's load and writes (issue #19, split from index.tsx): two reads sent together —
// meeting.get (state, allowedActions) and meeting.attendance (the list); no single action answers
// both. Every write goes through the page kit (kit/useAction: one at a time, its confirmation inside
// the busy guard, the idempotency key of its intention, the Chinese result); an answer is shown at
// once as the part of the console it is (the other read catches up quietly, the kit's rule).
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { AttendanceRowView, AttendanceView, CheckInCodeView, MeetingView } from '../../../../../domain/schemas/meeting';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { type Confirm, fileDone, movedOn, useAction } from '../../../../kit/useAction';
import { ApiError, call, toApiError } from '../../../../services/api';
import { toast } from '../../../../utils/feedback';
import { MEETING_PAGES, openExport, openOrBack } from '../../../../pages/meeting/detail/kit';
import type { AgendaPlan } from './AgendaCard';
import type { Act } from './AttendanceList';
import type { Invitee } from './InviteDialog';
import type { RescheduleChange } from './RescheduleDialog';

export interface Console {
  meeting: MeetingView;
  /** null when it could not be read (then `attendanceError` says why) */
  attendance: AttendanceView | null;
  attendanceError: ApiError | null;
  /** Art. 9: the union office drafts the minutes (false when unknown: the reading page is offered) */
  draftsMinutes: boolean;
}

/** The dialog or editor open on the console. */
export type Open = null | 'decline' | 'cancel' | 'reschedule' | 'invite' | 'setPresiding' | 'agenda';

/** The step verbs sent after a confirmation, each with its question and its result. */
const CONFIRM: Partial<Record<Act, Confirm & { done: string }>> = {
  accept: { title: '同意召开', content: '同意后总工会办公室将收到通知，并可启动议题征集。', confirmText: '同意', done: '已同意召开' },
  openCollection: { title: '启动议题征集', content: '启动后本级各部门和职工代表可以提交议题。', confirmText: '启动', done: '议题征集已启动' },
  start: { title: '宣布开会', content: '开会后参会人员不能再修改回复。', confirmText: '宣布开会', done: '会议已开始' },
  adjourn: { title: '宣布散会', content: '散会后由总工会办公室起草会议纪要。', confirmText: '宣布散会', done: '会议已结束' },
};

function missingId(): ApiError {
  return new ApiError('not_found', '缺少会议编号，请从首页的会议列表进入');
}

/** 姓名（单位 职务）, as the questions about one row name the person. */
export const personLabel = (row: AttendanceRowView) => `${row.name}（${[row.unit, row.title].filter(Boolean).join(' ')}）`;

/**
 * 取消邀请 asks with 保留 as its way back (the kit's question offers 取消, which beside 取消邀请 reads
 * as the action itself); asked before the write, which then goes through the kit.
 */
function askUninvite(row: AttendanceRowView): Promise<boolean> {
  return Taro.showModal({
    title: '取消邀请',
    content: `确定取消对${personLabel(row)}的邀请吗？取消后其不再列入参会名单。`,
    confirmText: '取消邀请',
    cancelText: '保留',
    confirmColor: '#b71c1c',
  }).then(
    (r) => r.confirm,
    () => false,
  );
}

export function useConsole(id: string) {
  const fetchConsole = useCallback(async (): Promise<Console> => {
    const [meeting, attendance] = await Promise.allSettled([call('meeting.get', { meetingId: id }), call('meeting.attendance', { meetingId: id })]);
    if (meeting.status === 'rejected') throw meeting.reason;
    return {
      meeting: meeting.value,
      attendance: attendance.status === 'fulfilled' ? attendance.value : null,
      attendanceError: attendance.status === 'rejected' ? toApiError(attendance.reason) : null,
      // Art. 9: who drafts the minutes matters only once the meeting is held
      draftsMinutes: meeting.value.draftsMinutes,
    };
  }, [id]);
  const record = useRecordPage(id ? fetchConsole : null, missingId);
  const kit = useAction<Act>(record.reload);
  const { busy, write, clearError } = kit;
  const [open, setOpen] = useState<Open>(null);
  const [code, setCode] = useState<CheckInCodeView | null>(null);
  const [undoing, setUndoing] = useState<AttendanceRowView | null>(null);
  const current = record.state.kind === 'ready' ? record.state.value : null;

  // issue #22: the door's code changes every 30 seconds; while it is shown the next one is fetched quietly
  const codeMeeting = code && current ? current.meeting.id : null;
  useEffect(() => {
    if (!codeMeeting) return undefined;
    const timer = setInterval(() => {
      write('meeting.checkInCode', { meetingId: codeMeeting }).then(setCode, () => undefined);
    }, 25_000);
    return () => clearInterval(timer);
  }, [codeMeeting, write]);

  /** Runs one write; shows its answer at once (the other read catches up quietly, the kit's rule). */
  const act = (name: Act, fn: () => Promise<Partial<Console> | void>, done?: string, confirm?: Confirm) =>
    kit.act(
      name,
      async () => {
        const changed = await fn();
        if (changed && current) record.set({ ...current, ...changed });
        setOpen(null);
      },
      { done, confirm, refresh: name === 'checkInCode' ? false : undefined, onError: (e) => void (movedOn(e.code) && setOpen(null)) },
    );

  const meetingId = current?.meeting.id ?? id;
  /** A write whose answer is the meeting as it is now. */
  const meetingWrite = (name: Act, fn: () => Promise<MeetingView>, done?: string, confirm?: Confirm) => act(name, async () => ({ meeting: await fn() }), done, confirm);
  /** A write whose answer is the attendance list as it is now. */
  const listWrite = (name: Act, fn: () => Promise<AttendanceView>, done: string) => act(name, async () => ({ attendance: await fn() }), done);

  /** A dialog opens without the last refusal; it closes only while nothing is sent. */
  const openDialog = (o: Exclude<Open, null>) => {
    clearError();
    setOpen(o);
  };
  const close = () => !busy && setOpen(null);

  /** The step buttons of 下一步: a page, a dialog, or a write (asked first where CONFIRM says). */
  const step = (a: Act) => {
    if (busy || !current) return;
    if (a === 'issueNotice') return void openOrBack(MEETING_PAGES.notice, { id: meetingId });
    if (a === 'decline' || a === 'cancel' || a === 'reschedule') return openDialog(a);
    if (a === 'advanceAgenda') {
      void act(a, async () => {
        const next = await write('meeting.advanceAgenda', { meetingId });
        const now = next.proceedings[next.proceedings.length - 1];
        if (now) toast(`进入：${now.title}`, 'success');
        return { meeting: next };
      });
      return;
    }
    const ask = CONFIRM[a];
    if (!ask) return;
    const verb = a as 'accept' | 'openCollection' | 'start' | 'adjourn';
    void meetingWrite(a, () => write(`meeting.${verb}`, { meetingId }), ask.done, ask);
  };

  const markPresent = (row: AttendanceRowView) =>
    void act('checkIn', async () => {
      const res = await write('meeting.checkIn', { meetingId, personId: row.personId });
      const attendance = current?.attendance;
      if (!attendance) return {};
      const rowsNow = attendance.rows.map((r) => (r.personId === row.personId ? { ...r, present: true, presentAt: res.presentAt } : r));
      return { attendance: { ...attendance, rows: rowsNow, counts: { ...attendance.counts, present: rowsNow.filter((r) => r.present).length } } };
    }, `${row.name} 已登记签到`);

  /** 取消邀请: asks first; the answer is the list as it is now. */
  const uninvite = async (row: AttendanceRowView) => {
    if (busy || !(await askUninvite(row))) return;
    void listWrite('uninvite', () => write('meeting.uninvite', { meetingId, personId: row.personId }), `已取消对${row.name}的邀请`);
  };

  /** 撤销签到 (issue #16): a mistaken check-in, undone with a reason before the meeting is adjourned. */
  const askUndo = (row: AttendanceRowView) => {
    if (busy) return;
    clearError();
    setUndoing(row);
  };

  return {
    record,
    state: record.state,
    busy,
    /** the last refusal, shown in the open dialog */
    dialogError: kit.error?.message ?? null,
    open,
    code,
    undoing,
    openDialog,
    close,
    closeUndo: () => !busy && setUndoing(null),
    step,
    markPresent,
    uninvite: (row: AttendanceRowView) => void uninvite(row),
    askUndo,
    showCode: () => void act('checkInCode', async () => setCode(await write('meeting.checkInCode', { meetingId }))),
    exportList: () => void kit.act('export', async () => openExport(await call('meeting.exportAttendance', { meetingId })), fileDone('参会名单')),
    saveAgenda: (sections: AgendaPlan) => void meetingWrite('updateAgenda', () => write('meeting.updateAgenda', { meetingId, sections }), '议程已保存'),
    /** 附会议材料's answer, the meeting as it is now */
    attached: (next: MeetingView) => current && record.set({ ...current, meeting: next }),
    decline: (reason: string) => void meetingWrite('decline', () => write('meeting.decline', { meetingId, reason }), '已答复不同意召开'),
    cancel: (reason: string) => void meetingWrite('cancel', () => write('meeting.cancel', { meetingId, reason }), '会议已取消'),
    reschedule: (change: RescheduleChange) =>
      void meetingWrite('reschedule', () => write('meeting.reschedule', { meetingId, ...change }), current?.meeting.notices.length ? '变更通知已印发，参会人员将收到通知' : '已调整，参会人员将收到通知'),
    undoCheckIn: (row: AttendanceRowView, reason: string) =>
      void act('undoCheckIn', async () => {
        const attendance = await write('meeting.undoCheckIn', { meetingId, personId: row.personId, reason });
        setUndoing(null);
        return { attendance };
      }, `已撤销${row.name}的签到`),
    invite: (invitees: Invitee[]) => void listWrite('invite', () => write('meeting.invite', { meetingId, invitees }), `已邀请 ${invitees.length} 人`),
    setPresiding: (personId: string) => void meetingWrite('setPresiding', () => write('meeting.setPresiding', { meetingId, personId }), '已设定主持人'),
  };
}

export type ConsoleModel = ReturnType<typeof useConsole>;
