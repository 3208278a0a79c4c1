// meeting.attendance — Art. 5: every invitee with their reply, substitute and presence, for the
// offices (the parent org's offices read it too).
import { hasFlag, inProtocolOrder, invitableSides, MeetingIdOnly, meetingWorkflow, PERMISSIONS, roleMayCall, type Actor, type AttendanceView } from '../../../domain';
import type { InvitationDoc, MeetingDoc } from '../../../server/docs';
import { orgById } from '../../../server/identity';
import { defineAction } from '../../../server/registry';
import { findAll, type Store } from '../../../server/store/port';
import { meetingKind } from '../model';
import { toAttendanceRow } from '../views';

export async function attendanceView(store: Store, m: MeetingDoc, actor: Actor): Promise<AttendanceView> {
  const [found, org] = await Promise.all([
    findAll<InvitationDoc>(store, 'invitations', { meetingId: m._id }, [['side', 'asc'], ['invitedAt', 'asc']]),
    orgById(store, m.orgId),
  ]);
  // issue #16: one protocol order for every list of people
  const all = inProtocolOrder(found, { unitOrder: org?.unitOrder });
  // the same rules uninvite applies: the org's own office, its own side, while invitations are open
  const mayUninvite = (i: InvitationDoc) =>
    actor.orgId === m.orgId && hasFlag(meetingWorkflow, m.status, 'invitations_open') && roleMayCall(PERMISSIONS['meeting.uninvite'], actor.roles)
    && invitableSides(actor.roles).includes(i.side);
  // issue #16: a mistaken check-in is undone by the org's office before the meeting is adjourned
  const mayUndo = (i: InvitationDoc) =>
    !!i.presentAt && actor.orgId === m.orgId && hasFlag(meetingWorkflow, m.status, 'door_open') && roleMayCall(PERMISSIONS['meeting.undoCheckIn'], actor.roles);
  const rows = all.map((i) => ({ ...toAttendanceRow(i), allowedActions: [...(mayUninvite(i) ? ['uninvite'] : []), ...(mayUndo(i) ? ['undoCheckIn'] : [])] }));
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
  handler: (_input, ctx) => attendanceView(ctx.store, ctx.record.meeting, ctx.actor),
});
