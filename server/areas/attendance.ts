// Issue #16: the attendance the minutes certify (Art. 5, 9). Built from check-in, confirmed by the
// union office before submitting, shown to the approvers as it will be printed, and frozen when the
// minutes are issued. One place builds the list for the page, the blocks for the 纪要 and its .docx;
// the minutes and the meeting areas both read it, so it lives in server/.
import {
  ATTENDANCE_STATUS_LABEL,
  attendanceBlocks,
  attendanceName,
  attendsAsMember,
  factStatus,
  INVITEE_CATEGORY_LABEL,
  inProtocolOrder,
  NO_REPLY_LABEL,
  REPLY_LABEL,
  statusOf,
  type AttendanceBlocks,
  type AttendanceEntry,
  type AttendanceListView,
  type Org,
} from '../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc } from '../store/docs';

/** The confirmed entries by person, or null while the office has not confirmed the list. */
export function confirmedOf(m: MeetingDoc): ReadonlyMap<string, AttendanceEntry> | null {
  return m.attendanceList ? new Map(m.attendanceList.entries.map((e) => [e.personId, e])) : null;
}

/** The 出席 / 请假 / 列席 blocks: frozen once issued, else from the confirmed list (or check-in). */
export function blocksOf(m: MeetingDoc, minutes: MinutesDoc | null, invitations: readonly InvitationDoc[], org: Org | null): AttendanceBlocks {
  if (minutes?.status === 'issued' && minutes.attendance) return minutes.attendance;
  return attendanceBlocks(invitations, confirmedOf(m), { unitOrder: org?.unitOrder });
}

/** Every invitee with what check-in recorded and the status in force, in protocol order. */
export function attendanceList(m: MeetingDoc, minutes: MinutesDoc | null, invitations: readonly InvitationDoc[], org: Org | null): AttendanceListView {
  const confirmed = confirmedOf(m);
  const rows = inProtocolOrder(invitations, { unitOrder: org?.unitOrder }).map((i) => {
    const status = statusOf(i, confirmed);
    const entry = confirmed?.get(i.personId);
    const reason = entry?.reason ?? (status === 'leave' ? i.reason : undefined);
    return {
      personId: i.personId, name: i.name, unit: i.unit, title: i.title, categoryLabel: INVITEE_CATEGORY_LABEL[i.category],
      blockLabel: attendsAsMember(i.category) ? '出席' : '列席',
      status, statusLabel: ATTENDANCE_STATUS_LABEL[status], factStatus: factStatus(i), checkedIn: !!i.presentAt,
      ...(i.presentAt ? { presentAt: i.presentAt } : {}),
      replyLabel: i.answer ? REPLY_LABEL[i.answer] : NO_REPLY_LABEL,
      ...(reason ? { reason } : {}),
      printedName: attendanceName(i, status),
      ...(entry?.corrected ? { corrected: { fromLabel: ATTENDANCE_STATUS_LABEL[entry.corrected.from], byName: entry.corrected.byName, at: entry.corrected.at, reason: entry.corrected.reason } } : {}),
    };
  });
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return {
    confirmed: !!m.attendanceList,
    ...(m.attendanceList ? { confirmedByName: m.attendanceList.confirmedByName, confirmedAt: m.attendanceList.confirmedAt } : {}),
    frozen: minutes?.status === 'issued' && !!minutes.attendance,
    counts: { present: count('present'), leave: count('leave'), absent: count('absent') },
    rows,
  };
}
