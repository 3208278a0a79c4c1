// Stored document shapes shared by the functions (the store holds JSON; these are its types).
import type { AttendanceEntry, DeadlineEntry, DeadlineRequest, InviteeCategory, MeetingKind, MeetingStatus, MinutesStatus, OneSide, PressStatus, Role, Side, TaskStatus, TopicCategory, TopicStatus } from '../../domain';
import type { StoredDoc } from './port';

export interface MeetingDoc extends StoredDoc {
  orgId: string;
  kind: MeetingKind;
  /** the annual cycle the meeting counts for (Art. 4: a regular meeting once a year) */
  year: number;
  title: string;
  plannedAt: string;
  place?: string;
  /** Art. 4: why the union side requests it */
  reason?: string;
  /** Art. 6: when topic collection opened (generally 2 months before the meeting) */
  collectionOpensAt?: string;
  /** Art. 6: collection opened later than the org's lead time before a regular meeting */
  lateCollection?: boolean;
  status: MeetingStatus;
  createdBy: string;
  createdAt: string;
  /** every reschedule moves it on; reminders key on it, so an old time never fires (issue #10) */
  scheduleVersion?: number;
  /** Art. 8: the attending government leader, or the mayor for a special major matter (Art. 4) */
  presidingId?: string;
  /** Art. 7: the notice's document number (文号) and when it was issued */
  docNumber?: string;
  noticeIssuedAt?: string;
  /** the door's check-in code (a fresh one on request) */
  checkInCode?: string;
  /** issue #22: the secret the door's rotating codes are made from (never leaves the server) */
  doorSecret?: string;
  /** Art. 8: who presides, as shown */
  presiding?: { id: string; name: string; title: string };
  /** Art. 8: order and planned minutes of the agenda items, per section (the items are generated) */
  agendaPlan?: Record<string, Array<{ id: string; minutes: number }>>;
  /** issue #22: files attached to the agenda's sections, 公开 or 会内 */
  materials?: Array<{ id: string; sectionIndex: number; title: string; fileId: string; fileName: string; contentType: string; size: number; visibility: 'public' | 'meeting'; attachedBy: string; at: string }>;
  /** issue #22: the office's rank order of the rostrum (person ids), when it reordered it */
  seatingOrder?: string[];
  /** issue #22: the agenda items as they were taken up in the room, in order, with the time */
  proceedings?: Array<{ itemId: string; title: string; sectionTitle: string; plannedMinutes: number; startedAt: string; byName: string }>;
  declineReason?: string;
  cancelReason?: string;
  startedAt?: string;
  heldAt?: string;
  /** Art. 13 (issue #12): the rules document and the parameter version in force when it was requested */
  rules?: { source: string; effectiveFrom: string };
  /** Art. 9: when the minutes were issued */
  minutesIssuedAt?: string;
  /** Art. 6: each side's confirmation of the topic list; fixed when both confirm the same topics */
  topicList?: { gov: ListConfirmation | null; union: ListConfirmation | null };
  /** bumped by every change to the accepted topics (accept, a merge into an accepted topic) */
  listRevision?: number;
  /** Art. 8 (2): the accepted topics, in order, once the list is fixed */
  agenda?: string[];
  /** Art. 8 (3): the fixed topics as the agenda shows them, written when the list is fixed */
  agendaTopics?: Array<{ id: string; title: string; sideLabel: string }>;
  /** how many topics were proposed in all (Art. 8 (2): how this meeting's topics arose) */
  proposedCount?: number;
  /** issue #16: every notice issued, frozen as issued (the original, then each 变更通知); the last is in force */
  notices?: NoticeSnapshot[];
  /** issue #16: the attendance list the union office confirmed before submitting the minutes */
  attendanceList?: { entries: AttendanceEntry[]; confirmedBy: string; confirmedByName: string; confirmedAt: string };
}

/** What a notice said when it was issued: the document is always rendered from this, never the live meeting. */
export interface NoticeSnapshot {
  version: number;
  kind: 'notice' | 'change';
  docNumber: string;
  issuedAt: string;
  issuedBy: string;
  title: string;
  plannedAt: string;
  place: string | null;
  presiding: { name: string; title: string } | null;
  /** Art. 5: who is invited, in protocol order */
  attendees: Array<{ name: string; unit: string; title: string; category: InviteeCategory }>;
  /** Art. 8: the agenda's sections and the topics under discussion */
  agenda: Array<{ key: string; title: string; items: string[] }>;
  /** a 变更通知: the notice it changes and what was fixed before */
  changes?: { docNumber: string; plannedAt: string; place: string | null; dayMoved: boolean };
}

export interface ListConfirmation {
  by: string;
  byName: string;
  at: string;
  /** exactly the accepted topics this side confirmed, sorted (Art. 6: both confirm the same list) */
  topicIds: string[];
}

export interface TopicHistoryEntry {
  at: string;
  event: 'submit' | 'update' | 'accept' | 'return' | 'merge' | 'withdraw' | 'resubmit' | 'absorb' | 'listed';
  by: string;
  byName: string;
  note?: string;
}

export interface TopicOpinion {
  at: string;
  by: string;
  byName: string;
  byUnit: string;
  side: OneSide;
  text: string;
}

/** Art. 3 + 6: one proposed agenda item. */
export interface TopicDoc extends StoredDoc {
  orgId: string;
  meetingId: string;
  meetingTitle: string;
  side: Side;
  /** the side carrying the work: the side itself, or a joint topic's lead side */
  leadSide: OneSide;
  /** the aggregating office (Art. 6) */
  routedTo: Role;
  category: TopicCategory;
  title: string;
  background: string;
  research: string;
  request: string;
  status: TopicStatus;
  createdBy: string;
  proposerName: string;
  proposerUnit: string;
  createdAt: string;
  updatedAt: string;
  /** Shanghai calendar day of submission, for the daily limit */
  submitDay: string;
  returnReason?: string;
  mergedInto?: { id: string; title: string; note?: string };
  history: TopicHistoryEntry[];
  opinions: TopicOpinion[];
  /** derived from status (domain topicAudience): the roles that see it in the meeting's list */
  audience: Role[];
  /** how many opinions the other side has given (征求意见), for the confirmation page's count */
  otherSideOpinions: number;
  /** issue #16: the other side's office recorded that the side has no opinion (无意见) */
  noOpinion?: { side: OneSide; at: string; by: string; byName: string };
  /** issue #23: the written reply (答复) to the proposer when returned, merged or not taken up */
  reply?: TopicReply;
}

/** Issue #23 (职代会提案 practice): the written answer the proposer gets when the topic goes no further. */
export interface TopicReply {
  kind: 'returned' | 'merged' | 'not_taken_up';
  text: string;
  at: string;
  byName: string;
}

export interface SettingsDoc extends StoredDoc {
  orgId: string;
  /** the date from which these parameters apply (Art. 13: rules are versioned per org) */
  effectiveFrom: string;
  topicLeadMonths: number;
  dueSoonDays: number;
  regularMeetingsPerYear: number;
  /** issue #20: the ladder (domain/settings.ts LadderParams); a version without them uses the defaults */
  ladderHour?: number;
  escalateAfterDays?: number;
  minutesDraftDays?: number[];
  approverDays?: number;
  source: string;
  /** issue #12: who set this version, and when */
  setBy?: string;
  setByName?: string;
  setAt?: string;
}

/** Art. 5: one person invited to one meeting, with their reply and presence. `_id` is meetingId:personId. */
export interface InvitationDoc extends StoredDoc {
  meetingId: string;
  orgId: string;
  /** copied from the meeting so "my invitations" is one indexed query */
  meetingTitle: string;
  plannedAt: string;
  personId: string;
  name: string;
  unit: string;
  title: string;
  side: OneSide;
  category: InviteeCategory;
  invitedBy: string;
  invitedAt: string;
  /** false until the person replies: unanswered invitations sort first */
  answered: boolean;
  answer: 'attend' | 'decline' | 'substitute' | null;
  reason?: string;
  substitute?: { name: string; post: string };
  repliedAt?: string;
  presentAt?: string;
  markedBy?: string;
  /** the person's roles when invited (protocol order, issue #16) */
  roles?: Role[];
  /** check-ins the office undid before the meeting was adjourned (issue #16), who and why */
  undoneCheckIns?: Array<{ presentAt: string; by: string; byName: string; at: string; reason: string }>;
  /** a reply asked for again by a 变更通知 that moved the day keeps the earlier one */
  earlierReply?: { answer: 'attend' | 'decline' | 'substitute'; repliedAt?: string; changedBy: string };
}

/** Art. 9: the minutes of one meeting (`_id` = meetingId); every saved text is kept. */
export interface MinutesDoc extends StoredDoc {
  orgId: string;
  meetingId: string;
  status: MinutesStatus;
  versions: Array<{
    n: number; text: string; decisions: Array<{ title: string; text: string; topicIds?: string[] }>; savedAt: string; savedBy: string; savedByName: string;
    /** issue #23: listed topics not taken up, with the reason the minutes give */
    notTakenUp?: Array<{ topicId: string; reason: string }>;
  }>;
  returns: Array<{ version: number; stage: MinutesStatus; reason: string; by: string; byName: string; at: string }>;
  approvals: Array<{ version: number; stage: MinutesStatus; by: string; byName: string; at: string }>;
  /** frozen on issue, each with the id tasks are assigned against */
  decisions?: Array<{ id: string; n: number; title: string; text: string; topicIds?: string[] }>;
  /** issue #23: frozen on issue, the listed topics the meeting did not take up and why */
  notTakenUp?: Array<{ topicId: string; reason: string }>;
  docNumber?: string;
  issuedAt?: string;
  issuedBy?: string;
  /** who submitted the current draft (separation of duties: they may not approve it) */
  submittedBy?: string;
  /** Art. 9: the 出席 / 请假 / 列席 blocks frozen when issued (issue #16) */
  attendance?: { present: string[]; leave: string[]; observers: string[] };
}

/** Art. 11: one task of the checklist. */
export interface TaskDoc extends StoredDoc {
  orgId: string;
  meetingId: string;
  meetingTitle: string;
  decisionId: string;
  decisionTitle: string;
  decisionText: string;
  title: string;
  ownerId: string;
  ownerName: string;
  /** the responsible unit, from the owner's unit when assigned */
  unit: string;
  keeperRole: Role;
  assignedBy: string;
  assignedAt: string;
  /** `YYYY-MM-DD`, the end of that day in Shanghai */
  deadline: string;
  /** when it turns overdue (the next midnight in Shanghai): the indexed field of the overdue query */
  dueAt: string;
  /** bumped by every change of deadline; reminders key on it (issue #10) */
  deadlineVersion: number;
  status: TaskStatus;
  /** not done: the indexed half of "open and overdue" */
  open: boolean;
  progress: Array<{ text: string; at: string; by: string; byName: string }>;
  completion: { text: string; at: string; evidence: Array<{ fileId: string; fileName: string; contentType: string; size: number }> } | null;
  sendBacks: Array<{ reason: string; at: string; by: string; byName: string }>;
  explanations: Array<{ explanation: string; opinion: string; newDeadline: string; oldDeadline: string; by: string; byName: string; at: string }>;
  /** issue #16: every deadline the task had, oldest first (absent on tasks made before: see deadlineHistory) */
  deadlines?: DeadlineEntry[];
  /** issue #16: requests for a new deadline, oldest first; at most one `pending` */
  deadlineRequests?: DeadlineRequest[];
  verifiedAt?: string;
  verifiedBy?: string;
  verifiedByName?: string;
}

/** Art. 10: the press release of one meeting (`_id` = meetingId). */
export interface PressDoc extends StoredDoc {
  orgId: string;
  meetingId: string;
  title: string;
  text: string;
  revision: number;
  status: PressStatus;
  /** approvals of the current revision, per office side */
  approvals: { gov: { by: string; byName: string; at: string; revision: number } | null; union: { by: string; byName: string; at: string; revision: number } | null };
  returns: Array<{ reason: string; side: OneSide; by: string; byName: string; at: string }>;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}
