// meeting.attendance — Art. 5: every invitee with their reply, substitute and presence, for the
// offices (the parent org's offices read it too).
import { invitableSides, MeetingIdOnly, type Actor, type AttendanceView } from '../../../domain';
import type { InvitationDoc, MeetingDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import { offeredActions, offeredCall } from '../../../server/kit/access';
import { CHASE_RULES, chaseLoaded } from '../../../server/notify/chase';
import type { Store } from '../../../server/store/port';
import { invitationsInOrder, meetingFacts, meetingKind } from '../../../server/areas/meeting';
import { toAttendanceRow } from '../views';

/**
 * The list in protocol order (issue #16); `ordered`: the invitations when the caller has read them
 * already; `now`: the call's time, without which no row offers 催办 (issue #20: a reply is chased
 * only before the meeting begins).
 */
export async function attendanceView(store: Store, m: MeetingDoc, actor: Actor, ordered?: InvitationDoc[], now?: Date): Promise<AttendanceView> {
  const all = ordered ?? (await invitationsInOrder(store, m)).invitations;
  // issue #18: the kit judges uninvite and undoCheckIn on the meeting (table, row rules, guards) —
  // the same checks their calls meet; a row adds only what the handler checks of that invitee
  const offered = offeredActions(meetingKind, actor, { record: { meeting: m, mine: null }, facts: meetingFacts(m, null) }, now);
  // uninvite: the caller's own side only (the handler refuses another side's invitee)
  const mayUninvite = (i: InvitationDoc) => offered.includes('uninvite') && invitableSides(actor.roles).includes(i.side);
  // issue #16: a mistaken check-in is undone by the org's office before the meeting is adjourned
  const mayUndo = (i: InvitationDoc) => !!i.presentAt && offered.includes('undoCheckIn');
  const rows = all.map((i) => ({ ...toAttendanceRow(i), allowedActions: [
    ...(mayUninvite(i) ? ['uninvite'] : []), ...(mayUndo(i) ? ['undoCheckIn'] : []),
    ...offeredCall(CHASE_RULES, actor, chaseLoaded({ subject: 'reply', meeting: m, personId: i.personId, invitation: i }), now),
  ] }));
  const count = (a: InvitationDoc['answer']) => all.filter((i) => i.answer === a).length;
  return {
    meetingId: m._id, title: m.title, rows,
    counts: {
      invited: all.length, attend: count('attend'), decline: count('decline'), substitute: count('substitute'), none: count(null),
      present: all.filter((i) => i.presentAt).length,
    },
  };
}

export const attendance = defineAction({
  name: 'meeting.attendance',
  input: MeetingIdOnly,
  record: meetingKind,
  handler: (_input, ctx) => attendanceView(ctx.store, ctx.record.meeting, ctx.actor, undefined, ctx.now),
});
