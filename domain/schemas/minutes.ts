// Contract of area `minutes` (Art. 9): one set of minutes per meeting, named by its meetingId.
import * as z from 'zod/mini';
import { MINUTES_LIMITS, MINUTES_MAX_DECISIONS } from '../limits';
import { ATTENDANCE_STATUSES } from '../attendance';
import type { MinutesStatus } from '../workflows/minutes';
import { DECISION_MAX_TOPICS, NOT_TAKEN_UP_REASON } from '../chain-rules';
import { Id, Text } from './common';

const MeetingId = { meetingId: Id };

export const MinutesIdInput = z.strictObject(MeetingId);

/** Issue #23: a decided item names the listed topics it answers. */
const TopicIds = z.array(Id).check(z.maxLength(DECISION_MAX_TOPICS, `一项议定事项至多对应 ${DECISION_MAX_TOPICS} 个议题`), z.refine((ids) => new Set(ids).size === ids.length, { message: '同一议题不能重复选择' }));

export const SaveMinutesInput = z.strictObject({
  ...MeetingId,
  text: Text(MINUTES_LIMITS.text),
  decisions: z.array(z.strictObject({ title: Text(MINUTES_LIMITS.decisionTitle), text: Text(MINUTES_LIMITS.decisionText), topicIds: z.optional(TopicIds) })).check(z.minLength(1, '请至少列出一项议定事项'), z.maxLength(MINUTES_MAX_DECISIONS, `议定事项不能超过 ${MINUTES_MAX_DECISIONS} 项`)),
  /** issue #23: listed topics the meeting did not take up, each with the reason the minutes give */
  notTakenUp: z.optional(z.array(z.strictObject({ topicId: Id, reason: Text(NOT_TAKEN_UP_REASON) })).check(z.maxLength(MINUTES_MAX_DECISIONS))),
});

export const ReturnMinutesInput = z.strictObject({ ...MeetingId, reason: Text(MINUTES_LIMITS.reason) });
/** Issue #16: the union office confirms who attended, correcting the check-in record with a reason. */
export const SetAttendanceInput = z.strictObject({
  ...MeetingId,
  // an empty list confirms the check-in record as it stands
  entries: z.array(z.strictObject({ personId: Id, status: z.enum(ATTENDANCE_STATUSES), reason: z.optional(Text(MINUTES_LIMITS.reason)) })).check(z.maxLength(300)),
});

export const IssueMinutesInput = z.strictObject({ ...MeetingId, docNumber: Text(MINUTES_LIMITS.docNumber) });

export interface MinutesDecisionDraft {
  title: string;
  text: string;
  /** issue #23: the listed topics this decided item answers */
  topicIds?: string[];
}

/** Issue #23: a listed topic the meeting did not take up, with the reason the minutes give. */
export interface NotTakenUpDraft {
  topicId: string;
  reason: string;
}

export interface MinutesVersionView {
  n: number;
  text: string;
  decisions: MinutesDecisionDraft[];
  /** issue #23 */
  notTakenUp?: NotTakenUpDraft[];
  savedAt: string;
  savedByName: string;
}

export interface MinutesReturnView {
  /** the version that was returned */
  version: number;
  stageLabel: string;
  reason: string;
  byName: string;
  at: string;
}

export interface MinutesApprovalView {
  version: number;
  stageLabel: string;
  byName: string;
  at: string;
}

/** A decided item once the minutes are issued: frozen, with the id tasks are assigned against. */
export interface DecisionView {
  id: string;
  n: number;
  title: string;
  text: string;
  /** issue #23: the topics it answers */
  topicIds?: string[];
  /** tasks assigned against it so far (offices only; 0 for others) */
  taskCount: number;
  /** 'assign' when the caller may give tasks against it (Art. 11) */
  allowedActions: string[];
}

export interface MinutesView {
  meetingId: string;
  orgId: string;
  meetingTitle: string;
  meetingStatus: string;
  heldAt?: string;
  /** false until the first save */
  exists: boolean;
  status: MinutesStatus;
  statusLabel: string;
  /** what the caller is asked to do now, if anything */
  nextStep?: string;
  current: MinutesVersionView | null;
  /** every saved version, newest first */
  versions: MinutesVersionView[];
  returns: MinutesReturnView[];
  approvals: MinutesApprovalView[];
  decisions: DecisionView[];
  docNumber?: string;
  issuedAt?: string;
  /** Art. 9: the 出席 / 请假 / 列席 blocks, from the confirmed attendance (frozen once issued) */
  attendance: { present: string[]; leave: string[]; observers: string[] };
  /** issue #16: every invitee with the check-in fact and the status in force, in protocol order */
  attendanceList: AttendanceListView;
  /** why the caller may not approve the current draft although reviewing is theirs (separation of duties) */
  approveBlocked?: string;
  /** issue #22: the order of business as taken up in the room, for the draft */
  proceedings: Array<{ title: string; sectionTitle: string; startedAt: string }>;
  /** issue #23: the meeting's listed topics, for the editor to name the ones each decided item answers */
  listedTopics?: Array<{ id: string; title: string; sideLabel: string }>;
  allowedActions: string[];
}

export interface AttendanceListRowView {
  personId: string;
  name: string;
  unit: string;
  title: string;
  categoryLabel: string;
  /** 出席 or 列席 when present (Art. 5 category) */
  blockLabel: string;
  /** the status in force (confirmed, or from check-in until confirmed) */
  status: 'present' | 'leave' | 'absent';
  statusLabel: string;
  /** what check-in recorded */
  factStatus: 'present' | 'leave' | 'absent';
  checkedIn: boolean;
  presentAt?: string;
  replyLabel: string;
  reason?: string;
  /** shown as printed: a substitute as 姓名（职务，代某某） */
  printedName: string;
  corrected?: { fromLabel: string; byName: string; at: string; reason: string };
}

export interface AttendanceListView {
  /** true once the union office has confirmed the list */
  confirmed: boolean;
  confirmedByName?: string;
  confirmedAt?: string;
  /** frozen with the issued minutes */
  frozen: boolean;
  counts: { present: number; leave: number; absent: number };
  rows: AttendanceListRowView[];
}
