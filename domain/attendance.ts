// Attendance is a fact of the meeting, not of the replies (issue #16; Art. 5, 9). Who was there
// comes from check-in (the invitee's own, or the office's 登记签到 at the door): present when
// checked in, on leave (请假) when they declined with a reason, absent otherwise. Before the minutes
// are submitted the union office confirms the list, correcting an entry only with a reason; the
// 纪要's 出席 / 请假 / 列席 blocks are built from that list and frozen when the minutes are issued.
import { inProtocolOrder, type ProtocolEntry, type ProtocolOptions } from './protocol';
import type { InviteeCategory } from './workflows/meeting';

export const ATTENDANCE_STATUSES = ['present', 'leave', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABEL: Record<AttendanceStatus, string> = { present: '出席', leave: '请假', absent: '缺席' };

/** Art. 5, 9: members (leaders, the offices) attend — 出席; departments and guests sit in — 列席. */
export const MEMBER_CATEGORIES: readonly InviteeCategory[] = ['leader', 'office'];
export const attendsAsMember = (category: InviteeCategory) => MEMBER_CATEGORIES.includes(category);

/** What the record knows of one invitee on the day. */
export interface AttendanceFact extends ProtocolEntry {
  personId: string;
  category: InviteeCategory;
  answer: 'attend' | 'decline' | 'substitute' | null;
  reason?: string;
  substitute?: { name: string; post: string };
  presentAt?: string;
}

/** The office's confirmed entry for one invitee; `corrected` when it differs from the check-in fact. */
export interface AttendanceEntry {
  personId: string;
  status: AttendanceStatus;
  reason?: string;
  corrected?: { from: AttendanceStatus; by: string; byName: string; at: string; reason: string };
}

/** The status the check-in record gives: present when checked in; 请假 when declined; else absent. */
export function factStatus(f: Pick<AttendanceFact, 'presentAt' | 'answer'>): AttendanceStatus {
  if (f.presentAt) return 'present';
  return f.answer === 'decline' ? 'leave' : 'absent';
}

/** How a person is printed: `姓名（单位职务）`, a substitute as `姓名（职务，代某某）`. */
export function attendanceName(f: AttendanceFact, status: AttendanceStatus): string {
  if (status === 'present' && f.answer === 'substitute' && f.substitute) return `${f.substitute.name}（${f.substitute.post}，代${f.name}）`;
  return `${f.name}（${f.unit}${f.title}）`;
}

export interface AttendanceBlocks {
  present: string[];
  leave: string[];
  observers: string[];
}

/** The status in force: the confirmed entry when there is one, else the check-in fact. */
export function statusOf(f: AttendanceFact, confirmed: ReadonlyMap<string, AttendanceEntry> | null): AttendanceStatus {
  return confirmed?.get(f.personId)?.status ?? factStatus(f);
}

/** Art. 9: 出席 (members present), 请假, 列席 (others present), in protocol order; the absent are omitted. */
export function attendanceBlocks(
  facts: readonly AttendanceFact[],
  confirmed: ReadonlyMap<string, AttendanceEntry> | null,
  options: ProtocolOptions = {},
): AttendanceBlocks {
  const blocks: AttendanceBlocks = { present: [], leave: [], observers: [] };
  for (const f of inProtocolOrder(facts, options)) {
    const status = statusOf(f, confirmed);
    if (status === 'leave') blocks.leave.push(attendanceName(f, status));
    else if (status === 'present') (attendsAsMember(f.category) ? blocks.present : blocks.observers).push(attendanceName(f, status));
  }
  return blocks;
}

/**
 * The office's corrections applied to the facts: an entry that differs from the check-in fact
 * needs a reason (who and why are kept); 请假 keeps the reason the invitee gave when none is given.
 * Answers the problems by personId (Chinese), or the confirmed entries.
 */
export function confirmEntries(
  facts: readonly AttendanceFact[],
  given: ReadonlyArray<{ personId: string; status: AttendanceStatus; reason?: string }>,
  by: { id: string; name: string },
  at: string,
  earlier: ReadonlyMap<string, AttendanceEntry> | null,
): { entries: AttendanceEntry[]; problems: Array<{ personId: string; message: string }> } {
  const byPerson = new Map(given.map((g) => [g.personId, g]));
  const known = new Set(facts.map((f) => f.personId));
  const problems = given.filter((g) => !known.has(g.personId)).map((g) => ({ personId: g.personId, message: '这位人员不在本次会议的参会名单中' }));
  const entries = facts.map((f): AttendanceEntry => {
    const fact = factStatus(f);
    const g = byPerson.get(f.personId);
    const before = earlier?.get(f.personId);
    if (!g) return before ?? { personId: f.personId, status: fact, ...(fact === 'leave' && f.reason ? { reason: f.reason } : {}) };
    const reason = g.reason ?? (g.status === 'leave' && f.answer === 'decline' ? f.reason : undefined);
    if (g.status !== fact && !g.reason) {
      problems.push({ personId: f.personId, message: `${f.name}的签到记录为「${ATTENDANCE_STATUS_LABEL[fact]}」，改为「${ATTENDANCE_STATUS_LABEL[g.status]}」须说明理由` });
    }
    return {
      personId: f.personId, status: g.status, ...(reason ? { reason } : {}),
      ...(g.status !== fact && g.reason ? { corrected: { from: fact, by: by.id, byName: by.name, at, reason: g.reason } } : {}),
    };
  });
  return { entries, problems };
}
