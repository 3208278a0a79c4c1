// meeting.reschedule — Art. 7: the government office moves the time or place; every invitee is
// told, and the schedule version moves on so a reminder for the old time never fires (issue #10).
// meeting.setPresiding — Art. 8 + 4: the attending government leader presides; for a special
// major matter, the mayor.
import { AppError, mayPreside, RescheduleInput, SetPresidingInput, type Person } from '../../../domain';
import type { InvitationDoc, MeetingDoc } from '../../../server/docs';
import { meetingReminders, schedule } from '../../../server/reminders';
import { defineAction } from '../../../server/registry';
import { findAll } from '../../../server/store/port';
import { meetingKind, requireFlag } from '../model';
import { after } from '../move';
import { rescheduled } from '../notices';
import { toMeetingView } from '../views';

export const reschedule = defineAction({
  name: 'meeting.reschedule',
  input: RescheduleInput,
  record: meetingKind,
  guard: ({ meeting }) => requireFlag(meeting, 'editable_schedule', '不能再调整时间地点'),
  target: (i) => i.meetingId,
  handler: async ({ plannedAt, place }, ctx) => {
    const { meeting } = ctx.record;
    if (plannedAt !== undefined && plannedAt <= ctx.now.toISOString()) {
      throw new AppError('validation_error', '会议时间不能早于现在', [{ path: 'plannedAt', message: '会议时间不能早于现在' }]);
    }
    const invitees = await findAll<InvitationDoc>(ctx.store, 'invitations', { meetingId: meeting._id });
    const saved = await ctx.write(
      async (tx) => {
        const when = plannedAt ? new Date(plannedAt).toISOString() : meeting.plannedAt;
        const m = await tx.update<MeetingDoc>('meetings', meeting._id, meeting.version, {
          plannedAt: when, ...(place ? { place } : {}), scheduleVersion: (meeting.scheduleVersion ?? 1) + 1,
        });
        // invitations carry the time for "my invitations": kept in step in the same commit
        for (const i of invitees) await tx.update<InvitationDoc>('invitations', i._id, i.version, { plannedAt: when });
        // issue #10: reminders for the new time; those of the old version never fire
        if (m.status === 'notice_issued') await schedule(tx, meetingReminders(m, ctx.now), ctx.now);
        return m;
      },
      (m) => rescheduled(invitees, m),
    );
    return toMeetingView(ctx, after(ctx.record, saved), ctx.actor);
  },
});

export const setPresiding = defineAction({
  name: 'meeting.setPresiding',
  input: SetPresidingInput,
  record: meetingKind,
  guard: ({ meeting }) => requireFlag(meeting, 'upcoming', '不能再更改主持人'),
  target: (i) => i.meetingId,
  handler: async ({ personId }, ctx) => {
    const { meeting } = ctx.record;
    const person = await ctx.store.get<Person>('users', personId);
    if (!person || person.orgId !== meeting.orgId || person.active === false) throw new AppError('not_found', '本级没有这位人员');
    if (!mayPreside(person.roles)) throw new AppError('validation_error', '会议由出席会议的政府领导主持（重大事项可请市长主持）');
    const saved = await ctx.write((tx) =>
      tx.update<MeetingDoc>('meetings', meeting._id, meeting.version, { presidingId: person._id, presiding: { id: person._id, name: person.name, title: person.title } }),
    );
    return toMeetingView(ctx, after(ctx.record, saved), ctx.actor);
  },
});
