// How a task is shown as a card (Art. 11): its light against the org's due-soon window in force
// (Art. 13) and the countdown. The task list and the meeting's agenda (the previous meeting's
// checklist) both show tasks as cards, so the card lives in server/, not in the task area.
import {
  countdownLabel,
  LIGHT_LABEL,
  pendingDeadlineRequest,
  ROLE_INFO,
  taskLight,
  taskWorkflow,
  type ResultTaskView,
  type RuleParams,
  type TaskCardView,
} from '../../domain';
import type { TaskDoc } from '../store/docs';

export const KEEPER_LABEL = (t: TaskDoc) => ROLE_INFO[t.keeperRole].label;

/** Art. 3 (1): an unfinished task counts as explained once it has an explanation. */
export const isExplained = (t: TaskDoc) => t.status === 'done' || t.explanations.length > 0;

export function toTaskCard(t: TaskDoc, now: Date, params: RuleParams): TaskCardView {
  const light = taskLight(t, now, params.dueSoonDays);
  return {
    id: t._id, title: t.title, meetingId: t.meetingId, meetingTitle: t.meetingTitle, decisionTitle: t.decisionTitle,
    ownerName: t.ownerName, unit: t.unit, keeperLabel: KEEPER_LABEL(t), deadline: t.deadline,
    countdown: countdownLabel(t.deadline, now, t.status === 'done'),
    light, lightLabel: LIGHT_LABEL[light], status: t.status, statusLabel: taskWorkflow.states[t.status].label,
    explained: isExplained(t),
    deadlineRequested: pendingDeadlineRequest(t)?.newDeadline ?? null,
  };
}

/** Issue #23: a task as the results page and the proposer's chain show it (the checklist's light). */
export function toResultTask(t: TaskDoc, now: Date, dueSoonDays: number): ResultTaskView {
  const light = taskLight(t, now, dueSoonDays);
  return {
    id: t._id, title: t.title, unit: t.unit, deadline: t.deadline, light, lightLabel: LIGHT_LABEL[light],
    status: t.status, statusLabel: taskWorkflow.states[t.status].label,
  };
}
