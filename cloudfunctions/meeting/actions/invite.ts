// meeting.invite / meeting.uninvite — Art. 5, 7: the government office coordinates the government
// side's attendees; the union office invites the union side's and the guests (grassroots cadres,
// worker representatives, model workers, grassroots union workers). Invitees are people of the
// meeting's own org. Invited after the notice, a person gets the invitation at once.
import { AppError, invitableSides, InviteInput, SIDE_LABEL, sideOf, UninviteInput, type Person } from '../../../domain';
import type { InvitationDoc } from '../../../server/store/docs';
import { defineAction, type ActionContext } from '../../../server/kit/registry';
import { findAll } from '../../../server/store/port';
import { invitationId, meetingKind, requireFlag, type MeetingRecord } from '../../../server/areas/meeting';
import { noticeIssued } from '../notices';
import { attendanceView } from './attendance';

function sideRefusal(ctx: ActionContext<MeetingRecord>, side: 'gov' | 'union'): void {
  if (!invitableSides(ctx.actor.roles).includes(side)) {
    throw new AppError('forbidden', `${SIDE_LABEL[side]}人员由${side === 'gov' ? '政府办公室' : '总工会办公室'}邀请`);
  }
}

export const invite = defineAction({
  name: 'meeting.invite',
  input: InviteInput,
  record: meetingKind,
  guard: ({ meeting }) => requireFlag(meeting, 'invitations_open', '不能再邀请参会人员'),
  target: (i) => i.meetingId,
  handler: async ({ invitees }, ctx) => {
    const { meeting } = ctx.record;
    const ids = [...new Set(invitees.map((i) => i.personId))];
    const [people, existing] = await Promise.all([
      findAll<Person>(ctx.store, 'users', { _id: { in: ids } }),
      findAll<InvitationDoc>(ctx.store, 'invitations', { _id: { in: ids.map((p) => invitationId(meeting._id, p)) } }),
    ]);
    const byId = new Map(people.map((p) => [p._id, p]));
    const known = new Map(existing.map((i) => [i.personId, i]));
    for (const { personId } of invitees) {
      const p = byId.get(personId);
      // Art. 12: each org runs its own meeting; a person of another org is not among its people
      if (!p || p.orgId !== meeting.orgId || p.active === false) throw new AppError('validation_error', '只能邀请本级的人员', [{ path: 'invitees', message: `没有这位本级人员：${personId}` }]);
      sideRefusal(ctx, sideOf(p.roles));
    }
    const at = ctx.now.toISOString();
    const noticeOut = meeting.status === 'notice_issued';
    await ctx.write(
      async (tx) => {
        const fresh: InvitationDoc[] = [];
        for (const { personId, category } of invitees) {
          const p = byId.get(personId)!;
          const had = known.get(personId);
          if (had) {
            if (had.category !== category) await tx.update<InvitationDoc>('invitations', had._id, had.version, { category });
            continue;
          }
          fresh.push(await tx.insert<InvitationDoc>('invitations', {
            _id: invitationId(meeting._id, personId), meetingId: meeting._id, orgId: meeting.orgId, meetingTitle: meeting.title,
            plannedAt: meeting.plannedAt, personId, name: p.name, unit: p.unit, title: p.title, side: sideOf(p.roles), category, roles: p.roles,
            invitedBy: ctx.actor.id, invitedAt: at, answered: false, answer: null,
          }));
        }
        return fresh;
      },
      (fresh) => (noticeOut ? noticeIssued(fresh, meeting) : []),
    );
    return attendanceView(ctx.store, meeting, ctx.actor, undefined, ctx.now);
  },
});

export const uninvite = defineAction({
  name: 'meeting.uninvite',
  input: UninviteInput,
  record: meetingKind,
  guard: ({ meeting }) => requireFlag(meeting, 'invitations_open', '不能再调整参会人员'),
  target: (i) => i.meetingId,
  handler: async ({ personId }, ctx) => {
    const { meeting } = ctx.record;
    const inv = await ctx.store.get<InvitationDoc>('invitations', invitationId(meeting._id, personId));
    if (!inv) throw new AppError('not_found', '这位人员未被邀请');
    sideRefusal(ctx, inv.side);
    await ctx.store.removeWhere('invitations', { _id: inv._id, version: inv.version });
    return attendanceView(ctx.store, meeting, ctx.actor, undefined, ctx.now);
  },
});
