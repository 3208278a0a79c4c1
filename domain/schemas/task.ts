// Contract of area `task` (Art. 11, Art. 3 (1)): the implementation checklist (落实清单).
import * as z from 'zod/mini';
import { DEADLINE_LIMITS } from '../deadline-limits';
import { TASK_LIMITS } from '../limits';
import { EVIDENCE_MAX_FILES, isCalendarDate, type DeadlineHow, type DeadlineRequestState, type TaskLight } from '../task-rules';
import type { TaskStatus } from '../workflows/task';
import { Cursor, Id, Text } from './common';

const TaskId = { taskId: Id };
/** a calendar date in Shanghai; the deadline is the end of that day */
export const DateOnly = z.string().check(z.refine(isCalendarDate, '日期格式应为 YYYY-MM-DD'));
/** a decided item's id: `<meetingId>_d<n>` */
export const DecisionId = z.string().check(z.minLength(4), z.maxLength(80), z.regex(/^[A-Za-z0-9_-]+_d[0-9]{1,3}$/, '议定事项编号格式不正确'));
/** an uploaded file: `local:<hex>` from the host's upload, or a `cloud://` file id from WeChat */
export const FileRef = z.string().check(z.minLength(8), z.maxLength(300), z.regex(/^(local:[0-9a-f]{32}|cloud:\/\/[A-Za-z0-9._%\-/]+)$/, '文件编号格式不正确'));

export const TaskIdInput = z.strictObject(TaskId);

export const AssignTaskInput = z.strictObject({
  decisionId: DecisionId,
  title: Text(TASK_LIMITS.title),
  ownerId: Id,
  deadline: DateOnly,
});

export const ReportTaskInput = z.strictObject({ ...TaskId, text: Text(TASK_LIMITS.text) });

export const CompleteTaskInput = z.strictObject({
  ...TaskId,
  text: Text(TASK_LIMITS.text),
  // the name as the person picked it (a WeChat cloud path keeps only ASCII); shown, never trusted for the type
  evidence: z.optional(z.array(z.strictObject({ fileId: FileRef, fileName: z.optional(Text(TASK_LIMITS.fileName)) })).check(z.maxLength(EVIDENCE_MAX_FILES, `证明材料最多 ${EVIDENCE_MAX_FILES} 个`))),
});

export const SendBackTaskInput = z.strictObject({ ...TaskId, reason: Text(TASK_LIMITS.reason) });

export const ExplainTaskInput = z.strictObject({
  ...TaskId,
  explanation: Text(TASK_LIMITS.explanation),
  opinion: Text(TASK_LIMITS.opinion),
  newDeadline: DateOnly,
});

/** Issue #16: the responsible person asks the keeping office for a later deadline, with the reason. */
export const RequestDeadlineInput = z.strictObject({ ...TaskId, newDeadline: DateOnly, reason: Text(DEADLINE_LIMITS.reason) });

/** Issue #16: the keeping office approves or refuses the pending request; a refusal says why. */
export const DecideDeadlineInput = z.strictObject({ ...TaskId, approve: z.boolean(), reason: z.optional(Text(DEADLINE_LIMITS.decision)) }).check(z.refine((v) => v.approve || v.reason !== undefined, { message: '不同意延期须说明理由', path: ['reason'] }));

/** Issue #16: the keeping office sets a new deadline itself (any day from today), with the reason. */
export const SetDeadlineInput = z.strictObject({ ...TaskId, deadline: DateOnly, reason: Text(DEADLINE_LIMITS.setReason) });

export const ListTasksInput = z.strictObject({
  /** issue #19: verify — kept by the caller's office, awaiting its verification; deadlines — with a deadline request waiting for it */
  scope: z.enum(['mine', 'meeting', 'overdue', 'verify', 'deadlines']),
  meetingId: z.optional(Id),
  /** overdue: a county's, for the city's offices (Art. 12, read only); default the caller's org */
  orgId: z.optional(Id),
  cursor: z.optional(Cursor),
}).check(z.refine((v) => v.scope !== 'meeting' || v.meetingId !== undefined, { message: '请指定会议', path: ['meetingId'] }));

export const ExportChecklistInput = z.strictObject({ meetingId: Id });
export const EvidenceLinkInput = z.strictObject({ ...TaskId, fileId: FileRef });

export interface EvidenceView {
  fileId: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface TaskCardView {
  id: string;
  title: string;
  meetingId: string;
  meetingTitle: string;
  decisionTitle: string;
  ownerName: string;
  unit: string;
  keeperLabel: string;
  deadline: string;
  countdown: string;
  light: TaskLight;
  lightLabel: string;
  status: TaskStatus;
  statusLabel: string;
  /** Art. 3 (1): an unfinished task has an explanation for the next meeting */
  explained: boolean;
  /** issue #16: the new deadline the responsible person asked for, while the keeper has not decided */
  deadlineRequested: string | null;
}

/** Issue #16: one deadline the task had, oldest first; the last is the one in force. */
export interface DeadlineEntryView {
  deadline: string;
  setAt: string;
  byName: string;
  how: DeadlineHow;
  howLabel: string;
  reason: string | null;
}

/** Issue #16: a request for a new deadline and the keeper's decision. */
export interface DeadlineRequestView {
  newDeadline: string;
  oldDeadline: string;
  reason: string;
  byName: string;
  at: string;
  state: DeadlineRequestState;
  stateLabel: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decision: string | null;
}

export interface TaskView extends TaskCardView {
  orgId: string;
  decisionId: string;
  decisionText: string;
  ownerId: string;
  progress: Array<{ text: string; at: string; byName: string }>;
  completion: { text: string; at: string; evidence: EvidenceView[] } | null;
  sendBacks: Array<{ reason: string; at: string; byName: string }>;
  explanations: Array<{ explanation: string; opinion: string; newDeadline: string; oldDeadline: string; byName: string; at: string }>;
  verifiedAt?: string;
  verifiedByName?: string;
  /** issue #16: every deadline the task had, oldest first */
  deadlines: DeadlineEntryView[];
  /** issue #16: every request for a new deadline, newest first; the pending one (if any) first */
  deadlineRequests: DeadlineRequestView[];
  allowedActions: string[];
}

export interface TaskListView {
  items: TaskCardView[];
  /** how many of the listed scope carry each light */
  counts: Record<TaskLight, number>;
  nextCursor?: string;
  /** issue #16: how many of the listed tasks wait for the keeper's decision on a new deadline */
  pendingRequests: number;
  /** 'exportChecklist' when the caller sees the whole checklist of the meeting */
  allowedActions: string[];
}
