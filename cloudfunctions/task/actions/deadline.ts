// task.requestDeadline / task.decideDeadline / task.setDeadline — issue #16, Art. 3 (1), Art. 11:
// the keeper decides a task's deadline. The responsible person asks for a later one with the reason;
// the keeping office (the one that assigned the task) approves or refuses it, or sets a deadline
// itself. Until a request is approved the deadline, its light and its reminders stand. Every
// deadline the task had is kept (`deadlines`) with who set it; moving it bumps `deadlineVersion`,
// so reminders keyed on the old deadline never fire, and schedules the new ones (issue #10).
// A pending request is a field of the task (`deadlineRequests`, at most one `pending`), not a
// workflow state: the task stays in progress (or awaiting verification) while it waits.
import {
  AppError,
  deadlineEnds,
  deadlineHistory,
  deadlineIsPast,
  DecideDeadlineInput,
  pendingDeadlineRequest,
  RequestDeadlineInput,
  SetDeadlineInput,
  type DeadlineEntry,
  type DeadlineRequest,
} from '../../../domain';
import type { TaskDoc } from '../../../server/store/docs';
import { peopleWithRoles } from '../../../server/notify/notify';
import { schedule, taskReminders } from '../../../server/notify/reminders';
import { defineAction, type ActionContext } from '../../../server/kit/registry';
import type { Patch, TxStore } from '../../../server/store/port';
import { filing, newRequest, requireNoPendingRequest, requireOpen, taskKind, withFigures, type FiguredTask } from '../../../server/areas/task';
import { deadlineDecided, deadlineRequested, deadlineSet } from '../notices';
import { taskAnswer } from './work';

function requirePendingRequest(t: TaskDoc): void {
  requireOpen(t);
  if (!pendingDeadlineRequest(t)) throw new AppError('invalid_transition', '该任务没有待审批的延期申请');
}

function requireNothingPending(t: TaskDoc): void {
  requireOpen(t);
  const p = pendingDeadlineRequest(t);
  if (p) throw new AppError('invalid_transition', `责任人申请延至 ${p.newDeadline}，请先同意或不同意该申请`);
}

/**
 * Moves the deadline in the transaction: history, version, the overdue index and the reminders.
 * `dueSoonDays` is read before the transaction (no reads outside it while it runs).
 */
async function moveDeadline(ctx: ActionContext<TaskDoc>, tx: TxStore, t: TaskDoc, dueSoonDays: number, entry: DeadlineEntry, more: Patch<TaskDoc>): Promise<TaskDoc> {
  const next = await tx.update<FiguredTask>('tasks', t._id, t.version, withFigures(t, {
    ...more,
    deadline: entry.deadline, dueAt: deadlineEnds(entry.deadline), deadlineVersion: t.deadlineVersion + 1,
    deadlines: [...deadlineHistory(t), entry],
  }));
  await schedule(tx, taskReminders(next, dueSoonDays, ctx.now), ctx.now);
  return next;
}

export const requestDeadline = defineAction({
  name: 'task.requestDeadline',
  input: RequestDeadlineInput,
  record: taskKind,
  guard: requireNoPendingRequest,
  target: (i) => i.taskId,
  handler: async ({ newDeadline, reason }, ctx) => {
    const t = ctx.record;
    const request = newRequest(t, newDeadline, reason, ctx.actor, ctx.now);
    await ctx.checkContent([reason]);
    // recipients are read before the write (never queried in a transaction)
    const keepers = await peopleWithRoles(ctx.store, t.orgId, [t.keeperRole]);
    const saved = await ctx.write(
      (tx) => tx.update<TaskDoc>('tasks', t._id, t.version, filing(t, request)),
      (doc) => deadlineRequested(keepers, doc, newDeadline, reason),
    );
    return taskAnswer(ctx, saved);
  },
});

export const decideDeadline = defineAction({
  name: 'task.decideDeadline',
  input: DecideDeadlineInput,
  record: taskKind,
  guard: requirePendingRequest,
  target: (i) => i.taskId,
  handler: async ({ approve, reason }, ctx) => {
    const t = ctx.record;
    const pending = pendingDeadlineRequest(t)!;
    if (approve && deadlineIsPast(pending.newDeadline, ctx.now)) {
      throw new AppError('invalid_transition', `申请的新时限 ${pending.newDeadline} 已过，不能同意；请不同意并说明理由，或直接调整期限`);
    }
    if (reason) await ctx.checkContent([reason]);
    const at = ctx.now.toISOString();
    const decided: DeadlineRequest = {
      ...pending, state: approve ? 'approved' : 'refused', decidedAt: at, decidedBy: ctx.actor.id, decidedByName: ctx.actor.name,
      ...(reason ? { decision: reason } : {}),
    };
    const requests = (t.deadlineRequests ?? []).map((r) => (r === pending ? decided : r));
    const { dueSoonDays } = await ctx.params(t.orgId);
    const saved = await ctx.write(
      (tx) =>
        approve
          ? moveDeadline(ctx, tx, t, dueSoonDays, { deadline: pending.newDeadline, setAt: at, by: ctx.actor.id, byName: ctx.actor.name, how: 'approved', reason: pending.reason }, { deadlineRequests: requests })
          : // a refusal changes nothing about the deadline, its light or its reminders
            tx.update<TaskDoc>('tasks', t._id, t.version, { deadlineRequests: requests }),
      (doc) => deadlineDecided(doc, approve, pending.newDeadline, reason),
    );
    return taskAnswer(ctx, saved);
  },
});

export const setDeadline = defineAction({
  name: 'task.setDeadline',
  input: SetDeadlineInput,
  record: taskKind,
  guard: requireNothingPending,
  target: (i) => i.taskId,
  handler: async ({ deadline, reason }, ctx) => {
    const t = ctx.record;
    if (deadlineIsPast(deadline, ctx.now)) throw new AppError('validation_error', '完成时限不能早于今天', { field: 'deadline' });
    if (deadline === t.deadline) throw new AppError('validation_error', `完成时限已是 ${deadline}，无需调整`, { field: 'deadline' });
    await ctx.checkContent([reason]);
    const { dueSoonDays } = await ctx.params(t.orgId);
    const entry: DeadlineEntry = { deadline, setAt: ctx.now.toISOString(), by: ctx.actor.id, byName: ctx.actor.name, how: 'office', reason };
    const saved = await ctx.write(
      (tx) => moveDeadline(ctx, tx, t, dueSoonDays, entry, {}),
      (doc) => deadlineSet(doc, t.deadline, reason),
    );
    return taskAnswer(ctx, saved);
  },
});
