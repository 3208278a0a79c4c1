// task.assign — Art. 11: every decided item becomes one or more tasks with a responsible unit, a
// responsible person and a deadline. The union office keeps the checklist and may give a task to
// anyone of the org; the government office to the government's own units. The owner is told.
import { AppError, AssignTaskInput, deadlineEnds, deadlineIsPast, keeperRoleOf, mayAssignTo, type Person } from '../../../domain';
import { orgById } from '../../../server/security/identity';
import { schedule, taskReminders } from '../../../server/notify/reminders';
import { defineAction } from '../../../server/kit/registry';
import { decisionKind, requireIssuedDecision, type FiguredTask } from '../../../server/areas/task';
import { assigned } from '../notices';
import { topicsOfDecision, topicTaskAssigned } from '../../../server/areas/chain';

export const assign = defineAction({
  name: 'task.assign',
  input: AssignTaskInput,
  record: decisionKind,
  guard: requireIssuedDecision,
  target: (i) => i.decisionId,
  handler: async ({ title, ownerId, deadline }, ctx) => {
    const { meeting, decision } = ctx.record;
    const owner = await ctx.store.get<Person>('users', ownerId);
    if (!owner || owner.active === false || owner.orgId !== meeting.orgId) {
      const org = await orgById(ctx.store, meeting.orgId);
      throw new AppError('validation_error', `责任人须为${org?.name ?? '本级'}的在册人员`, { field: 'ownerId' });
    }
    if (!mayAssignTo(ctx.actor.roles, owner.roles)) {
      throw new AppError('forbidden', '政府办公室只能向政府方单位交办任务；工会方任务由总工会办公室交办', { field: 'ownerId' });
    }
    if (deadlineIsPast(deadline, ctx.now)) throw new AppError('validation_error', '完成时限不能早于今天', { field: 'deadline' });
    const at = ctx.now.toISOString();
    const { dueSoonDays } = await ctx.params(meeting.orgId);
    const topics = await topicsOfDecision(ctx.store, meeting._id, decision!.id); // issue #23: their proposers are told
    const task = await ctx.write(
      async (tx) => {
        const t = await tx.insert<FiguredTask>('tasks', {
          orgId: meeting.orgId, meetingId: meeting._id, meetingTitle: meeting.title,
          decisionId: decision!.id, decisionTitle: decision!.title, decisionText: decision!.text,
          title, ownerId: owner._id, ownerName: owner.name, unit: owner.unit, keeperRole: keeperRoleOf(ctx.actor.roles),
          assignedBy: ctx.actor.id, assignedAt: at, deadline, dueAt: deadlineEnds(deadline), deadlineVersion: 1,
          // issue #16: the first entry of the deadline history
          deadlines: [{ deadline, setAt: at, by: ctx.actor.id, byName: ctx.actor.name, how: 'original' }], deadlineRequests: [],
          status: 'in_progress', open: true, progress: [], completion: null, sendBacks: [], explanations: [],
          // issue #25: what the assessment counts (server/areas/task.ts taskFigures)
          extended: false, onTime: false,
        });
        // issue #10: when it turns yellow, and the morning after its deadline
        await schedule(tx, taskReminders(t, dueSoonDays, ctx.now), ctx.now);
        return t;
      },
      (t) => [...assigned(t, ctx.actor.unit ?? ''), ...topicTaskAssigned(topics, t)],
    );
    return { id: task._id };
  },
});
