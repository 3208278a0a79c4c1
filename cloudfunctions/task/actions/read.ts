// task.list / task.get / task.evidence — Art. 11: my tasks; a meeting's checklist and an org's
// overdue tasks for its offices, convenors and leaders (the parent org's offices read, Art. 12);
// anyone else sees only their own tasks of a meeting.
import { AppError, ListTasksInput, TaskIdInput, EvidenceLinkInput, type Actor, type TaskListView } from '../../../domain';
import type { MeetingDoc, TaskDoc } from '../../../server/store/docs';
import { admits, mayCall } from '../../../server/kit/access';
import { defineAction, type ActionContext } from '../../../server/kit/registry';
import { findAll, type Filter, type Page, type Store } from '../../../server/store/port';
import { countLights, deadlineRequestsWaiting, TASK_PAGE, taskKind, toVerifyFilter } from '../../../server/areas/task';
import { toTaskList } from '../views';
import { taskAnswer } from './work';

/**
 * The whole checklist of an org is what `task.exportChecklist` admits (its roles and rows: the
 * org's offices, convenors and leaders, the parent org's offices) — issue #18: the list judges by
 * that action's row in the permission table, not by a role list of its own.
 */
const seesChecklistOf = (store: Store, actor: Actor, orgId: string): Promise<boolean> =>
  admits('task.exportChecklist', actor, store, { kind: 'org', orgId });

export const list = defineAction({
  name: 'task.list',
  input: ListTasksInput,
  handler: async ({ scope, meetingId, orgId, cursor }, ctx) => {
    const { actor, store } = ctx;
    if (scope === 'mine') {
      // issue #25: a page at a time, unfinished first, the nearest deadline first (the lights' order:
      // an open task's light follows its deadline); the counts of every light from four counts
      const mine = { ownerId: actor.id };
      return pagedList(ctx, openThenDone(store, mine), actor.orgId, cursor, (dueSoonDays) => countLights(store, mine, ctx.now, dueSoonDays));
    }
    if (scope === 'meeting') {
      const meeting = await store.get<MeetingDoc>('meetings', meetingId!);
      if (!meeting) throw new AppError('not_found');
      const whole = await seesChecklistOf(store, actor, meeting.orgId);
      // someone outside the org's leadership sees only their own tasks of the meeting
      if (!whole && meeting.orgId !== actor.orgId) throw new AppError('not_found');
      const tasks = await findAll<TaskDoc>(store, 'tasks', { meetingId: meeting._id }, [['dueAt', 'asc']]);
      const view = toTaskList(whole ? tasks : tasks.filter((t) => t.ownerId === actor.id), ctx.now, await ctx.params(meeting.orgId));
      // the export is offered exactly when the kit admits it (the same judgement as `whole`)
      return { ...view, allowedActions: whole ? ['exportChecklist'] : [] };
    }
    if (scope === 'verify' || scope === 'deadlines') {
      // issue #19, the work queue: what the caller's office keeps and must act on (Art. 11, issue #16)
      if (!mayCall(scope === 'verify' ? 'task.verify' : 'task.decideDeadline', actor)) throw new AppError('forbidden', '只有交办任务的办公室可以查看');
      const tasks = scope === 'verify'
        ? await findAll<TaskDoc>(store, 'tasks', toVerifyFilter(actor), [['dueAt', 'asc']])
        : await deadlineRequestsWaiting(store, actor);
      return toTaskList(tasks, ctx.now, await ctx.params(actor.orgId));
    }
    const target = orgId ?? actor.orgId;
    if (!(await seesChecklistOf(store, actor, target))) throw new AppError('forbidden', '只有本级办公室、召集人和领导可以查看逾期任务');
    const overdue = { orgId: target, open: true, dueAt: { lte: ctx.now.toISOString() } };
    // every one of them is red: one count
    const byDeadline: PageOf = (c) => store.find<TaskDoc>('tasks', overdue, { sort: [['dueAt', 'asc']], limit: TASK_PAGE, cursor: c });
    return pagedList(ctx, byDeadline, target, cursor, async () => ({ red: await store.count('tasks', overdue), yellow: 0, green: 0, done: 0 }));
  },
});

/**
 * Issue #25: one page of a long task list (TASK_PAGE cards, `nextCursor` while there are more) in
 * the store's order, which is the lights' order; `counts` cover the whole list (counted, not read),
 * `pendingRequests` the tasks of this page.
 */
async function pagedList(
  ctx: ActionContext<unknown>, pageOf: PageOf, paramsOf: string, cursor: string | undefined,
  count: (dueSoonDays: number) => Promise<TaskListView['counts']>,
): Promise<TaskListView> {
  const params = await ctx.params(paramsOf);
  const [page, counts] = await Promise.all([pageOf(cursor), count(params.dueSoonDays)]);
  const view = toTaskList(page.items, ctx.now, params);
  return { ...view, counts, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** A page of TASK_PAGE tasks from the cursor of the page before (none: the first page). */
type PageOf = (cursor: string | undefined) => Promise<Page<TaskDoc>>;

/**
 * Issue #25: the open tasks by deadline, then the done ones by deadline — each one range of the
 * (ownerId, open, dueAt) index read in its order (one sort of `open desc, dueAt asc` over both would
 * sort every task of the person). The cursor says which range it continues: `o…` or `d…`.
 */
function openThenDone(store: Store, base: Filter): PageOf {
  const range = (open: boolean, limit: number, c: string | undefined) => store.find<TaskDoc>('tasks', { ...base, open }, { sort: [['dueAt', 'asc']], limit, cursor: c });
  return async (cursor) => {
    const inner = cursor ? cursor.slice(1) || undefined : undefined;
    if (cursor?.startsWith('d')) {
      const done = await range(false, TASK_PAGE, inner);
      return { items: done.items, ...(done.nextCursor ? { nextCursor: `d${done.nextCursor}` } : {}) };
    }
    const open = await range(true, TASK_PAGE, inner);
    if (open.nextCursor) return { items: open.items, nextCursor: `o${open.nextCursor}` };
    // the open ones end on this page: the done ones fill the rest of it
    const room = TASK_PAGE - open.items.length;
    if (room === 0) return { items: open.items, ...((await store.count('tasks', { ...base, open: false })) > 0 ? { nextCursor: 'd' } : {}) };
    const done = await range(false, room, undefined);
    return { items: [...open.items, ...done.items], ...(done.nextCursor ? { nextCursor: `d${done.nextCursor}` } : {}) };
  };
}

export const get = defineAction({
  name: 'task.get',
  input: TaskIdInput,
  record: taskKind,
  handler: async (_input, ctx) => taskAnswer(ctx, ctx.record),
});

export const evidence = defineAction({
  name: 'task.evidence',
  input: EvidenceLinkInput,
  record: taskKind,
  button: true,
  handler: async ({ fileId }, ctx) => {
    const file = ctx.record.completion?.evidence.find((e) => e.fileId === fileId);
    if (!file) throw new AppError('not_found', '证明材料不存在');
    return ctx.files.share(file.fileId, file.fileName, file.contentType, ctx.actor.id);
  },
});
