// meeting.issueNotice — Art. 7: the notice is issued by the government office, once the topic list
// is fixed (Art. 6), under its document number; every invitee gets an invitation asking for a reply.
// meeting.updateAgenda — Art. 7, 8: the union office orders the items inside the four fixed
// sections and plans their minutes; the items themselves are generated, never typed.
import { AppError, IssueNoticeInput, UpdateAgendaInput } from '../../../domain';
import type { InvitationDoc, MeetingDoc } from '../../../server/store/docs';
import { meetingReminders, schedule } from '../../../server/notify/reminders';
import { defineAction } from '../../../server/kit/registry';
import { findAll } from '../../../server/store/port';
import { orgById } from '../../../server/security/identity';
import { snapshotNotice } from '../issued';
import { meetingKind, requireFlag } from '../../../server/areas/meeting';
import { after, meetingEdge, moveMeeting } from '../move';
import { noticeIssued } from '../notices';
import { agendaOf, previousChecklist, toMeetingView } from '../views';

export const issueNotice = defineAction({
  name: 'meeting.issueNotice',
  input: IssueNoticeInput,
  record: meetingKind,
  guard: meetingEdge('issueNotice'),
  target: (i) => i.meetingId,
  handler: async ({ docNumber }, ctx) => {
    const { meeting } = ctx.record;
    const [invitees, org, previous] = await Promise.all([
      findAll<InvitationDoc>(ctx.store, 'invitations', { meetingId: meeting._id }),
      orgById(ctx.store, meeting.orgId),
      previousChecklist(ctx, meeting),
    ]);
    // issue #19: a notice names who attends and who presides (Art. 5, 8) — never issued without them
    if (invitees.length === 0) throw new AppError('invalid_transition', '尚未邀请参会人员，请先在会议工作台邀请后再印发通知');
    if (!meeting.presidingId) throw new AppError('invalid_transition', '尚未设定会议主持人，请先在会议工作台设定后再印发通知');
    // issue #16: what is issued is frozen — the .docx is always rendered from this record
    const at = ctx.now.toISOString();
    const notice = snapshotNotice(meeting, org, invitees, agendaOf(meeting, previous), { docNumber, at, by: ctx.actor.id });
    // issue #10: the reply reminder and the eve of the meeting are scheduled with the notice
    const saved = await moveMeeting(ctx, 'issueNotice', { docNumber, noticeIssuedAt: at, notices: [notice] }, (m) => noticeIssued(invitees, m),
      (tx, m) => schedule(tx, meetingReminders(m, ctx.now), ctx.now));
    return toMeetingView(ctx, after(ctx.record, saved), ctx.actor);
  },
});

export const updateAgenda = defineAction({
  name: 'meeting.updateAgenda',
  input: UpdateAgendaInput,
  record: meetingKind,
  guard: ({ meeting }) => requireFlag(meeting, 'upcoming', '议程不能再调整'),
  target: (i) => i.meetingId,
  handler: async ({ sections }, ctx) => {
    const { meeting } = ctx.record;
    const generated = agendaOf(meeting, await previousChecklist(ctx, meeting));
    const agendaPlan: Record<string, Array<{ id: string; minutes: number }>> = {};
    for (const section of generated) {
      const given = sections.find((s) => s.key === section.key);
      const ids = section.items.map((i) => i.id).sort().join('\n');
      if (!given || given.items.map((i) => i.id).sort().join('\n') !== ids) {
        throw new AppError('validation_error', `「${section.title}」的事项须与生成的议程一致，只能调整顺序和时长`);
      }
      agendaPlan[section.key] = given.items.map(({ id, minutes }) => ({ id, minutes }));
    }
    const saved = await ctx.write((tx) => tx.update<MeetingDoc>('meetings', meeting._id, meeting.version, { agendaPlan }));
    return toMeetingView(ctx, after(ctx.record, saved), ctx.actor);
  },
});
