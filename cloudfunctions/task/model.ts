// The records the task actions name: a decided item of issued minutes (to assign against) and a
// task of the checklist (Art. 11).
import { AppError, minutesWorkflow, taskWorkflow, type Actor, type OrgFacts, type TaskEvent, type TaskFacts } from '../../domain';
import type { MeetingDoc, MinutesDoc, TaskDoc } from '../../server/docs';
import { edgeGuard } from '../../server/records';
import { defineRecordKind } from '../../server/registry';

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
