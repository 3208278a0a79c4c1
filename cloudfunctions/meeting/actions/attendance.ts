// meeting.attendance — Art. 5: every invitee with their reply, substitute and presence, for the
// offices (the parent org's offices read it too).
import { hasFlag, invitableSides, MeetingIdOnly, meetingWorkflow, PERMISSIONS, roleMayCall, type Actor, type AttendanceView } from '../../../domain';
import type { InvitationDoc, MeetingDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import { offeredCall } from '../../../server/kit/access';
import { CHASE_RULES, chaseLoaded } from '../../../server/notify/chase';
import type { Store } from '../../../server/store/port';
import { invitationsInOrder, meetingKind } from '../../../server/areas/meeting';
import { toAttendanceRow } from '../views';

/**
 * The list in protocol order (issue #16); `ordered`: the invitations when the caller has read them
 * already; `now`: the call's time, without which no row offers 催办 (issue #20: a reply is chased
 * only before the meeting begins).
 */
export async function attendanceView(store: Store, m: MeetingDoc, actor: Actor, ordered?: InvitationDoc[], now?: Date): Promise<AttendanceView> {
  const all = ordered ?? (await invitationsInOrder(store, m)).invitations;
  // the same rules uninvite applies: the org's own office, its own side, while invitations are open
  const mayUninvite = (i: InvitationDoc) =>
    actor.orgId === m.orgId && hasFlag(meetingWorkflow, m.status, 'invitations_open') && roleMayCall(PERMISSIONS['meeting.uninvite'], actor.roles)
    && invitableSides(actor.roles).includes(i.side);
  // issue #16: a mistaken check-in is undone by the org's office before the meeting is adjourned
  const mayUndo = (i: InvitationDoc) =>
    !!i.presentAt && actor.orgId === m.orgId && hasFlag(meetingWorkflow, m.status, 'door_open') && roleMayCall(PERMISSIONS['meeting.undoCheckIn'], actor.roles);
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
