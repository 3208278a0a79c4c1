// meeting.get — one meeting as the caller may see it: agenda (Art. 8), my invitation, the replies
// at a glance for offices, allowedActions.
// meeting.list — `mine`: the meetings I am invited to, unanswered first; `org`: my org's meetings,
// newest first (a county's for the city's offices, read-only, by `orgId`) — every meeting, held and
// cancelled ones too; issue #19's meetings page narrows it by year (Asia/Shanghai), state and
// words of the title.
import { AppError, fromCN, hasAnyRole, ListMeetingsInput, MeetingIdOnly, OFFICES, type MeetingListView } from '../../../domain';
import type { InvitationDoc, MeetingDoc } from '../../../server/store/docs';
import { orgById } from '../../../server/security/identity';
import { defineAction } from '../../../server/kit/registry';
import { findAll, type Filter } from '../../../server/store/port';
import { meetingKind, meetingsAwaiting } from '../../../server/areas/meeting';
import { toMeetingCard, toMeetingView } from '../views';

export const get = defineAction({
  name: 'meeting.get',
  input: MeetingIdOnly,
  record: meetingKind,
  handler: (_input, ctx) => toMeetingView(ctx, ctx.record, ctx.actor),
});

const PAGE = 20;

export const list = defineAction({
  name: 'meeting.list',
  input: ListMeetingsInput,
  handler: async ({ scope, orgId, cursor, year, status, q, awaiting }, { store, actor }): Promise<MeetingListView> => {
    if (scope === 'mine') {
      const page = await store.find<InvitationDoc>('invitations', { personId: actor.id }, { sort: [['answered', 'asc'], ['plannedAt', 'asc']], limit: 20, cursor });
      const meetings = page.items.length
        ? (await store.find<MeetingDoc>('meetings', { _id: { in: page.items.map((i) => i.meetingId) } }, { limit: 100 })).items
        : [];
      const byId = new Map(meetings.map((m) => [m._id, m]));
      return {
        items: page.items.flatMap((i) => (byId.has(i.meetingId) ? [toMeetingCard(byId.get(i.meetingId)!, i)] : [])),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    }
    const target = orgId ?? actor.orgId;
    if (target !== actor.orgId) {
      // Art. 12: the parent org's offices read a county's meetings; nobody else sees another org's
      const org = await orgById(store, target);
      if (!org || org.parentId !== actor.orgId || !hasAnyRole(actor.roles, OFFICES)) throw new AppError('not_found');
    }
    const filter: Filter = {
      orgId: target,
      ...(year ? { plannedAt: { gte: fromCN(`${year}-01-01`), lt: fromCN(`${year + 1}-01-01`) } } : {}),
      ...(status ? { status } : {}),
    };
    const needle = q?.trim();
    if (needle || awaiting) {
      // words of the title: the org's meetings of the filter (a few a year) read whole, then matched;
      // issue #19's work queue: the meetings waiting for the caller (the very list its count counts)
      const from = awaiting
        ? (await meetingsAwaiting(store, actor, target, awaiting)).meetings.filter((m) => (!status || m.status === status)
          && (!year || (m.plannedAt >= fromCN(`${year}-01-01`) && m.plannedAt < fromCN(`${year + 1}-01-01`))))
        : await findAll<MeetingDoc>(store, 'meetings', filter, [['plannedAt', 'desc']]);
      const hits = needle ? from.filter((m) => m.title.includes(needle)) : from;
      const start = cursor?.startsWith('q') ? Math.max(0, Number.parseInt(cursor.slice(1), 10) || 0) : 0;
      return {
        items: hits.slice(start, start + PAGE).map((m) => toMeetingCard(m, null)),
        ...(start + PAGE < hits.length ? { nextCursor: `q${start + PAGE}` } : {}),
      };
    }
    const page = await store.find<MeetingDoc>('meetings', filter, { sort: [['plannedAt', 'desc']], limit: PAGE, cursor });
    return { items: page.items.map((m) => toMeetingCard(m, null)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  },
});
