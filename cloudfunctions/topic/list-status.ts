// The topic list of a meeting (Art. 6): fixed only when both sides have confirmed exactly the same
// accepted topics. A confirmation records the topics it covers; any change to the accepted set
// (a topic accepted, a topic merged into an accepted one) clears the confirmations given before it
// and tells those sides, so nobody's confirmation covers a list they never saw.
import { createHash } from 'node:crypto';
import {
  AppError,
  CONFIRMERS,
  confirmerSide,
  hasFlag,
  LIST_CONFIRMERS,
  meetingWorkflow,
  opinionSideOf,
  opinionState,
  opinionStateLabel,
  SIDE_LABEL,
  TOPIC_CATEGORY_LABEL,
  type Actor,
  type OneSide,
  type Person,
  type TopicListStatusView,
} from '../../domain';
import type { MeetingDoc, TopicDoc } from '../../server/store/docs';
import { peopleWithRoles } from '../../server/notify/notify';
import { defineRecordKind, type ActionContext } from '../../server/kit/registry';
import { offeredActions } from '../../server/kit/access';
import { findAll, type Store, type TxStore } from '../../server/store/port';
import { awaitingOpinionFilter } from '../../server/areas/topic';
import { topicFacts, topicKind } from './model';
import { listReady } from './notices';
import { sideLabel } from './views';

const SIDES: readonly OneSide[] = ['gov', 'union'];

/**
 * The topic list of a meeting: the meeting, how many topics still wait for screening, and the
 * accepted topics still waiting for the other side's opinion or 无意见 (issue #16: Art. 6 makes
 * 征求意见 the step before the list is fixed) — how many, and the first of them by name.
 */
export interface ListRecord {
  meeting: MeetingDoc;
  waiting: number;
  awaitingOpinion: AwaitingOpinion;
}

export interface AwaitingOpinion {
  count: number;
  /** per side: how many accepted topics wait for that side's opinion or 无意见 */
  asked: Record<OneSide, number>;
  first: Pick<TopicDoc, 'title' | 'leadSide'> | null;
}

export const NOTHING_AWAITED: AwaitingOpinion = { count: 0, asked: { gov: 0, union: 0 }, first: null };

/** The accepted topics of a meeting that still wait for an opinion: how many, per side, and the oldest. */
export async function awaitingOpinion(store: Store, meetingId: string): Promise<AwaitingOpinion> {
  const [ofGov, ofUnion, first] = await Promise.all([
    store.count('topics', { ...awaitingOpinionFilter(meetingId), leadSide: 'union' }),
    store.count('topics', { ...awaitingOpinionFilter(meetingId), leadSide: 'gov' }),
    store.find<TopicDoc>('topics', awaitingOpinionFilter(meetingId), { sort: [['createdAt', 'asc']], limit: 1 }),
  ]);
  const t = first.items[0];
  return { count: ofGov + ofUnion, asked: { gov: ofGov, union: ofUnion }, first: t ? { title: t.title, leadSide: t.leadSide } : null };
}

export const listKind = defineRecordKind<{ meetingId: string }, ListRecord>({
  readAs: 'topic.list',
  load: async ({ meetingId }, store) => {
    const meeting = await store.get<MeetingDoc>('meetings', meetingId);
    if (!meeting) return null;
    const [waiting, opinions] = await Promise.all([
      store.count('topics', { meetingId, status: 'submitted' }),
      awaitingOpinion(store, meetingId),
    ]);
    return { record: { meeting, waiting, awaitingOpinion: opinions }, facts: { kind: 'org', orgId: meeting.orgId } };
  },
});

/** What still keeps the list from being confirmed (Art. 6), in the words the page shows. */
export function missingForList({ waiting, awaitingOpinion: lacking }: Pick<ListRecord, 'waiting' | 'awaitingOpinion'>): string[] {
  const missing: string[] = [];
  if (waiting > 0) missing.push(`还有 ${waiting} 个议题尚未审核，审核完毕后才能确认议题清单`);
  if (lacking.first) {
    const asked = SIDE_LABEL[opinionSideOf(lacking.first.leadSide)];
    const more = lacking.count > 1 ? `等 ${lacking.count} 个议题` : '';
    missing.push(`议题「${lacking.first.title}」${more}尚未征求${asked}意见：请另一方提出意见，或由其办公室登记“无意见”后再确认议题清单`);
  }
  return missing;
}

/** Every accepted topic of the meeting, oldest first (paged to the end: a list is never cut). */
export function acceptedTopics(store: Store, meetingId: string): Promise<TopicDoc[]> {
  return findAll<TopicDoc>(store, 'topics', { meetingId, status: 'accepted' }, [['createdAt', 'asc']]);
}

function idsHash(ids: readonly string[]): string {
  return createHash('sha256').update([...ids].sort().join(',')).digest('hex').slice(0, 16);
}

/** Two confirmations cover the same list exactly when they name the same topics. */
export function sameTopics(a: readonly string[], b: readonly string[]): boolean {
  return idsHash(a) === idsHash(b);
}

/**
 * Names the list as it stands: the meeting and the revision of its accepted topics. What a person
 * was shown travels back with their confirmation; a different name means the list changed since.
 */
export function listHash(m: Pick<MeetingDoc, '_id' | 'listRevision'>): string {
  return createHash('sha256').update(`${m._id}:${m.listRevision ?? 0}`).digest('hex').slice(0, 16);
}

export const confirmedSides = (m: MeetingDoc): OneSide[] => SIDES.filter((s) => !!m.topicList?.[s]);

/** The confirmers of the sides whose confirmation a change to the accepted topics will clear. */
export function staleConfirmers(store: Store, m: MeetingDoc): Promise<Person[]> {
  const sides = confirmedSides(m);
  return sides.length ? peopleWithRoles(store, m.orgId, sides.flatMap((s) => LIST_CONFIRMERS[s])) : Promise.resolve([]);
}

/**
 * Inside the write that changes the accepted topics: a new revision of the list, and every
 * confirmation given before it cleared. Always a write of the meeting, so a confirmation racing the
 * change meets a version conflict and looks again.
 */
export async function changeList(tx: TxStore, m: MeetingDoc): Promise<void> {
  await tx.update<MeetingDoc>('meetings', m._id, m.version, {
    listRevision: (m.listRevision ?? 0) + 1,
    ...(confirmedSides(m).length ? { topicList: { gov: null, union: null } } : {}),
  });
}

/**
 * Art. 6: guard of confirmList — collecting, not yet confirmed by this side, nothing waiting for
 * screening, and (issue #16) no accepted topic without the other side's opinion or 无意见.
 */
export function confirmGuard({ meeting, waiting, awaitingOpinion: lacking }: ListRecord, actor: Actor): void {
  const side = confirmerSide(actor.roles);
  if (!side) throw new AppError('forbidden');
  if (!hasFlag(meetingWorkflow, meeting.status, 'accepts_topics')) {
    throw new AppError('invalid_transition', `会议「${meetingWorkflow.states[meeting.status].label}」，不能再确认议题清单`);
  }
  if (meeting.topicList?.[side]) throw new AppError('invalid_transition', `${SIDE_LABEL[side]}已确认议题清单`);
  // Art. 6: every proposer has an answer, and every accepted topic went through 征求意见
  const [missing] = missingForList({ waiting, awaitingOpinion: lacking });
  if (missing) throw new AppError('invalid_transition', missing);
}

/** Guard of revokeConfirmation: the side has confirmed, and the notice is not yet issued. */
export function revokeGuard({ meeting }: ListRecord, actor: Actor): void {
  const side = confirmerSide(actor.roles);
  if (!side) throw new AppError('forbidden');
  if (!meeting.topicList?.[side]) throw new AppError('invalid_transition', '本方尚未确认议题清单');
  if (meeting.status !== 'collecting' && meeting.status !== 'list_fixed') {
    throw new AppError('invalid_transition', '会议通知已印发，不能撤回议题清单确认');
  }
}

const PAGE = 50;

export async function listStatusView(store: Store, m: MeetingDoc, actor: Actor, allowedActions: string[], cursor?: string): Promise<TopicListStatusView> {
  const [submitted, returned, accepted, lacking, page] = await Promise.all([
    store.count('topics', { meetingId: m._id, status: 'submitted' }),
    store.count('topics', { meetingId: m._id, status: 'returned' }),
    store.count('topics', { meetingId: m._id, status: 'accepted' }),
    // a topic stored before the field existed has had no opinion counted: it counts as waiting
    awaitingOpinion(store, m._id),
    store.find<TopicDoc>('topics', { meetingId: m._id, status: 'accepted' }, { sort: [['createdAt', 'asc']], limit: PAGE, cursor }),
  ]);
  const collecting = hasFlag(meetingWorkflow, m.status, 'accepts_topics');
  const conf = (s: OneSide) => {
    const c = m.topicList?.[s];
    return c ? { byName: c.byName, at: c.at, topicCount: c.topicIds.length } : null;
  };
  return {
    meetingId: m._id,
    meetingTitle: m.title,
    meetingStatus: m.status,
    meetingStatusLabel: meetingWorkflow.states[m.status].label,
    plannedAt: m.plannedAt,
    fixed: m.status !== 'collecting' && !!m.topicList?.gov && !!m.topicList?.union,
    confirmations: { gov: conf('gov'), union: conf('union') },
    counts: { submitted, accepted, returned, awaitingOpinion: lacking.count },
    missing: collecting ? missingForList({ waiting: submitted, awaitingOpinion: lacking }) : [],
    listHash: listHash(m),
    accepted: page.items.map((t) => {
      const asked = opinionSideOf(t.leadSide);
      const state = opinionState(t);
      return {
        id: t._id, title: t.title, categoryLabel: TOPIC_CATEGORY_LABEL[t.category], proposerName: t.proposerName, sideLabel: sideLabel(t),
        opinionSideLabel: SIDE_LABEL[asked], opinionCount: t.opinions.filter((o) => o.side === asked).length,
        opinionState: state, opinionStateLabel: opinionStateLabel(state, t.noOpinion?.side),
        allowedActions: actor.orgId === m.orgId ? offeredActions(topicKind, actor, { record: { topic: t, meeting: m }, facts: topicFacts(t) }) : [],
      };
    }),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    allowedActions: actor.orgId === m.orgId ? allowedActions : [],
  };
}

/**
 * Issue #16: after an opinion, a 无意见 or a screening that may have been the last thing missing —
 * when the meeting still collects, nothing waits for screening, every accepted topic has the other
 * side's opinion or 无意见 and no side has confirmed yet, the confirmers of both sides are told the
 * list is ready (topic_list_ready). Read after the change has committed, so of two last opinions
 * given at once at least one sees the list ready; the notification key makes a second one a no-op.
 */
export async function announceIfReady<R>(ctx: ActionContext<R>, meetingId: string): Promise<void> {
  const { store } = ctx;
  const meeting = await store.get<MeetingDoc>('meetings', meetingId);
  if (!meeting || !hasFlag(meetingWorkflow, meeting.status, 'accepts_topics') || confirmedSides(meeting).length) return;
  const [waiting, lacking, accepted] = await Promise.all([
    store.count('topics', { meetingId, status: 'submitted' }),
    store.count('topics', awaitingOpinionFilter(meetingId)),
    store.count('topics', { meetingId, status: 'accepted' }),
  ]);
  if (waiting > 0 || lacking > 0 || accepted === 0) return;
  const confirmers = await peopleWithRoles(store, meeting.orgId, CONFIRMERS);
  await ctx.write(async () => meeting, (m) => listReady(confirmers, m, accepted));
}
