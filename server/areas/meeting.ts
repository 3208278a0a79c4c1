// The kinds of record the meeting actions name, and what they share with the other areas (minutes,
// press, task read a meeting through these loaders; areas share code through server/, never each other).
import { AppError, hasFlag, inProtocolOrder, meetingWorkflow, type MeetingFacts, type MeetingFlag, type Org } from '../../domain';
import type { InvitationDoc, MeetingDoc } from '../store/docs';
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
