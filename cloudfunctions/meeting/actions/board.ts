// meeting.board — issue #22 (Art. 5): the live board of the meeting's day, by side — the
// government side's members, the union side's, and those who sit in (列席) — with who is still
// missing in protocol order. Polled every few seconds: with the etag of the last answer an
// unchanged board answers `unchanged` and no names.
import { createHash } from 'node:crypto';
import { attendsAsMember, BoardInput, type BoardSideView, type BoardView } from '../../../domain';
import type { InvitationDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import { invitationsInOrder, meetingKind } from '../../../server/areas/meeting';

const SIDES: ReadonlyArray<{ side: BoardSideView['side']; label: string; holds: (i: InvitationDoc) => boolean }> = [
  { side: 'gov', label: '政府方', holds: (i) => attendsAsMember(i.category) && i.side === 'gov' },
  { side: 'union', label: '工会方', holds: (i) => attendsAsMember(i.category) && i.side === 'union' },
  { side: 'observers', label: '列席', holds: (i) => !attendsAsMember(i.category) },
];

export const board = defineAction({
  name: 'meeting.board',
  input: BoardInput,
  record: meetingKind,
  handler: async ({ etag }, ctx): Promise<BoardView> => {
    const { meeting } = ctx.record;
    const { invitations: all } = await invitationsInOrder(ctx.store, meeting);
    const sides = SIDES.map(({ side, label, holds }): BoardSideView => {
      const mine = all.filter(holds);
      return {
        side, label, invited: mine.length, replied: mine.filter((i) => i.answer).length,
        present: mine.filter((i) => i.presentAt).length, leave: mine.filter((i) => !i.presentAt && i.answer === 'decline').length,
        missing: mine.filter((i) => !i.presentAt && i.answer !== 'decline').map(({ personId, name, unit, title }) => ({ personId, name, unit, title })),
      };
    }).filter((s) => s.invited > 0);
    const tag = createHash('sha256').update(JSON.stringify([meeting.title, sides])).digest('base64url').slice(0, 22);
    if (etag === tag) return { meetingId: meeting._id, title: meeting.title, etag: tag, unchanged: true, sides: [] };
    return { meetingId: meeting._id, title: meeting.title, etag: tag, unchanged: false, sides };
  },
});
