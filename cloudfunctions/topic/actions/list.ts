// topic.list — what the caller may see, by scope: `mine` (what I proposed), `queue` (waiting for my
// office), `meeting` (a meeting's topics as my role allows: offices see what is routed to them and
// every accepted topic; convenors and leaders the accepted ones; anyone else only their own;
// a parent org's office, read-only, all of a county meeting's topics).
import { AppError, hasAnyRole, ListTopicsInput, ORG_LEADERSHIP, type Actor, type Role, type TopicListView } from '../../../domain';
import type { MeetingDoc, TopicDoc } from '../../../server/docs';
import { defineAction } from '../../../server/registry';
import type { Filter, Page, Store } from '../../../server/store/port';
import { loadMeeting, meetingRow } from '../model';
import { toTopicView } from '../views';

const OFFICES: readonly Role[] = ['gov_office', 'union_office'];
const newestFirst = [['createdAt', 'desc']] as const;
const oldestFirst = [['createdAt', 'asc']] as const;

async function meetingTopics(store: Store, actor: Actor, meeting: MeetingDoc, status?: string): Promise<Page<TopicDoc>> {
  const base: Filter = { meetingId: meeting._id, ...(status ? { status } : {}) };
  const find = (f: Filter) => store.find<TopicDoc>('topics', f, { sort: oldestFirst, limit: 100 });
  if (meeting.orgId !== actor.orgId) return find(base); // parent office, admitted read-only by the router
  if (!hasAnyRole(actor.roles, ORG_LEADERSHIP)) return find({ ...base, createdBy: actor.id });
  const offices = actor.roles.filter((r) => OFFICES.includes(r));
  const accepted = status && status !== 'accepted' ? { items: [] } : await find({ ...base, status: 'accepted' });
  if (!offices.length) return accepted;
  const routed = await find({ ...base, routedTo: { in: offices } });
  const byId = new Map([...routed.items, ...accepted.items].map((t) => [t._id, t]));
  return { items: [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
}

export const list = defineAction({
  name: 'topic.list',
  input: ListTopicsInput,
  row: async (input, store, actor) => (input.meetingId ? meetingRow({ meetingId: input.meetingId }, store) : { orgId: actor.orgId }),
  handler: async (input, { store, actor }): Promise<TopicListView> => {
    const meeting = input.meetingId ? await loadMeeting(store, input.meetingId) : null;
    const scoped: Filter = { ...(input.meetingId ? { meetingId: input.meetingId } : {}) };
    let page: Page<TopicDoc>;
    if (input.scope === 'mine') {
      const f = { createdBy: actor.id, ...scoped, ...(input.status ? { status: input.status } : {}) };
      page = await store.find<TopicDoc>('topics', f, { sort: newestFirst, limit: 20, cursor: input.cursor });
    } else if (input.scope === 'queue') {
      const offices = actor.roles.filter((r) => OFFICES.includes(r));
      if (!offices.length || (meeting && meeting.orgId !== actor.orgId)) throw new AppError('forbidden', '只有本级办公室可以查看审核队列');
      const f = { orgId: actor.orgId, routedTo: { in: offices }, status: input.status ?? 'submitted', ...scoped };
      page = await store.find<TopicDoc>('topics', f, { sort: oldestFirst, limit: 50, cursor: input.cursor });
    } else {
      if (!meeting) throw new AppError('validation_error', '请指定会议');
      page = await meetingTopics(store, actor, meeting, input.status);
    }
    const statusOf = await meetingStatuses(store, page.items, meeting);
    return {
      items: page.items.map((t) => toTopicView(t, actor, statusOf.get(t.meetingId) ?? 'closed')),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  },
});

/** The phase of each meeting on the page, in one query whatever the page holds. */
async function meetingStatuses(store: Store, topics: readonly TopicDoc[], known: MeetingDoc | null) {
  const ids = [...new Set(topics.map((t) => t.meetingId))].filter((id) => id !== known?._id);
  const loaded = ids.length ? (await store.find<MeetingDoc>('meetings', { _id: { in: ids } }, { limit: 100 })).items : [];
  const out = new Map<string, MeetingDoc['status']>();
  for (const m of [known, ...loaded]) if (m) out.set(m._id, m.status);
  return out;
}
