// minutes.setAttendance — issue #16 (Art. 5, 9): before submitting the minutes the union office
// confirms who attended. The list starts from check-in (present), the replies (请假 with the reason
// given) and absence; an entry that departs from check-in needs a reason, kept with who changed it.
// The confirmed list is a fact of the meeting: the minutes' page, the approvers, the issued 纪要
// and its .docx all show exactly it.
import { AppError, confirmEntries, SetAttendanceInput } from '../../../domain';
import type { MeetingDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import { minutesKind, requireEditable } from '../model';
import { toMinutesView } from '../views';
import { invitationsInOrder } from '../../../server/areas/meeting';
import { confirmedOf } from '../../../server/areas/attendance';

export const setAttendance = defineAction({
  name: 'minutes.setAttendance',
  input: SetAttendanceInput,
  record: minutesKind,
  guard: requireEditable,
  target: (i) => i.meetingId,
  handler: async ({ entries }, ctx) => {
    const { meeting } = ctx.record;
    const { invitations } = await invitationsInOrder(ctx.store, meeting);
    const at = ctx.now.toISOString();
    const { entries: confirmed, problems } = confirmEntries(invitations, entries, ctx.actor, at, confirmedOf(meeting));
    if (problems.length) {
      throw new AppError('validation_error', problems[0].message, problems.map((p) => ({ path: `entries.${entries.findIndex((e) => e.personId === p.personId)}`, message: p.message })));
    }
    const saved = await ctx.write((tx) =>
      tx.update<MeetingDoc>('meetings', meeting._id, meeting.version, {
        attendanceList: { entries: confirmed, confirmedBy: ctx.actor.id, confirmedByName: ctx.actor.name, confirmedAt: at },
      }),
    );
    return toMinutesView(ctx.store, { ...ctx.record, meeting: saved }, ctx.actor);
  },
});
