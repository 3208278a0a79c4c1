// meeting.results — Art. 3 (1), Art. 11 (issue #23): 落实情况 of one meeting. Each decided item of
// the issued minutes, in the minutes' order, with its tasks' lights (domain/task-rules.ts, the
// checklist's rule) and done / total; for the org's offices and leadership, everyone invited to the
// meeting and the proposers of its listed topics. The next meeting's agenda section 1 is fed by the
// same function (meetingResults), so both show the same figures.
import { MeetingResultsInput, yearCN, type MeetingResultsPageView, type MeetingResultsView, type RuleParams } from '../../../domain';
import { admits } from '../../../server/kit/access';
import type { MeetingDoc, MinutesDoc, TaskDoc, TopicDoc } from '../../../server/store/docs';
import { defineAction, defineRecordKind } from '../../../server/kit/registry';
import { invitationId, meetingFacts } from '../../../server/areas/meeting';
import { toResultTask } from '../../../server/areas/task-card';
import type { InvitationDoc } from '../../../server/store/docs';
import { findAll, type Store } from '../../../server/store/port';

/** The meeting, with whether the caller is invited or proposed one of its listed topics (the row facts). */
const resultsKind = defineRecordKind<{ meetingId: string }, MeetingDoc>({
  readAs: 'meeting.results',
  load: async ({ meetingId }, store, actor) => {
    const [meeting, mine, proposed] = await Promise.all([
      store.get<MeetingDoc>('meetings', meetingId),
      store.get<InvitationDoc>('invitations', invitationId(meetingId, actor.id)),
      store.find<TopicDoc>('topics', { createdBy: actor.id, meetingId, status: 'accepted' }, { limit: 1 }),
    ]);
    if (!meeting) return null;
    return { record: meeting, facts: { ...meetingFacts(meeting, mine), ...(proposed.items.length ? { proposerId: actor.id } : {}) } };
  },
});

/** 落实情况 of a meeting at `now`: two reads (the minutes, the checklist), whatever its size. */
export async function meetingResults(store: Store, m: MeetingDoc, now: Date, params: RuleParams): Promise<MeetingResultsView> {
  const [minutes, tasks] = await Promise.all([
    store.get<MinutesDoc>('minutes', m._id),
    findAll<TaskDoc>(store, 'tasks', { meetingId: m._id }, [['dueAt', 'asc']]),
  ]);
  const issued = minutes?.status === 'issued';
  const totals = { done: 0, total: 0, red: 0, yellow: 0, green: 0 };
  const items = (issued ? minutes.decisions ?? [] : []).map((d) => {
    const mine = tasks.filter((t) => t.decisionId === d.id).map((t) => {
      const task = toResultTask(t, now, params.dueSoonDays);
      totals.total += 1;
      if (task.light === 'done') totals.done += 1;
      else totals[task.light] += 1;
      return task;
    });
    return { decisionId: d.id, n: d.n, title: d.title, done: mine.filter((t) => t.light === 'done').length, total: mine.length, tasks: mine };
  });
  return {
    meetingId: m._id, meetingTitle: m.title, issued, items, totals,
    ...(m.heldAt ? { heldAt: m.heldAt } : {}),
    ...(issued && minutes.docNumber ? { docNumber: minutes.docNumber } : {}),
  };
}

export const results = defineAction({
  name: 'meeting.results',
  input: MeetingResultsInput,
  record: resultsKind,
  handler: async (_input, ctx): Promise<MeetingResultsPageView> => {
    const m = ctx.record;
    const [view, yearView] = await Promise.all([
      meetingResults(ctx.store, m, ctx.now, await ctx.params(m.orgId)),
      // the org's year view (meeting.resultsYear) offered by its own permission row, on the org's facts
      admits('meeting.resultsYear', ctx.actor, ctx.store, { kind: 'org', orgId: m.orgId }),
    ]);
    return { ...view, orgId: m.orgId, year: yearCN(m.plannedAt), allowedActions: yearView ? ['meeting.resultsYear'] : [] };
  },
});
