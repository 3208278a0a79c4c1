// The rules of the meeting's file buttons (the .docx/.xlsx downloads and the archive: Art. 5, 7, 8,
// 11), which the `meetingFiles` cloud function serves (domain/functions.ts). The meeting function
// offers them on the meeting it shows (`servedApart`) and meetingFiles enforces them (each action's
// definition spreads its rules), so the button shown and the call it makes meet one set of checks.
import { AppError } from '../../domain';
import type { ButtonRules } from '../kit/registry';
import { meetingKind, type MeetingRecord } from './meeting';

type MeetingButton = ButtonRules<{ meetingId: string }, MeetingRecord>;

const button = <N extends MeetingButton['name']>(name: N, guard?: MeetingButton['guard']) =>
  ({ name, record: meetingKind, button: true as const, guard });

export const seatingDocumentRules = button('meeting.seatingDocument');
export const nameCardsRules = button('meeting.nameCards');
export const exportAttendanceRules = button('meeting.exportAttendance');
export const signInSheetRules = button('meeting.signInSheet');
export const archiveRules = button('meeting.archive');
/** Art. 7: the notice as issued, so only once one has been. */
export const noticeDocumentRules = button('meeting.noticeDocument', ({ meeting }) => {
  if (!meeting.notices?.length) throw new AppError('invalid_transition', '会议通知尚未印发');
});
