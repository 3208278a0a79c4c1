// meeting.reschedule — Art. 7: the government office moves the time or place; every invitee is
// told, and the schedule version moves on so a reminder for the old time never fires (issue #10).
// Issue #16: once the notice is out, a change is a 变更通知 under its own 文号 naming the original;
// the original stays as issued, and when the day moved every invitee is asked to reply again.
// meeting.setPresiding — Art. 8 + 4: the attending government leader presides; for a special
// major matter, the mayor.
import { AppError, calendarDaysBetween, mayPreside, RescheduleInput, SetPresidingInput, type Person } from '../../../domain';
import type { InvitationDoc, MeetingDoc } from '../../../server/store/docs';
import { orgById } from '../../../server/security/identity';
import { meetingReminders, schedule } from '../../../server/notify/reminders';
import { defineAction } from '../../../server/kit/registry';
import { findAll } from '../../../server/store/port';
import { requireNewNumber, snapshotNotice } from '../issued';
import { meetingKind, requireFlag } from '../../../server/areas/meeting';
import { after } from '../move';
import { changeNoticeIssued, rescheduled } from '../notices';
import { toMeetingView } from '../views';

const refuse = (path: string, message: string) => new AppError('validation_error', message, [{ path, message }]);

export const reschedule = defineAction({
  name: 'meeting.reschedule',
  input: RescheduleInput,
  record: meetingKind,
  guard: ({ meeting }) => requireFlag(meeting, 'editable_schedule', '不能再调整时间地点'),
  target: (i) => i.meetingId,
  handler: async ({ plannedAt, place, docNumber }, ctx) => {
    const { meeting } = ctx.record;
    if (plannedAt !== undefined && plannedAt <= ctx.now.toISOString()) throw refuse('plannedAt', '会议时间不能早于现在');
    const noticeOut = !!meeting.notices?.length;
    if (noticeOut && !docNumber) throw refuse('docNumber', '会议通知已印发，调整时间地点须印发变更通知，请填写变更通知文号');
    if (!noticeOut && docNumber) throw refuse('docNumber', '会议通知尚未印发，无需变更通知文号');
    if (docNumber) requireNewNumber(meeting, docNumber);
    const when = plannedAt ? new Date(plannedAt).toISOString() : meeting.plannedAt;
    const dayMoved = calendarDaysBetween(meeting.plannedAt, when) !== 0;
    const [invitees, org] = await Promise.all([
      findAll<InvitationDoc>(ctx.store, 'invitations', { meetingId: meeting._id }),
      noticeOut ? orgById(ctx.store, meeting.orgId) : Promise.resolve(null),
    ]);
    const at = ctx.now.toISOString();
    const saved = await ctx.write(
      async (tx) => {
        const moved: MeetingDoc = { ...meeting, plannedAt: when, ...(place ? { place } : {}) };
        const notices = noticeOut
          ? [...meeting.notices!, snapshotNotice(moved, org, invitees, [], { docNumber: docNumber!, at, by: ctx.actor.id }, meeting.notices![meeting.notices!.length - 1])]
          : undefined;
        const m = await tx.update<MeetingDoc>('meetings', meeting._id, meeting.version, {
          plannedAt: when, ...(place ? { place } : {}), scheduleVersion: (meeting.scheduleVersion ?? 1) + 1, ...(notices ? { notices } : {}),
        });
        // invitations carry the time for "my invitations": kept in step in the same commit; a
        // 变更通知 that moves the day asks every invitee to reply again (the earlier reply is kept)
        for (const i of invitees) {
          const askAgain = noticeOut && dayMoved && i.answer;
          await tx.update<InvitationDoc>('invitations', i._id, i.version, {
            plannedAt: when,
            ...(askAgain ? { answer: null, answered: false, reason: undefined, substitute: undefined, earlierReply: { answer: i.answer!, repliedAt: i.repliedAt, changedBy: docNumber! } } : {}),
          });
        }
        // issue #10: reminders for the new time; those of the old version never fire
        if (m.status === 'notice_issued') await schedule(tx, meetingReminders(m, ctx.now), ctx.now);
        return m;
      },
      (m) => (noticeOut ? changeNoticeIssued(invitees, m, dayMoved) : rescheduled(invitees, m)),
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
