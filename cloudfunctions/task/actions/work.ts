// task.report / task.complete / task.explain — Art. 11: the responsible unit reports progress and
// marks its task done with evidence (photos or PDF, ≤ 10 MB each, judged by their bytes); Art. 3 (1):
// an unfinished task gets an explanation, an opinion and a new deadline for the next meeting.
import {
  AppError,
  CompleteTaskInput,
  deadlineEnds,
  deadlineIsPast,
  EVIDENCE_MAX_BYTES,
  ExplainTaskInput,
  hasFlag,
  ReportTaskInput,
  sniffEvidenceType,
  taskWorkflow,
} from '../../../domain';
import type { TaskDoc } from '../../../server/docs';
import { peopleWithRoles } from '../../../server/notify';
import { move } from '../../../server/records';
import { schedule, taskReminders } from '../../../server/reminders';
import { defineAction, type ActionContext } from '../../../server/registry';
import { requireOpen, taskEdge, taskKind } from '../model';
import { completed } from '../notices';
import { toTaskView } from '../views';

export async function taskAnswer(ctx: ActionContext<TaskDoc>, t: TaskDoc) {
  return toTaskView(t, ctx.now, await ctx.params(t.orgId), ctx.actor);
}

export const report = defineAction({
  name: 'task.report',
  input: ReportTaskInput,
  record: taskKind,
  guard: (t) => {
    if (!hasFlag(taskWorkflow, t.status, 'reportable')) throw new AppError('invalid_transition', `任务「${taskWorkflow.states[t.status].label}」，不能再报告进展`);
  },
  target: (i) => i.taskId,
  handler: async ({ text }, ctx) => {
    const t = ctx.record;
    await ctx.checkContent([text]);
    const entry = { text, at: ctx.now.toISOString(), by: ctx.actor.id, byName: ctx.actor.name };
    const saved = await ctx.write((tx) => tx.update<TaskDoc>('tasks', t._id, t.version, { progress: [...t.progress, entry] }));
    return taskAnswer(ctx, saved);
  },
});

/** Each evidence file: the caller's own upload, a photo or a PDF by its bytes, at most 10 MB. */
async function checkEvidence(ctx: ActionContext<TaskDoc>, refs: ReadonlyArray<{ fileId: string; fileName?: string }>) {
  const out: NonNullable<TaskDoc['completion']>['evidence'] = [];
  for (const [i, { fileId, fileName }] of refs.entries()) {
    const field = { field: `evidence.${i}` };
    const file = await ctx.files.inspect(fileId, ctx.actor.id);
    if (!file) throw new AppError('validation_error', `第 ${i + 1} 个证明材料不存在或不是您上传的`, field);
    const contentType = sniffEvidenceType(file.head);
    if (!contentType) throw new AppError('validation_error', `第 ${i + 1} 个证明材料不是 JPG、PNG 图片或 PDF 文件`, field);
    if (file.size > EVIDENCE_MAX_BYTES) throw new AppError('validation_error', `第 ${i + 1} 个证明材料超过 10 MB`, field);
    if (!out.some((e) => e.fileId === fileId)) out.push({ fileId, fileName: fileName ?? file.fileName, contentType, size: file.size });
  }
  return out;
}

export const complete = defineAction({
  name: 'task.complete',
  input: CompleteTaskInput,
  record: taskKind,
  guard: taskEdge('complete'),
  target: (i) => i.taskId,
  handler: async ({ text, evidence }, ctx) => {
    const t = ctx.record;
    await ctx.checkContent([text]);
    const files = await checkEvidence(ctx, evidence ?? []);
    const keepers = await peopleWithRoles(ctx.store, t.orgId, [t.keeperRole]);
    const saved = await ctx.write(
      (tx) => move(tx, 'tasks', taskWorkflow, t, 'complete', ctx.actor.roles, { completion: { text, at: ctx.now.toISOString(), evidence: files } }),
      (doc) => completed(keepers, doc),
    );
    return taskAnswer(ctx, saved);
  },
});

export const explain = defineAction({
  name: 'task.explain',
  input: ExplainTaskInput,
  record: taskKind,
  guard: requireOpen,
  target: (i) => i.taskId,
  handler: async ({ explanation, opinion, newDeadline }, ctx) => {
    const t = ctx.record;
    if (deadlineIsPast(newDeadline, ctx.now)) throw new AppError('validation_error', '新的完成时限不能早于今天', { field: 'newDeadline' });
    await ctx.checkContent([explanation, opinion]);
    const entry = { explanation, opinion, newDeadline, oldDeadline: t.deadline, by: ctx.actor.id, byName: ctx.actor.name, at: ctx.now.toISOString() };
    // a new deadline is a new version of it: reminders keyed on the old one never fire (issue #10)
    const { dueSoonDays } = await ctx.params(t.orgId);
    const saved = await ctx.write(async (tx) => {
      const next = await tx.update<TaskDoc>('tasks', t._id, t.version, {
        explanations: [...t.explanations, entry], deadline: newDeadline, dueAt: deadlineEnds(newDeadline), deadlineVersion: t.deadlineVersion + 1,
      });
      await schedule(tx, taskReminders(next, dueSoonDays, ctx.now), ctx.now);
      return next;
    });
    return taskAnswer(ctx, saved);
  },
});
