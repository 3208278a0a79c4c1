// task.report / task.complete / task.explain — Art. 11: the responsible unit reports progress and
// marks its task done with evidence (photos or PDF, ≤ 10 MB each, judged by their bytes); Art. 3 (1):
// an unfinished task gets an explanation, an opinion and a new deadline for the next meeting — the
// new deadline is a request the keeping office decides (issue #16, actions/deadline.ts).
import {
  AppError,
  CompleteTaskInput,
  deadlineIsPast,
  EVIDENCE_MAX_BYTES,
  ExplainTaskInput,
  hasFlag,
  pendingDeadlineRequest,
  ReportTaskInput,
  ROLE_INFO,
  sniffEvidenceType,
  taskWorkflow,
} from '../../../domain';
import type { TaskDoc } from '../../../server/store/docs';
import { peopleWithRoles } from '../../../server/notify/notify';
import { move } from '../../../server/kit/records';
import { defineAction, type ActionContext } from '../../../server/kit/registry';
import { filing, newRequest, requireOpen, storedHistory, taskEdge, taskKind, withFigures, type FiguredTask } from '../../../server/areas/task';
import { completed, deadlineRequested } from '../notices';
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
      (tx) => move(tx, 'tasks', taskWorkflow, t as FiguredTask, 'complete', ctx.actor.roles, (status) => withFigures(t, { status, completion: { text, at: ctx.now.toISOString(), evidence: files } })),
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
    // issue #16: a new deadline is a request to the keeping office, never a change. The same date
    // as the deadline in force (or as the request already waiting) asks for nothing new.
    const pending = pendingDeadlineRequest(t);
    const asks = newDeadline !== t.deadline && newDeadline !== pending?.newDeadline;
    if (asks && pending) {
      throw new AppError('validation_error', `已有待审批的延期申请（申请延至 ${pending.newDeadline}），新的完成时限请填写现行时限或申请中的时限，待${ROLE_INFO[t.keeperRole].label}审批后再申请`, { field: 'newDeadline' });
    }
    const request = asks ? newRequest(t, newDeadline, explanation, ctx.actor, ctx.now) : null;
    await ctx.checkContent([explanation, opinion]);
    const entry = { explanation, opinion, newDeadline, oldDeadline: t.deadline, by: ctx.actor.id, byName: ctx.actor.name, at: ctx.now.toISOString() };
    const keepers = request ? await peopleWithRoles(ctx.store, t.orgId, [t.keeperRole]) : [];
    const saved = await ctx.write(
      (tx) => tx.update<FiguredTask>('tasks', t._id, t.version, withFigures(t, { explanations: [...t.explanations, entry], ...storedHistory(t), ...(request ? filing(t, request) : {}) })),
      (doc) => (request ? deadlineRequested(keepers, doc, newDeadline, explanation) : []),
    );
    return taskAnswer(ctx, saved);
  },
});
