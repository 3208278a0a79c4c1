// meeting.resultsYear — issue #23, Art. 11, 12: per org, a year of decided items. The org's
// meetings planned in the year (Shanghai; the (orgId, plannedAt) index), the minutes of each by
// its id, their tasks by the meetingId index — never a scan of every org's tasks. Done on time is
// done by the deadline in force when the task fell due (domain/task-rules.ts doneOnTime, the
// compliance figure's rule); overdue is the red light at `now`. Same readers as compliance.org.
import { doneOnTime, fromCN, ResultsYearInput, taskLight, type ResultsYearFigures, type ResultsYearView } from '../../../domain';
import type { MeetingDoc, MinutesDoc, TaskDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import { findAll } from '../../../server/store/port';
import { orgRecordKind } from '../../../server/areas/people';

type Outcome = 'doneOnTime' | 'doneLate' | 'open' | 'overdue';

const zero = (): ResultsYearFigures => ({ total: 0, doneOnTime: 0, doneLate: 0, open: 0, overdue: 0 });

/** A decided item's outcome from its tasks' (none: unassigned). */
function itemOutcome(outcomes: Outcome[]): Outcome | 'unassigned' {
  if (!outcomes.length) return 'unassigned';
  if (outcomes.includes('overdue')) return 'overdue';
  if (outcomes.includes('open')) return 'open';
  return outcomes.includes('doneLate') ? 'doneLate' : 'doneOnTime';
}

export const resultsYear = defineAction({
  name: 'meeting.resultsYear',
  input: ResultsYearInput,
  record: orgRecordKind('meeting.resultsYear'),
  handler: async ({ year }, ctx): Promise<ResultsYearView> => {
    const org = ctx.record;
    const meetings = await findAll<MeetingDoc>(ctx.store, 'meetings', { orgId: org._id, plannedAt: { gte: fromCN(`${year}-01-01`), lt: fromCN(`${year + 1}-01-01`) } }, [['plannedAt', 'asc']]);
    const ids = meetings.map((m) => m._id);
    const [minutes, tasks, params] = await Promise.all([
      Promise.all(ids.map((id) => ctx.store.get<MinutesDoc>('minutes', id))),
      ids.length ? findAll<TaskDoc>(ctx.store, 'tasks', { meetingId: { in: ids } }, [['dueAt', 'asc']]) : Promise.resolve([] as TaskDoc[]),
      ctx.params(org._id),
    ]);
    const outcomeOf = (t: TaskDoc): Outcome =>
      t.status === 'done' ? (doneOnTime(t) ? 'doneOnTime' : 'doneLate') : taskLight(t, ctx.now, params.dueSoonDays) === 'red' ? 'overdue' : 'open';
    const byDecision = new Map<string, Outcome[]>();
    const taskFigures = zero();
    for (const t of tasks) {
      const o = outcomeOf(t);
      taskFigures.total += 1;
      taskFigures[o] += 1;
      byDecision.set(t.decisionId, [...(byDecision.get(t.decisionId) ?? []), o]);
    }
    const issued = minutes.filter((m): m is MinutesDoc => m?.status === 'issued');
    const decisions = { ...zero(), unassigned: 0 };
    for (const d of issued.flatMap((m) => m.decisions ?? [])) {
      decisions.total += 1;
      decisions[itemOutcome(byDecision.get(d.id) ?? [])] += 1;
    }
    return { orgId: org._id, orgName: org.name, year, meetingsWithMinutes: issued.length, decisions, tasks: taskFigures };
  },
});
