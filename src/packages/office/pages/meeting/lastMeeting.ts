// Issue #19: 与上次会议相同 — the invitees of the org's previous meeting (the latest one planned
// before this one whose notice went out: its list of attendees was final) whom this office may invite now, each under
// the category they had. Who may be invited is the server's answer (people.list purpose 'invite').
import type { MeetingCardView } from '../../../../../domain/schemas/meeting';
import type { PersonCardView } from '../../../../../domain/schemas/people';
import { hasFlag } from '../../../../../domain/workflow';
import { INVITEE_CATEGORIES, type InviteeCategory, type MeetingStatus, meetingWorkflow } from '../../../../../domain/workflows/meeting';
import { call } from '../../../../services/api';

async function allPages<T>(page: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    items.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor);
  return items;
}

export interface LastInvitees {
  meeting: MeetingCardView;
  people: Array<{ card: PersonCardView; category: InviteeCategory }>;
}

/** null when the org has no earlier meeting. */
export async function lastMeetingInvitees(current: { id: string; plannedAt: string }): Promise<LastInvitees | null> {
  const meetings = await allPages((cursor) => call('meeting.list', { scope: 'org', ...(cursor ? { cursor } : {}) }));
  const previous = meetings
    .filter((m) => m.id !== current.id && m.plannedAt < current.plannedAt && hasFlag(meetingWorkflow, m.state as MeetingStatus, 'notice_out'))
    .sort((a, b) => b.plannedAt.localeCompare(a.plannedAt))[0];
  if (!previous) return null;
  const [attendance, mayInvite] = await Promise.all([
    call('meeting.attendance', { meetingId: previous.id }),
    allPages((cursor) => call('people.list', { purpose: 'invite', ...(cursor ? { cursor } : {}) })),
  ]);
  const cards = new Map(mayInvite.map((p) => [p.id, p]));
  const isCategory = (c: string): c is InviteeCategory => (INVITEE_CATEGORIES as readonly string[]).includes(c);
  return {
    meeting: previous,
    people: attendance.rows.flatMap((r) => {
      const card = cards.get(r.personId);
      return card ? [{ card, category: isCategory(r.category) ? r.category : card.category }] : [];
    }),
  };
}
