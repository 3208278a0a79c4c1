// The kinds of record the meeting actions name, and what they share with the other areas (minutes,
// press, task read a meeting through these loaders; areas share code through server/, never each other).
import {
  AppError, availableEvents, hasFlag, inProtocolOrder, invitableSides, MEETING_STATES, meetingWorkflow, MINUTES_STATES, minutesWorkflow, pressSideOf,
  type Actor, type MeetingFacts, type MeetingFlag, type Org,
} from '../../domain';
import type { MeetingAwaiting } from '../../domain/workbench';
import type { InvitationDoc, MeetingDoc, MinutesDoc, PressDoc } from '../store/docs';
import { orgById } from '../security/identity';
import { defineRecordKind } from '../kit/registry';
import { findAll, type Store } from '../store/port';

/** A meeting with the caller's own invitation (null when not invited). */
export interface MeetingRecord {
  meeting: MeetingDoc;
  mine: InvitationDoc | null;
}

export const invitationId = (meetingId: string, personId: string) => `${meetingId}:${personId}`;

export function meetingFacts(m: MeetingDoc, mine: InvitationDoc | null): MeetingFacts {
  return { kind: 'meeting', orgId: m.orgId, presidingId: m.presidingId, ...(mine ? { inviteeId: mine.personId } : {}) };
}

/** A meeting named by `meetingId`; who may see it are meeting.get's rules. */
export const meetingKind = defineRecordKind<{ meetingId: string }, MeetingRecord>({
  readAs: 'meeting.get',
  load: async ({ meetingId }, store, actor) => {
    const [meeting, mine] = await Promise.all([
      store.get<MeetingDoc>('meetings', meetingId),
      store.get<InvitationDoc>('invitations', invitationId(meetingId, actor.id)),
    ]);
    return meeting ? { record: { meeting, mine }, facts: meetingFacts(meeting, mine) } : null;
  },
});

/** The meeting is in a phase with this flag, or the action explains why not. */
export function requireFlag(m: MeetingDoc, flag: MeetingFlag, what: string): void {
  if (!hasFlag(meetingWorkflow, m.status, flag)) {
    throw new AppError('invalid_transition', `会议「${meetingWorkflow.states[m.status].label}」，${what}`);
  }
}

/** Not yet adjourned: still to come, or in session (issue #22: seating and materials may change until then). */
export const notYetAdjourned = (m: MeetingDoc): boolean => hasFlag(meetingWorkflow, m.status, 'upcoming') || m.status === 'in_session';

/** Every invitation of the meeting in protocol order (issue #16), with the org whose unit order sets it. */
export async function invitationsInOrder(store: Store, m: MeetingDoc): Promise<{ invitations: InvitationDoc[]; org: Org | null }> {
  const [found, org] = await Promise.all([
    findAll<InvitationDoc>(store, 'invitations', { meetingId: m._id }, [['side', 'asc'], ['invitedAt', 'asc']]),
    orgById(store, m.orgId),
  ]);
  return { invitations: inProtocolOrder(found, { unitOrder: org?.unitOrder }), org: org ?? null };
}

/** Issue #19: the states whose notice is out and whose invitees are asked to reply (Art. 5). */
const ASKING_REPLIES = MEETING_STATES.filter((s) => hasFlag(meetingWorkflow, s, 'accepts_replies'));

/**
 * Issue #19, the work queue and `meeting.list { awaiting }`: the org's meetings waiting for the
 * caller, newest first, and how many things wait in them —
 *   replies — the notice is out and invitees of the sides the caller's office invites have not
 *             replied (`waiting`: those invitees);
 *   minutes — the minutes are at a review stage the caller approves (Art. 9);
 *   press   — the press release's current text lacks the approval of the caller's office (Art. 10).
 * Meetings, minutes and invitations are read by their indexes; the press releases of the org (one
 * per held meeting, an unindexed collection) by orgId and state.
 */
export async function meetingsAwaiting(store: Store, actor: Actor, orgId: string, what: MeetingAwaiting): Promise<{ meetings: MeetingDoc[]; waiting: number }> {
  const byIds = async (ids: string[]) => (ids.length ? findAll<MeetingDoc>(store, 'meetings', { _id: { in: ids } }, [['plannedAt', 'desc']]) : []);
  if (what === 'replies') {
    const sides = invitableSides(actor.roles);
    if (!sides.length) return { meetings: [], waiting: 0 };
    const notified = await findAll<MeetingDoc>(store, 'meetings', { orgId, status: { in: ASKING_REPLIES } }, [['plannedAt', 'desc']]);
    const silent = await Promise.all(notified.map((m) => store.count('invitations', { meetingId: m._id, side: { in: sides }, answered: false })));
    return { meetings: notified.filter((_, i) => silent[i] > 0), waiting: silent.reduce((a, b) => a + b, 0) };
  }
  if (what === 'minutes') {
    const stages = MINUTES_STATES.filter((s) => availableEvents(minutesWorkflow, s, actor.roles).includes('approve'));
    if (!stages.length) return { meetings: [], waiting: 0 };
    const minutes = await findAll<MinutesDoc>(store, 'minutes', { orgId, status: { in: stages } });
    const meetings = await byIds(minutes.map((m) => m.meetingId));
    return { meetings, waiting: meetings.length };
  }
  const side = pressSideOf(actor.roles);
  if (!side) return { meetings: [], waiting: 0 };
  const drafts = await findAll<PressDoc>(store, 'press', { orgId, status: 'draft' });
  const meetings = await byIds(drafts.filter((p) => p.approvals[side]?.revision !== p.revision).map((p) => p.meetingId));
  return { meetings, waiting: meetings.length };
}
