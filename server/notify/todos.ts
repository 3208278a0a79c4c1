// Issue #20: the inbox is a to-do list. A message whose milestone asks for an action (the route
// table in domain/subscriptions.ts: `needsAction`, `closedBy`) is closed by that action for everyone
// it asked — a reply only for the one who replied, a list confirmation for that side's confirmers,
// a screening or an approval for the whole office or stage. Run by the outbox right after the
// action's transaction commits (before the action's own new messages are delivered, so those stay
// open); a failure leaves the to-dos as they were and is logged.
import { MILESTONES, MILESTONE_ROUTES, type Actor, type Milestone, type Person } from '../../domain';
import type { TopicDoc } from '../store/docs';
import { closeTodos, type NotificationDoc } from './notify';
import { findAll, type Store } from '../store/port';

/** What closes which milestones: computed once from the route table. */
export const CLOSED_BY: ReadonlyMap<string, readonly Milestone[]> = (() => {
  const m = new Map<string, Milestone[]>();
  for (const milestone of MILESTONES) for (const a of MILESTONE_ROUTES[milestone].closedBy ?? []) m.set(a, [...(m.get(a) ?? []), milestone]);
  return m;
})();

/** Actions whose to-dos are the actor's own (others asked the same are still asked). */
const OWN_ONLY = new Set(['meeting.reply']);
/** Actions that close the to-dos of the actor's side only (each side confirms the list). */
const SIDE_ONLY = new Set(['topic.confirmList']);

const sideOf = (roles: readonly string[]): 'gov' | 'union' | null =>
  roles.some((r) => r.startsWith('gov_') || r === 'mayor') ? 'gov' : roles.some((r) => r.startsWith('union_') || r === 'representative') ? 'union' : null;

function field(o: unknown, k: string): string | undefined {
  if (typeof o !== 'object' || o === null) return undefined;
  const v = (o as Record<string, unknown>)[k];
  return typeof v === 'string' ? v : undefined;
}

/** The subject the action was about, from its payload (or, for an assignment, the task it wrote). */
function subjectOf(action: string, input: unknown, result: unknown): string | undefined {
  if (action === 'task.assign') return field(result, 'meetingId');
  return field(input, 'taskId') ?? field(input, 'topicId') ?? field(input, 'meetingId') ?? field(input, 'id');
}

export async function closeAfterAction(store: Store, action: string, actor: Pick<Actor, 'id' | 'name' | 'roles'>, input: unknown, result: unknown, now: Date): Promise<number> {
  const milestones = CLOSED_BY.get(action);
  if (!milestones?.length) return 0;
  const by = { id: actor.id, name: actor.name };
  // 无意见 on every topic of a meeting: the opinion requests about its topics
  if (action === 'topic.noOpinionAll') {
    const meetingId = field(input, 'meetingId');
    if (!meetingId) return 0;
    const topics = await findAll<TopicDoc>(store, 'topics', { meetingId });
    let n = 0;
    for (const t of topics) n += await closeTodos(store, { subjectId: t._id, milestones }, now, by);
    return n;
  }
  const subjectId = subjectOf(action, input, result);
  if (!subjectId) return 0;
  if (OWN_ONLY.has(action)) return closeTodos(store, { subjectId, milestones, recipients: [actor.id] }, now, by);
  if (SIDE_ONLY.has(action)) {
    const side = sideOf(actor.roles);
    const open = await findAll<NotificationDoc>(store, 'notifications', { subjectId, milestone: { in: [...milestones] }, handledAt: null });
    const people = open.length ? await findAll<Person>(store, 'users', { _id: { in: [...new Set(open.map((o) => o.recipientId))] } }) : [];
    const recipients = people.filter((p) => sideOf(p.roles) === side).map((p) => p._id);
    return recipients.length ? closeTodos(store, { subjectId, milestones, recipients }, now, by) : 0;
  }
  return closeTodos(store, { subjectId, milestones }, now, by);
}
