// The topic list of a meeting (Art. 6): fixed only when both sides have confirmed exactly the same
// accepted topics. A confirmation records the topics it covers; any change to the accepted set
// (a topic accepted, a topic merged into an accepted one) clears the confirmations given before it
// and tells those sides, so nobody's confirmation covers a list they never saw.
import { createHash } from 'node:crypto';
import {
  AppError,
  confirmerSide,
  hasFlag,
  LIST_CONFIRMERS,
  meetingWorkflow,
  otherSide,
  SIDE_LABEL,
  TOPIC_CATEGORY_LABEL,
  type Actor,
  type OneSide,
  type Person,
  type TopicListStatusView,
} from '../../domain';
import type { MeetingDoc, TopicDoc } from '../../server/docs';
import { peopleWithRoles } from '../../server/notify';
import { defineRecordKind } from '../../server/registry';
import { findAll, type Store, type TxStore } from '../../server/store/port';
import { sideLabel } from './views';

const SIDES: readonly OneSide[] = ['gov', 'union'];

/** The topic list of a meeting: the meeting and how many topics still wait for screening. */
export interface ListRecord {
  meeting: MeetingDoc;
  waiting: number;
}

export const listKind = defineRecordKind<{ meetingId: string }, ListRecord>({
  readAs: 'topic.list',
  load: async ({ meetingId }, store) => {
    const meeting = await store.get<MeetingDoc>('meetings', meetingId);
    if (!meeting) return null;
    const waiting = await store.count('topics', { meetingId, status: 'submitted' });
    return { record: { meeting, waiting }, facts: { kind: 'org', orgId: meeting.orgId } };
  },
});

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

/** Art. 6: guard of confirmList — collecting, nothing waiting for screening, not yet confirmed. */
export function confirmGuard({ meeting, waiting }: ListRecord, actor: Actor): void {
  const side = confirmerSide(actor.roles);
  if (!side) throw new AppError('forbidden');
  if (!hasFlag(meetingWorkflow, meeting.status, 'accepts_topics')) {
    throw new AppError('invalid_transition', `会议「${meetingWorkflow.states[meeting.status].label}」，不能再确认议题清单`);
  }
  if (meeting.topicList?.[side]) throw new AppError('invalid_transition', `${SIDE_LABEL[side]}已确认议题清单`);
  if (waiting > 0) throw new AppError('invalid_transition', `还有 ${waiting} 个议题尚未审核，审核完毕后才能确认议题清单`);
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
  const [submitted, returned, accepted, awaitingOpinion, page] = await Promise.all([
    store.count('topics', { meetingId: m._id, status: 'submitted' }),
    store.count('topics', { meetingId: m._id, status: 'returned' }),
    store.count('topics', { meetingId: m._id, status: 'accepted' }),
    // a topic stored before the field existed has had no opinion counted: it counts as waiting
    store.count('topics', { meetingId: m._id, status: 'accepted', otherSideOpinions: { in: [0, null] } }),
    store.find<TopicDoc>('topics', { meetingId: m._id, status: 'accepted' }, { sort: [['createdAt', 'asc']], limit: PAGE, cursor }),
  ]);
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
    counts: { submitted, accepted, returned, awaitingOpinion },
    listHash: listHash(m),
    accepted: page.items.map((t) => {
      const asked = otherSide(t.leadSide);
      return {
        id: t._id, title: t.title, categoryLabel: TOPIC_CATEGORY_LABEL[t.category], proposerName: t.proposerName, sideLabel: sideLabel(t),
        opinionSideLabel: SIDE_LABEL[asked], opinionCount: t.opinions.filter((o) => o.side === asked).length,
      };
    }),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    allowedActions: actor.orgId === m.orgId ? allowedActions : [],
  };
}
