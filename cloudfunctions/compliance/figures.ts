// Art. 12 (issue #12): one org's figures for the annual assessment, from indexed queries bounded
// by the org and the year: its meetings of the year (orgId, plannedAt), their topics (counts by
// meetingId) and their checklists (tasks by meetingId) — never a scan of every org's tasks.
import {
  calendarDaysBetween,
  COMPLIANCE_LIGHT_LABEL,
  complianceLight,
  doneOnTime,
  fromCN,
  hasFlag,
  meetingWorkflow,
  taskLight,
  wasExtended,
  type ComplianceRowView,
  type Org,
} from '../../domain';
import type { MeetingDoc, TaskDoc } from '../../server/store/docs';
import type { ActionContext } from '../../server/kit/registry';
import { findAll } from '../../server/store/port';
import { countLights } from '../../server/areas/task';

type Ctx = Pick<ActionContext<unknown>, 'store' | 'now' | 'params'>;

export interface OrgYear {
  row: ComplianceRowView;
  meetings: MeetingDoc[];
  overdue: TaskDoc[];
}

type Row = ComplianceRowView;
type TaskFiguresOfYear = Pick<Row, 'tasksTotal' | 'tasksDone' | 'tasksOverdue' | 'tasksDueSoon' | 'onTimeRate' | 'tasksExtended'>;

/** The org's meetings of the year (Shanghai), and their ids for the topic and task queries. */
async function meetingsOfYear(ctx: Ctx, org: Org, year: number): Promise<{ meetings: MeetingDoc[]; start: string; end: string }> {
  const start = fromCN(`${year}-01-01`);
  const end = fromCN(`${year + 1}-01-01`);
  const meetings = await findAll<MeetingDoc>(ctx.store, 'meetings', { orgId: org._id, plannedAt: { gte: start, lt: end } }, [['plannedAt', 'asc']]);
  return { meetings, start, end };
}

/** The row from the year's meetings, topic counts and task figures (however those were found). */
function toRow(ctx: Ctx, org: Org, year: number, m: { meetings: MeetingDoc[]; start: string; end: string }, topics: [number, number], tasks: TaskFiguresOfYear, regularRequired: number): Row {
  const { meetings, start, end } = m;
  const inYear = (at?: string) => !!at && at >= start && at < end;
  const wasHeld = (x: MeetingDoc) => hasFlag(meetingWorkflow, x.status, 'was_held');
  const held = meetings.filter((x) => wasHeld(x) && inYear(x.heldAt));
  // Art. 4, 13: as many regular meetings as the org's parameter in force asks (once a year in principle)
  const regularHeldCount = held.filter((x) => x.kind === 'regular').length;
  const regularHeld = regularHeldCount >= regularRequired;
  const regularPlanned = meetings.some((x) => x.kind === 'regular' && !hasFlag(meetingWorkflow, x.status, 'called_off') && !wasHeld(x));
  const issued = held.filter((x) => x.minutesIssuedAt);
  const days = issued.map((x) => calendarDaysBetween(x.heldAt!, x.minutesIssuedAt!));
  const figures = { regularHeld, regularHeldCount, regularRequired, regularPlanned, tasksOverdue: tasks.tasksOverdue, tasksDueSoon: tasks.tasksDueSoon };
  const { light, reasons } = complianceLight(figures, year, ctx.now);
  return {
    orgId: org._id, orgName: org.name, level: org.level, ...figures,
    meetingsHeld: held.length, topicsSubmitted: topics[0], topicsAccepted: topics[1],
    minutesIssued: issued.length, daysToMinutes: days.length ? Math.round(days.reduce((a, b) => a + b, 0) / days.length) : null,
    tasksTotal: tasks.tasksTotal, tasksDone: tasks.tasksDone, onTimeRate: tasks.onTimeRate,
    tasksExtended: tasks.tasksExtended,
    light, lightLabel: COMPLIANCE_LIGHT_LABEL[light], reasons,
  };
}

const topicCounts = (ctx: Ctx, ids: string[]): Promise<[number, number]> =>
  ids.length
    ? Promise.all([ctx.store.count('topics', { meetingId: { in: ids } }), ctx.store.count('topics', { meetingId: { in: ids }, status: 'accepted' })])
    : Promise.resolve([0, 0]);

/** The task figures from the tasks themselves (compliance.org and the export list the overdue ones). */
function taskFiguresOf(tasks: readonly TaskDoc[], now: Date, dueSoonDays: number): TaskFiguresOfYear {
  const lights = tasks.map((t) => taskLight(t, now, dueSoonDays));
  const done = tasks.filter((t) => t.status === 'done');
  // issue #16: against the deadline in force when the task fell due (domain/task-rules.ts deadlineWhenDue)
  const onTime = done.filter((t) => doneOnTime(t)).length;
  return {
    tasksTotal: tasks.length, tasksDone: done.length, tasksOverdue: lights.filter((l) => l === 'red').length, tasksDueSoon: lights.filter((l) => l === 'yellow').length,
    onTimeRate: done.length ? onTime / done.length : null, tasksExtended: tasks.filter((t) => wasExtended(t)).length,
  };
}

export async function orgYear(ctx: Ctx, org: Org, year: number): Promise<OrgYear> {
  const m = await meetingsOfYear(ctx, org, year);
  const ids = m.meetings.map((x) => x._id);
  const [topics, tasks, params] = await Promise.all([
    topicCounts(ctx, ids),
    ids.length ? findAll<TaskDoc>(ctx.store, 'tasks', { meetingId: { in: ids } }, [['dueAt', 'asc']]) : Promise.resolve([] as TaskDoc[]),
    ctx.params(org._id),
  ]);
  const row = toRow(ctx, org, year, m, topics, taskFiguresOf(tasks, ctx.now, params.dueSoonDays), params.regularMeetingsPerYear);
  return { row, meetings: m.meetings, overdue: tasks.filter((t) => taskLight(t, ctx.now, params.dueSoonDays) === 'red') };
}

/** Issue #25: up to this many tasks in the whole year, the overview reads them in one request. */
export const READ_TASKS_UP_TO = 100;

/**
 * Issue #25: the overview's rows without reading every task. The year's meetings of every visible
 * org in one query; then, when the year's tasks are few (≤ READ_TASKS_UP_TO, a deployment's usual
 * year), one read of them all, judged here as compliance.org judges them; else each row counts its
 * tasks (countedTasks). Either way a bounded number of requests, whatever the data.
 */
export async function overviewRows(ctx: Ctx, orgs: readonly Org[], year: number): Promise<Row[]> {
  const start = fromCN(`${year}-01-01`);
  const end = fromCN(`${year + 1}-01-01`);
  const [meetings, params] = await Promise.all([
    findAll<MeetingDoc>(ctx.store, 'meetings', { orgId: { in: orgs.map((o) => o._id) }, plannedAt: { gte: start, lt: end } }, [['plannedAt', 'asc']]),
    Promise.all(orgs.map((o) => ctx.params(o._id))),
  ]);
  const ids = meetings.map((m) => m._id);
  const total = ids.length ? await ctx.store.count('tasks', { meetingId: { in: ids } }) : 0;
  const read = total <= READ_TASKS_UP_TO;
  const tasks = read && total ? (await ctx.store.find<TaskDoc>('tasks', { meetingId: { in: ids } }, { limit: READ_TASKS_UP_TO })).items : [];
  return Promise.all(orgs.map(async (org, i) => {
    const own = meetings.filter((m) => m.orgId === org._id);
    const ownIds = own.map((m) => m._id);
    const p = params[i];
    const m = { meetings: own, start, end };
    if (!ownIds.length) return toRow(ctx, org, year, m, [0, 0], taskFiguresOf([], ctx.now, p.dueSoonDays), p.regularMeetingsPerYear);
    const [topics, figures] = await Promise.all([
      topicCounts(ctx, ownIds),
      read ? Promise.resolve(taskFiguresOf(tasks.filter((t) => ownIds.includes(t.meetingId)), ctx.now, p.dueSoonDays)) : countedTasks(ctx, ownIds, p.dueSoonDays),
    ]);
    return toRow(ctx, org, year, m, topics, figures, p.regularMeetingsPerYear);
  }));
}

/**
 * One row's tasks counted, never read: the lights by indexed ranges of `dueAt` (countLights), done
 * on time and extended from the figures every task write keeps (taskFigures); only tasks last
 * written before those figures existed are read and judged here. Six counts and one read.
 */
async function countedTasks(ctx: Ctx, ids: string[], dueSoonDays: number): Promise<TaskFiguresOfYear> {
  const base = { meetingId: { in: ids } };
  const [lights, onTimeKept, extendedKept, unkept] = await Promise.all([
    countLights(ctx.store, base, ctx.now, dueSoonDays),
    // onTime and extended are always written together (taskFigures): a task with onTime has extended
    ctx.store.count('tasks', { ...base, open: false, onTime: true }),
    ctx.store.count('tasks', { ...base, extended: true }),
    findAll<TaskDoc>(ctx.store, 'tasks', { ...base, extended: null }),
  ]);
  const done = unkept.filter((t) => t.status === 'done');
  const tasksDone = lights.done;
  const onTime = onTimeKept + done.filter((t) => doneOnTime(t)).length;
  return {
    tasksTotal: lights.red + lights.yellow + lights.green + lights.done, tasksDone, tasksOverdue: lights.red, tasksDueSoon: lights.yellow,
    onTimeRate: tasksDone ? onTime / tasksDone : null, tasksExtended: extendedKept + unkept.filter((t) => wasExtended(t)).length,
  };
}
