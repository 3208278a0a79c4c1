// How a task is shown (Art. 11): its light against the org's due-soon window in force (Art. 13),
// the countdown, the history, and allowedActions from the record kit.
import {
  DEADLINE_HOW_LABEL,
  DEADLINE_REQUEST_LABEL,
  deadlineHistory,
  LIGHT_RANK,
  type Actor,
  type RuleParams,
  type TaskLight,
  type TaskListView,
  type TaskView,
} from '../../domain';
import { offeredActions, offeredCall } from '../../server/kit/access';
import { CHASE_RULES, chaseLoaded } from '../../server/notify/chase';
import type { TaskDoc } from '../../server/store/docs';
import { toTaskCard } from '../../server/areas/task-card';
import { taskFacts, taskKind } from '../../server/areas/task';

export function toTaskView(t: TaskDoc, now: Date, params: RuleParams, actor: Actor): TaskView {
  return {
    ...toTaskCard(t, now, params),
    orgId: t.orgId, decisionId: t.decisionId, decisionText: t.decisionText, ownerId: t.ownerId,
    progress: t.progress.map(({ text, at, byName }) => ({ text, at, byName })),
    completion: t.completion,
    sendBacks: t.sendBacks.map(({ reason, at, byName }) => ({ reason, at, byName })),
    explanations: t.explanations.map(({ explanation, opinion, newDeadline, oldDeadline, byName, at }) => ({ explanation, opinion, newDeadline, oldDeadline, byName, at })),
    ...(t.verifiedAt ? { verifiedAt: t.verifiedAt, verifiedByName: t.verifiedByName ?? '' } : {}),
    deadlines: deadlineHistory(t).map(({ deadline, setAt, byName, how, reason }) => ({ deadline, setAt, byName, how, howLabel: DEADLINE_HOW_LABEL[how], reason: reason ?? null })),
    // the pending one first, then the decided ones, newest first
    deadlineRequests: [...(t.deadlineRequests ?? [])].reverse().sort((a, b) => Number(b.state === 'pending') - Number(a.state === 'pending')).map((r) => ({
      newDeadline: r.newDeadline, oldDeadline: r.oldDeadline, reason: r.reason, byName: r.byName, at: r.at, state: r.state, stateLabel: DEADLINE_REQUEST_LABEL[r.state],
      decidedByName: r.decidedByName ?? null, decidedAt: r.decidedAt ?? null, decision: r.decision ?? null,
    })),
    // issue #20: 催办 by the office that keeps it, while it is being worked on
    allowedActions: [...offeredActions(taskKind, actor, { record: t, facts: taskFacts(t) }), ...offeredCall(CHASE_RULES, actor, chaseLoaded({ subject: 'task', task: t }), now)],
  };
}

/** Overdue first, then due soon, on track, done; the nearest deadline first within each. */
export function toTaskList(tasks: readonly TaskDoc[], now: Date, params: RuleParams): TaskListView {
  const items = tasks.map((t) => toTaskCard(t, now, params));
  items.sort((a, b) => LIGHT_RANK[a.light] - LIGHT_RANK[b.light] || a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
  const counts: Record<TaskLight, number> = { red: 0, yellow: 0, green: 0, done: 0 };
  for (const i of items) counts[i.light] += 1;
  return { items, counts, pendingRequests: items.filter((i) => i.deadlineRequested !== null).length, allowedActions: [] };
}
