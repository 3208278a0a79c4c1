// meeting.advanceAgenda — issue #22 (Art. 8): in session, the presiding leader or the union office
// moves the room to the next agenda item from a phone; the big screen follows, and each moment is
// recorded (item, time, who) so the minutes' draft lists the items in the order and at the times
// they were taken.
import { AppError, hasFlag, MeetingIdOnly, meetingWorkflow } from '../../../domain';
import type { MeetingDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import { meetingKind, type MeetingRecord } from '../../../server/areas/meeting';
import { after } from '../move';
import { agendaOf, previousChecklist, toMeetingView } from '../views';

function inSession({ meeting }: MeetingRecord): void {
  if (meeting.status !== 'in_session' || !hasFlag(meetingWorkflow, meeting.status, 'door_open')) {
    throw new AppError('invalid_transition', `会议「${meetingWorkflow.states[meeting.status].label}」，宣布开会后才能转入下一项议程`);
  }
}

export const advanceAgenda = defineAction({
  name: 'meeting.advanceAgenda',
  input: MeetingIdOnly,
  record: meetingKind,
  guard: inSession,
  target: (i) => i.meetingId,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const items = agendaOf(meeting, await previousChecklist(ctx, meeting)).flatMap((s) => s.items.map((item) => ({ item, section: s })));
    const done = meeting.proceedings ?? [];
    const next = items[done.length];
    if (!next) throw new AppError('invalid_transition', '议程已全部进行完毕，可宣布散会');
    const step = {
      itemId: next.item.id, title: next.item.title, sectionTitle: next.section.title, plannedMinutes: next.item.minutes,
      startedAt: ctx.now.toISOString(), byName: ctx.actor.name,
    };
    const saved = await ctx.write((tx) => tx.update<MeetingDoc>('meetings', meeting._id, meeting.version, { proceedings: [...done, step] }));
    return toMeetingView(ctx, after(ctx.record, saved), ctx.actor);
  },
});
