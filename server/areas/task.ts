// The records the task actions name: a decided item of issued minutes (to assign against) and a
// task of the checklist (Art. 11). The minutes area names a decided item too, so they live in server/.
import {
  addDaysCN,
  AppError,
  deadlineHistory,
  doneOnTime,
  deadlineRequestProblem,
  minutesWorkflow,
  pendingDeadlineRequest,
  ROLE_INFO,
  startOfDayCN,
  taskWorkflow,
  wasExtended,
  type Actor,
  type DeadlineRequest,
  type OrgFacts,
  type TaskEvent,
  type TaskFacts,
  type TaskLight,
} from '../../domain';
import type { MeetingDoc, MinutesDoc, TaskDoc } from '../store/docs';
import { edgeGuard } from '../kit/records';
import { defineRecordKind } from '../kit/registry';
import { findAll, type Filter, type Patch, type Store } from '../store/port';

export interface DecisionRecord {
  meeting: MeetingDoc;
  minutes: MinutesDoc;
  decision: NonNullable<MinutesDoc['decisions']>[number] | null;
}

/** `<meetingId>_d<n>` → the meeting id. */
export function meetingOfDecision(decisionId: string): string {
  return decisionId.slice(0, decisionId.lastIndexOf('_d'));
}

/** A decided item, by decisionId; the minutes' readers may see it. */
export const decisionKind = defineRecordKind<{ decisionId: string }, DecisionRecord>({
  readAs: 'minutes.get',
  load: async ({ decisionId }, store) => {
    const meetingId = meetingOfDecision(decisionId);
    const [meeting, minutes] = await Promise.all([store.get<MeetingDoc>('meetings', meetingId), store.get<MinutesDoc>('minutes', meetingId)]);
    if (!meeting || !minutes) return null;
    const decision = minutes.decisions?.find((d) => d.id === decisionId) ?? null;
    const facts: OrgFacts = { kind: 'org', orgId: meeting.orgId };
    return { record: { meeting, minutes, decision }, facts };
  },
});

/** Art. 11: tasks are assigned against the decided items of issued minutes. */
export function requireIssuedDecision(r: DecisionRecord): void {
  if (r.minutes.status !== 'issued') {
    throw new AppError('invalid_transition', `纪要「${minutesWorkflow.states[r.minutes.status].label}」，印发后才能分解落实任务`);
  }
  if (!r.decision) throw new AppError('not_found', '议定事项不存在');
}

export const taskFacts = (t: TaskDoc): TaskFacts => ({ kind: 'task', orgId: t.orgId, ownerId: t.ownerId, keeperRole: t.keeperRole });

export const taskKind = defineRecordKind<{ taskId: string }, TaskDoc>({
  readAs: 'task.get',
  load: async ({ taskId }, store) => {
    const task = await store.get<TaskDoc>('tasks', taskId);
    return task ? { record: task, facts: taskFacts(task) } : null;
  },
});

export function taskEdge(event: TaskEvent): (t: TaskDoc, actor: Actor) => void {
  return edgeGuard(taskWorkflow, (t: TaskDoc) => t.status, event);
}

/** A step on an unfinished task (report progress, explain): refused once it is done. */
export function requireOpen(t: TaskDoc): void {
  if (!t.open) throw new AppError('invalid_transition', `任务「${taskWorkflow.states[t.status].label}」，不能再修改`);
}

// ---- issue #16: a request for a new deadline (a field of the task, not a workflow state) ----

/** An open task with no request waiting: the responsible person may ask. */
export function requireNoPendingRequest(t: TaskDoc): void {
  requireOpen(t);
  const p = pendingDeadlineRequest(t);
  if (p) throw new AppError('invalid_transition', `已有待审批的延期申请（申请延至 ${p.newDeadline}），请等待${ROLE_INFO[t.keeperRole].label}审批后再申请`);
}

/**
 * A new request, checked: not in the past, later than the deadline in force. Refused with the
 * reason at the `newDeadline` field.
 */
export function newRequest(t: TaskDoc, newDeadline: string, reason: string, actor: Actor, now: Date): DeadlineRequest {
  const problem = deadlineRequestProblem(newDeadline, t.deadline, now);
  if (problem) throw new AppError('validation_error', problem, { field: 'newDeadline' });
  return { newDeadline, oldDeadline: t.deadline, reason, by: actor.id, byName: actor.name, at: now.toISOString(), state: 'pending' };
}

/** The patch that files a request (the history as it was, plus the new one). */
export const filing = (t: TaskDoc, r: DeadlineRequest): Patch<TaskDoc> => ({ deadlineRequests: [...(t.deadlineRequests ?? []), r], ...storedHistory(t) });

/**
 * A task made before issue #16 gets its deadline history stored at its first write about deadlines
 * (see deadlineHistory): from then on an explanation is never read as a move of the deadline.
 */
export const storedHistory = (t: TaskDoc): Patch<TaskDoc> => (t.deadlines ? {} : { deadlines: deadlineHistory(t) });


/**
 * Issue #19, the work queue: the tasks the caller's office keeps (it assigned them, the `taskKeeper`
 * row rule) that wait for its verification (Art. 11). Served by the (orgId, open, dueAt) index.
 */
export const toVerifyFilter = (actor: Actor): Filter => ({ orgId: actor.orgId, open: true, status: 'awaiting_verification', keeperRole: { in: actor.roles } });

/**
 * Issue #19: the open tasks the caller's office keeps with a deadline request waiting for its
 * decision (issue #16). A pending request is a field of the task, not an indexed state: the org's
 * open tasks it keeps are read through the (orgId, open, dueAt) index and the pending ones kept.
 */
export async function deadlineRequestsWaiting(store: Store, actor: Actor): Promise<TaskDoc[]> {
  const kept = await findAll<TaskDoc>(store, 'tasks', { orgId: actor.orgId, open: true, keeperRole: { in: actor.roles } }, [['dueAt', 'asc']]);
  return kept.filter((t) => pendingDeadlineRequest(t) !== null);
}

// ---- issue #25: paged or counted, never whole sets ----

/** A page of a long task list (my tasks, an org's overdue tasks); the app loads more on scroll. */
export const TASK_PAGE = 20;

/**
 * The lights as conditions on the stored `dueAt` (= deadlineEnds(deadline), written with every
 * deadline), for open tasks: red once `now` reaches it, yellow while the deadline is fewer than
 * `dueSoonDays` calendar days (Shanghai) away — the same judgement as taskLight, as index ranges.
 */
export function lightRanges(now: Date, dueSoonDays: number): { red: Filter[string]; yellow: Filter[string] } {
  const at = now.toISOString();
  return { red: { lte: at }, yellow: { gt: at, lte: addDaysCN(startOfDayCN(now), dueSoonDays) } };
}

/**
 * How many tasks of `base` carry each light: four counts, however many tasks there are. `base` has
 * no condition on `open` or `dueAt` (the counts set those).
 */
export async function countLights(store: Store, base: Filter, now: Date, dueSoonDays: number): Promise<Record<TaskLight, number>> {
  if ('open' in base || 'dueAt' in base) throw new Error('countLights: the base filter may not name open or dueAt');
  const r = lightRanges(now, dueSoonDays);
  const open = { ...base, open: true };
  const [red, yellow, openAll, done] = await Promise.all([
    store.count('tasks', { ...open, dueAt: r.red }),
    store.count('tasks', { ...open, dueAt: r.yellow }),
    store.count('tasks', open),
    store.count('tasks', { ...base, open: false }),
  ]);
  return { red, yellow, green: openAll - red - yellow, done };
}

/**
 * Issue #25: what the annual assessment counts of a task but cannot read from an indexed field —
 * done on time (against the deadline in force when it fell due) and extended — kept on the task by
 * every write that changes its status or deadline, so compliance counts them. A task without
 * `extended` was last written before: compliance reads those few and judges them itself.
 */
export interface TaskFigures {
  extended: boolean;
  onTime: boolean;
}
export type FiguredTask = TaskDoc & Partial<TaskFigures>;

export const taskFigures = (t: TaskDoc): TaskFigures => ({ extended: wasExtended(t), onTime: t.status === 'done' && doneOnTime(t) });

/** The patch plus the figures of the task as it will be after it. */
export function withFigures(t: TaskDoc, patch: Patch<TaskDoc>): Patch<FiguredTask> {
  return { ...patch, ...taskFigures({ ...t, ...patch } as TaskDoc) };
}
