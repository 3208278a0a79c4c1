// Issue #22: who sits where, from the invitations and the replies. The rostrum holds the leaders
// attending (a substitute in force in the place of the person invited), in protocol order unless
// the office reordered them, seated by the convention (domain/seating.ts); the hall by side, each in
// protocol order. The chart and the name cards are rendered from the same view.
import { rostrumOrder, type Actor, type SeatView, type SeatingView } from '../../domain';
import { offeredActions } from '../../server/kit/access';
import type { InvitationDoc, MeetingDoc } from '../../server/store/docs';
import type { Store } from '../../server/store/port';
import { invitationsInOrder, meetingFacts, meetingKind, notYetAdjourned, type MeetingRecord } from '../../server/areas/meeting';

function seatOf(i: InvitationDoc): Omit<SeatView, 'seat'> {
  if (i.answer === 'substitute' && i.substitute) {
    return { personId: i.personId, name: i.substitute.name, unit: i.unit, title: i.substitute.post, substituteFor: i.name };
  }
  return { personId: i.personId, name: i.name, unit: i.unit, title: i.title };
}

/** Seating may change until the meeting is over. */
export const seatingOpen = ({ meeting }: MeetingRecord): boolean => notYetAdjourned(meeting);

export async function seatingView(store: Store, r: MeetingRecord, actor: Actor, now: Date): Promise<SeatingView> {
  const m: MeetingDoc = r.meeting;
  const coming = (await invitationsInOrder(store, m)).invitations.filter((i) => i.answer !== 'decline');
  const leaders = coming.filter((i) => i.category === 'leader');
  // the office's order first (those still coming), then any leader it did not place, in protocol order
  const byId = new Map(leaders.map((i) => [i.personId, i]));
  const placed = (m.seatingOrder ?? []).map((id) => byId.get(id)).filter((i): i is InvitationDoc => !!i);
  const ranked = [...placed, ...leaders.filter((i) => !placed.includes(i))];
  const rostrum = rostrumOrder(ranked).map(({ seat, who }) => ({ seat, ...seatOf(who) }));
  const hall = (['gov', 'union'] as const).map((side) => ({
    side, label: side === 'gov' ? '政府方' : '工会方',
    people: coming.filter((i) => i.category !== 'leader' && i.side === side).map((i, k) => ({ seat: k + 1, ...seatOf(i) })),
  }));
  return {
    meetingId: m._id, title: m.title, rostrum,
    ranked: ranked.map((i, k) => ({ seat: rostrum.find((x) => x.personId === i.personId)?.seat ?? k + 1, ...seatOf(i) })),
    hall, adjusted: placed.length > 0,
    allowedActions: offeredActions(meetingKind, actor, { record: r, facts: meetingFacts(m, r.mine) }, now).filter((a) => a === 'setSeating'),
  };
}
