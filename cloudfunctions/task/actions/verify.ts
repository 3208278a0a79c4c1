// task.verify / task.sendBack — Art. 11: the office that keeps the checklist (the one that
// assigned the task) verifies the completion, or sends it back with a reason.
import { SendBackTaskInput, TaskIdInput, taskWorkflow } from '../../../domain';
import { move } from '../../../server/kit/records';
import { schedule, sentBackOverdue } from '../../../server/notify/reminders';
import { defineAction } from '../../../server/kit/registry';
import { taskEdge, taskKind, withFigures, type FiguredTask } from '../../../server/areas/task';
import { sentBack, verified } from '../notices';
import { topicsOfDecision, topicTaskDone } from '../../../server/areas/chain';
import { taskAnswer } from './work';

export const verify = defineAction({
  name: 'task.verify',
  input: TaskIdInput,
  record: taskKind,
  guard: taskEdge('verify'),
  target: (i) => i.taskId,
  handler: async (_input, ctx) => {
    const t = ctx.record;
    const topics = await topicsOfDecision(ctx.store, t.meetingId, t.decisionId); // issue #23: their proposers are told
    const saved = await ctx.write(
      (tx) => move(tx, 'tasks', taskWorkflow, t as FiguredTask, 'verify', ctx.actor.roles, (status) => withFigures(t, {
        status, open: false, verifiedAt: ctx.now.toISOString(), verifiedBy: ctx.actor.id, verifiedByName: ctx.actor.name,
      })),
      (doc) => [...verified(doc), ...topicTaskDone(topics, doc)],
    );
    return taskAnswer(ctx, saved);
  },
});

export const sendBack = defineAction({
  name: 'task.sendBack',
  input: SendBackTaskInput,
  record: taskKind,
  guard: taskEdge('sendBack'),
  target: (i) => i.taskId,
  handler: async ({ reason }, ctx) => {
    const t = ctx.record;
    const entry = { reason, at: ctx.now.toISOString(), by: ctx.actor.id, byName: ctx.actor.name };
    const saved = await ctx.write(
      async (tx) => {
        const doc = await move(tx, 'tasks', taskWorkflow, t as FiguredTask, 'sendBack', ctx.actor.roles, (status) => withFigures(t, { status, sendBacks: [...t.sendBacks, entry] }));
        // issue #10: back at work after its deadline — overdue reminders start again
        await schedule(tx, sentBackOverdue(doc, ctx.now), ctx.now);
        return doc;
      },
      (doc) => sentBack(doc, reason),
    );
    return taskAnswer(ctx, saved);
  },
});
