// Contract of area `meeting` (Art. 4, 5, 7, 8): convening, invitations and replies, the notice,
// check-in at the door and the agenda. Strict: a client never sets a status, an org or a presence.
import * as z from 'zod/mini';
import type { TaskLight } from '../task-rules';
import { MEETING_LIMITS } from '../limits';
import { INVITE_BATCH_MAX, MEETING_AWAITING, MEETING_QUERY_MAX } from '../workbench';
import { AGENDA_SECTIONS, INVITEE_CATEGORIES, MEETING_STATES } from '../workflows/meeting';
import { Cursor, Id, IsoTime, Text } from './common';

const MeetingId = { meetingId: Id };

export const RequestMeetingInput = z.strictObject({
  kind: z.enum(['regular', 'special']),
  title: Text(MEETING_LIMITS.title),
  plannedAt: IsoTime,
  place: z.optional(Text(MEETING_LIMITS.place)),
  reason: Text(MEETING_LIMITS.reason),
});

export const MeetingIdOnly = z.strictObject(MeetingId);
/** issue #21: the sign-in sheet (.xlsx) and the meeting's archive (.zip) */
export const SignInSheetInput = z.strictObject(MeetingId);
export const MeetingArchiveInput = z.strictObject(MeetingId);
export const DeclineMeetingInput = z.strictObject({ ...MeetingId, reason: Text(MEETING_LIMITS.reason) });
export const CancelMeetingInput = DeclineMeetingInput;

export const RescheduleInput = z.strictObject({
  ...MeetingId,
  plannedAt: z.optional(IsoTime),
  place: z.optional(Text(MEETING_LIMITS.place)),
  /** issue #16: after the notice is issued, a change is a 变更通知 under its own document number */
  docNumber: z.optional(Text(MEETING_LIMITS.docNumber)),
}).check(z.refine((v) => v.plannedAt !== undefined || v.place !== undefined, { message: '请填写新的时间或地点' }));

export const InviteInput = z.strictObject({
  ...MeetingId,
  invitees: z.array(z.strictObject({ personId: Id, category: z.enum(INVITEE_CATEGORIES) })).check(z.minLength(1), z.maxLength(INVITE_BATCH_MAX, `一次最多邀请 ${INVITE_BATCH_MAX} 人`)),
});
export const UninviteInput = z.strictObject({ ...MeetingId, personId: Id });
export const SetPresidingInput = z.strictObject({ ...MeetingId, personId: Id });

export const UpdateAgendaInput = z.strictObject({
  ...MeetingId,
  sections: z.array(
    z.strictObject({
      key: z.enum(AGENDA_SECTIONS.map((s) => s.key) as [string, ...string[]]),
      items: z.array(z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(80)), minutes: z.number().check(z.int(), z.gte(0), z.lte(240)) })).check(z.maxLength(200)),
    }),
  ).check(z.length(4)),
});

/** Art. 7: the government office issues the notice under its document number (文号). */
export const IssueNoticeInput = z.strictObject({ ...MeetingId, docNumber: Text(MEETING_LIMITS.docNumber) });

/** Issue #16: the offices undo a mistaken check-in before the meeting is adjourned, with a reason. */
export const UndoCheckInInput = z.strictObject({ ...MeetingId, personId: Id, reason: Text(MEETING_LIMITS.undoReason) });

/** Issue #16: the notice in force, or an earlier version (1 = the original notice). */
export const NoticeDocumentInput = z.strictObject({ ...MeetingId, version: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))) });

export const ReplyInput = z.strictObject({
  ...MeetingId,
  answer: z.enum(['attend', 'decline', 'substitute']),
  reason: z.optional(Text(MEETING_LIMITS.replyReason)),
  substitute: z.optional(z.strictObject({ name: Text(MEETING_LIMITS.personName), post: Text(MEETING_LIMITS.post) })),
}).check(z.refine((v) => v.answer !== 'substitute' || v.substitute !== undefined, { message: '请填写代会人员的姓名和职务', path: ['substitute'] }), z.refine((v) => v.answer !== 'decline' || v.reason !== undefined, { message: '请填写请假理由', path: ['reason'] }));

/** An invitee checks in with the meeting's code; an office marks a person present. */
export const CheckInInput = z.union([
  // issue #22: `scannedAt` — a scan kept on the phone while offline is judged at the time it was made
  z.strictObject({ ...MeetingId, code: z.string().check(z.regex(/^[0-9]{6}$/, '签到码为 6 位数字')), scannedAt: z.optional(IsoTime) }),
  z.strictObject({ ...MeetingId, token: z.string().check(z.minLength(1), z.maxLength(64)), scannedAt: z.optional(IsoTime) }),
  z.strictObject({ ...MeetingId, personId: Id }),
]);

/** Issue #22: a file for an agenda section (an upload of the caller's), 公开 or 会内. */
export const AttachMaterialInput = z.strictObject({
  ...MeetingId,
  sectionIndex: z.number().check(z.int(), z.gte(0), z.lte(3)),
  fileId: z.string().check(z.regex(/^[A-Za-z0-9_.:/-]{1,200}$/, '文件标识不正确')),
  title: Text(MEETING_LIMITS.materialTitle),
  visibility: z.enum(['public', 'meeting']),
});
export const MaterialInput = z.strictObject({ ...MeetingId, materialId: z.string().check(z.regex(/^[a-z0-9]{1,40}$/, '材料编号不正确')) });

/** Issue #22: the office's order of the rostrum, most senior first (the seats follow the convention). */
export const SetSeatingInput = z.strictObject({ ...MeetingId, rostrum: z.array(Id).check(z.minLength(1), z.maxLength(40)) });

/** Issue #22: the live board by side; `etag` from the last answer makes an unchanged answer cheap. */
export const BoardInput = z.strictObject({ ...MeetingId, etag: z.optional(z.string().check(z.maxLength(64))) });

export const ListMeetingsInput = z.strictObject({
  /** mine: meetings I am invited to; org: my org's meetings (offices and leaders); child: a county's (city offices) */
  scope: z._default(z.enum(['mine', 'org']), 'org'),
  orgId: z.optional(Id),
  cursor: z.optional(Cursor),
  /** issue #19, the meetings page (scope org): the year planned (Asia/Shanghai), one state, words of the title */
  year: z.optional(z.number().check(z.int(), z.gte(2000), z.lte(2100))),
  status: z.optional(z.enum(MEETING_STATES)),
  q: z.optional(z.string().check(z.trim(), z.maxLength(MEETING_QUERY_MAX))),
  /** issue #19, the work queue (scope org): only the meetings waiting for the caller (see MEETING_AWAITING) */
  awaiting: z.optional(z.enum(MEETING_AWAITING)),
});

export type ReplyAnswer = 'attend' | 'decline' | 'substitute';

export interface AgendaItemView {
  id: string;
  title: string;
  /** planned minutes, 0 when not set */
  minutes: number;
  note?: string;
  topicId?: string;
  /** Art. 3 (1), Art. 8 (1): a task of the previous meeting's checklist, with its state and light */
  task?: {
    light: 'red' | 'yellow' | 'green' | 'done';
    lightLabel: string;
    statusLabel: string;
    unit: string;
    ownerName: string;
    deadline: string;
    done: boolean;
    /** the latest explanation of an unfinished task (newDeadline: the deadline in force); null reads 待说明 */
    explanation: { explanation: string; opinion: string; newDeadline: string } | null;
  };
}

export interface AgendaSectionView {
  key: string;
  title: string;
  items: AgendaItemView[];
  /** issue #23: section 1 (Art. 3 (1)) — the previous meeting's 落实情况, the same figures as meeting.results */
  results?: MeetingResultsView;
}

/** Issue #23: 落实情况 of one meeting — who may read it: its invitees, the proposers of its topics, the offices. */
export const MeetingResultsInput = z.strictObject(MeetingId);

/**
 * Issue #23: an org's year of decided items (per org, the year view): the org's meetings planned
 * in `year` (Shanghai), default the caller's org; the same readers as compliance.org.
 */
export const ResultsYearInput = z.strictObject({ orgId: z.optional(Id), year: z.number().check(z.int(), z.gte(2020), z.lte(2100)) });

/** Disjoint: done on time + done late + open + overdue (+ unassigned for items) = total. */
export interface ResultsYearFigures {
  total: number;
  /** done (verified) by the deadline in force when it fell due (domain/task-rules.ts doneOnTime) */
  doneOnTime: number;
  doneLate: number;
  /** not done, not past its deadline at `now` */
  open: number;
  /** not done, past its deadline at `now` (the red light) */
  overdue: number;
}

export interface ResultsYearView {
  orgId: string;
  orgName: string;
  year: number;
  /** meetings of the year whose minutes are issued (their decided items count) */
  meetingsWithMinutes: number;
  /**
   * Decided items: done on time when every task is done on time, late when every task is done and
   * one late; overdue when a task is overdue; open otherwise; unassigned when it has no task yet.
   */
  decisions: ResultsYearFigures & { unassigned: number };
  tasks: ResultsYearFigures;
}

/** One task as the results page shows it (the light by the checklist's rule). */
export interface ResultTaskView {
  id: string;
  title: string;
  unit: string;
  deadline: string;
  light: TaskLight;
  lightLabel: string;
  status: string;
  statusLabel: string;
}

/** One decided item, in the minutes' order, with its tasks and done / total. */
export interface ResultItemView {
  decisionId: string;
  n: number;
  title: string;
  done: number;
  total: number;
  tasks: ResultTaskView[];
}

export interface MeetingResultsView {
  meetingId: string;
  meetingTitle: string;
  heldAt?: string;
  docNumber?: string;
  /** false until the minutes are issued (nothing decided yet) */
  issued: boolean;
  items: ResultItemView[];
  /** over every task: done / total and how many in each light */
  totals: { done: number; total: number; red: number; yellow: number; green: number };
}

/** meeting.results: the view, the org and year of the meeting, and what the caller may call next. */
export interface MeetingResultsPageView extends MeetingResultsView {
  orgId: string;
  /** the year the meeting was planned in (Shanghai): meeting.resultsYear's year */
  year: number;
  /** 'meeting.resultsYear' when the caller may read the org's year view */
  allowedActions: string[];
}

export interface MyInvitationView {
  category: string;
  categoryLabel: string;
  answer: ReplyAnswer | null;
  answerLabel: string;
  reason?: string;
  substitute?: { name: string; post: string };
  present: boolean;
}

export interface MeetingView {
  id: string;
  orgId: string;
  orgName: string;
  kind: 'regular' | 'special';
  kindLabel: string;
  title: string;
  plannedAt: string;
  place: string | null;
  reason: string;
  state: string;
  stateLabel: string;
  /** Art. 6: collection opened later than the org's lead time before the meeting */
  lateCollection: boolean;
  scheduleVersion: number;
  presiding: { id: string; name: string; title: string } | null;
  docNumber: string | null;
  noticeIssuedAt: string | null;
  /** issue #16: every notice issued for the meeting, the original and each 变更通知; the last is in force */
  notices: NoticeRecordView[];
  cancelReason?: string;
  declineReason?: string;
  /** who takes the next step, in words (the offices' console) */
  nextStep: string | null;
  agenda: { sections: AgendaSectionView[] };
  /** my invitation, when I am invited */
  invitation: MyInvitationView | null;
  replies: { attend: number; decline: number; substitute: number; none: number; present: number } | null;
  /** Art. 13: the rules document and the parameter version the meeting runs under */
  rules: { source: string; effectiveFrom: string } | null;
  /** Art. 9: the caller drafts this meeting's minutes (the union office of its org): the console links the editor */
  draftsMinutes: boolean;
  /** issue #22: the agenda items taken up in the room so far, in order; the last is under way */
  proceedings: ProceedingView[];
  /** how many agenda items there are in all (the big screen's progress) */
  agendaItemCount: number;
  /** issue #22: the materials of the agenda, for invitees from the notice on and for the offices */
  materials: MaterialView[];
  allowedActions: string[];
}

export interface MaterialView {
  id: string;
  sectionIndex: number;
  title: string;
  fileName: string;
  contentType: string;
  visibility: 'public' | 'meeting';
  visibilityLabel: string;
  /** whether the caller can open it now, and why not */
  available: boolean;
  note: string;
  /** the offices see who opened it and when */
  openings?: Array<{ name: string; at: string }>;
}

/** Issue #22: a material opened: a link only the caller can use; 会内 ones in the viewer with a watermark. */
export interface MaterialLinkView {
  fileName: string;
  url: string;
  contentType: string;
  viewOnly: boolean;
  /** the reader's name and the time, drawn over every page of a 会内 material */
  watermark?: string;
}

export interface ProceedingView {
  itemId: string;
  title: string;
  sectionTitle: string;
  plannedMinutes: number;
  startedAt: string;
  byName: string;
}

export interface NoticeRecordView {
  version: number;
  docNumber: string;
  issuedAt: string;
  kind: 'notice' | 'change';
  /** what the notice fixed: the time and place in it */
  plannedAt: string;
  place: string | null;
  /** a 变更通知 names the notice it changes */
  changes?: string;
  inForce: boolean;
  /** as issued: who presided and the agenda's sections with the topics under discussion */
  presiding: { name: string; title: string } | null;
  agenda: Array<{ key: string; title: string; items: string[] }>;
}

export interface MeetingCardView {
  id: string;
  title: string;
  kindLabel: string;
  plannedAt: string;
  place: string | null;
  state: string;
  stateLabel: string;
  nextStep: string | null;
  invitation: Pick<MyInvitationView, 'answer' | 'answerLabel'> | null;
}

export interface MeetingListView {
  items: MeetingCardView[];
  nextCursor?: string;
}

/** One invitee as the offices see them: who, and their invitation (the invitee's own view plus when). */
export interface AttendanceRowView extends MyInvitationView {
  personId: string;
  name: string;
  unit: string;
  title: string;
  side: 'gov' | 'union';
  sideLabel: string;
  presentAt?: string;
  /** what the caller may do with this row: 'uninvite' (Art. 7: each office its own side's invitees) */
  allowedActions: string[];
}

export interface AttendanceView {
  meetingId: string;
  title: string;
  counts: { invited: number; attend: number; decline: number; substitute: number; none: number; present: number };
  rows: AttendanceRowView[];
}

export interface FileLinkView {
  fileName: string;
  url: string;
}

/** Issue #22: the door's rotating code: the QR's token, the 6 digits under it, until when it is accepted. */
export interface DoorTokenView {
  token: string;
  qr: string;
  code: string;
  /** the end of the window after this one: a scan is accepted until then */
  validUntil: string;
  /** when the screen shows the next code */
  rotatesAt: string;
}

export interface SeatView {
  /** 1-based from the audience's left */
  seat: number;
  personId: string;
  name: string;
  unit: string;
  title: string;
  /** a substitute in force sits in the place of the person invited */
  substituteFor?: string;
}

export interface SeatingView {
  meetingId: string;
  title: string;
  /** by seat, audience's left to right */
  rostrum: SeatView[];
  /** the rostrum in rank order, most senior first (what the office reorders) */
  ranked: SeatView[];
  /** the hall by side, each in protocol order (government side on the hall's left) */
  hall: Array<{ side: 'gov' | 'union'; label: string; people: SeatView[] }>;
  /** the office reordered the rostrum */
  adjusted: boolean;
  allowedActions: string[];
}

export interface BoardPersonView {
  personId: string;
  name: string;
  unit: string;
  title: string;
}

/** One side of the board: the government side's members, the union side's, and those who sit in (列席). */
export interface BoardSideView {
  side: 'gov' | 'union' | 'observers';
  label: string;
  invited: number;
  replied: number;
  present: number;
  leave: number;
  /** not checked in and not on leave, in protocol order */
  missing: BoardPersonView[];
}

export interface BoardView {
  meetingId: string;
  title: string;
  etag: string;
  /** true when `etag` was sent and nothing changed: `sides` is then empty */
  unchanged: boolean;
  sides: BoardSideView[];
}

export interface CheckInCodeView extends DoorTokenView {
  code: string;
  /** a QR image (data URL locally; a mini-program code from WeChat) */
  qr: string;
  /** what the QR opens */
  link: string;
  validOn: string;
}

export interface CheckInView {
  meetingId: string;
  personId: string;
  present: true;
  presentAt: string;
  /** true when this call found the person already checked in */
  already: boolean;
  message: string;
}
