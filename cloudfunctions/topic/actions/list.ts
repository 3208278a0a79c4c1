// topic.list — what the caller may see, by scope, a page at a time: `mine` (what I proposed),
// `queue` (waiting for my office), `meeting` (a meeting's topics as my role allows: offices see
// what is routed to them and every accepted topic; convenors and leaders the accepted ones; anyone
// else only their own; a parent org's office, read-only, all of a county meeting's topics),
// `opinions` (Art. 6 征求意见: the other side's accepted topics still waiting for my side's opinion).
// Every scope is one indexed query sorted by creation time, with a cursor to the end.
import { AppError, givesOpinionsFor, ListTopicsInput, ORG_LEADERSHIP, otherSide, type ActionName, type Actor, type TopicListView } from '../../../domain';
import { mayCall } from '../../../server/kit/access';
import type { MeetingDoc, TopicDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import type { Filter, FindOptions, Store } from '../../../server/store/port';
import { awaitingOpinionFilter } from '../../../server/areas/topic';
import { toTopicCard } from '../views';

const newestFirst: FindOptions['sort'] = [['createdAt', 'desc']];
const oldestFirst: FindOptions['sort'] = [['createdAt', 'asc']];
const PAGE = 20;

/** The meeting scope's filter for this caller (Art. 6 visibility, as the `audience` field stores it). */
function meetingFilter(actor: Actor, meeting: MeetingDoc, status?: string): Filter {
  const base: Filter = { meetingId: meeting._id, ...(status ? { status } : {}) };
  if (meeting.orgId !== actor.orgId) return base; // parent office, admitted read-only by the router
  const leadership = actor.roles.filter((r) => ORG_LEADERSHIP.includes(r));
  return leadership.length ? { ...base, audience: { hasAny: leadership } } : { ...base, createdBy: actor.id };
}

/**
 * Issue #18: a scope that lists the records of one action declares that action; the scope admits
 * whom the permission table lets call it, in the caller's own org (these are writes: a parent
 * org never screens or gives opinions on a county's topics).
 */
export const SCOPE_ACTIONS = { queue: 'topic.accept', opinions: 'topic.addOpinion' } as const satisfies Record<string, ActionName>;

function scopeAdmits(scope: keyof typeof SCOPE_ACTIONS, actor: Actor, meeting: MeetingDoc | null): boolean {
  return mayCall(SCOPE_ACTIONS[scope], actor) && (!meeting || meeting.orgId === actor.orgId);
}

export const list = defineAction({
  name: 'topic.list',
  input: ListTopicsInput,
  record: {
    readAs: 'topic.list',
    offers: [],
    // the meeting named, or the caller's own org when none is
    load: async (input, store, actor) => {
      if (!input.meetingId) return { record: null, facts: { kind: 'org', orgId: actor.orgId } };
      const m = await store.get<MeetingDoc>('meetings', input.meetingId);
      return m ? { record: m, facts: { kind: 'org', orgId: m.orgId } } : null;
    },
  },
  handler: async (input, { store, actor, record: meeting }): Promise<TopicListView> => {
    const scoped: Filter = input.meetingId ? { meetingId: input.meetingId } : {};
    const page = (filter: Filter, sort: FindOptions['sort'], limit = PAGE) => store.find<TopicDoc>('topics', filter, { sort, limit, cursor: input.cursor });
    let found;
    if (input.scope === 'mine') {
      found = await page({ createdBy: actor.id, ...scoped, ...(input.status ? { status: input.status } : {}) }, newestFirst);
    } else if (input.scope === 'queue') {
      // issue #18: the queue is the topics `topic.accept` may be called on; who may see it is that
      // action's row of the permission table (the scope's declared action), not a role list here
      if (!scopeAdmits('queue', actor, meeting)) throw new AppError('forbidden', '只有本级办公室可以查看审核队列');
      found = await page({ orgId: actor.orgId, routedTo: { in: actor.roles }, status: input.status ?? 'submitted', ...scoped }, oldestFirst, 50);
    } else if (input.scope === 'opinions') {
      // Art. 6 (征求意见): the other side's accepted topics my side has not yet given an opinion on
      const side = givesOpinionsFor(actor.roles);
      if (!meeting) throw new AppError('validation_error', '请指定会议');
      if (!side || !scopeAdmits('opinions', actor, meeting)) throw new AppError('forbidden', '只有本级另一方的办公室、召集人和总召集人提出意见');
      // issue #16: a topic its office recorded 无意见 on no longer waits
      found = await page({ ...awaitingOpinionFilter(meeting._id), leadSide: otherSide(side) }, oldestFirst);
    } else {
      if (!meeting) throw new AppError('validation_error', '请指定会议');
      found = await page(meetingFilter(actor, meeting, input.status), oldestFirst);
    }
    const meetings = await meetingsOf(store, found.items, meeting);
    return {
      items: found.items.flatMap((t) => {
        const m = meetings.get(t.meetingId);
        return m ? [toTopicCard(t, actor, m)] : [];
      }),
      ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}),
    };
  },
});

/** The meetings of a page's topics, in one query whatever the page holds. */
async function meetingsOf(store: Store, topics: readonly TopicDoc[], known: MeetingDoc | null): Promise<Map<string, MeetingDoc>> {
  const ids = [...new Set(topics.map((t) => t.meetingId))].filter((id) => id !== known?._id);
  const loaded = ids.length ? (await store.find<MeetingDoc>('meetings', { _id: { in: ids } }, { limit: 100 })).items : [];
  return new Map([known, ...loaded].filter((m): m is MeetingDoc => !!m).map((m) => [m._id, m]));
}
