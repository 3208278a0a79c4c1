// Issue #22: materials that stay in the room (Art. 5, 8). An office attaches a file to an agenda
// section, 公开 or 会内. Invitees read them from the notice on; a 会内 file opens only in the in-app
// viewer with the reader's name and the time over every page, no download offered, and stops
// opening MATERIAL_DAYS_AFTER days after the meeting; every opening is kept for the offices.
import { addDaysCN, hasAnyRole, MATERIAL_DAYS_AFTER, MATERIAL_VISIBILITY, OFFICES, startOfDayCN, formatDateCN, type Actor, type MaterialView } from '../../domain';
import type { InvitationDoc, MeetingDoc } from '../../server/store/docs';
import { findAll, type Store } from '../../server/store/port';

export type MaterialDoc = NonNullable<MeetingDoc['materials']>[number];

export interface OpeningDoc {
  _id?: string;
  version?: number;
  meetingId: string;
  materialId: string;
  personId: string;
  name: string;
  at: string;
}

/** The last instant a 会内 material opens: the end of the third day after the meeting's day. */
export const meetingOnlyUntil = (m: MeetingDoc): string => addDaysCN(startOfDayCN(m.plannedAt), MATERIAL_DAYS_AFTER + 1);

/** Why the caller cannot open this material now, or null. */
export function materialProblem(m: MeetingDoc, x: MaterialDoc, actor: Actor, mine: InvitationDoc | null, now: Date): string | null {
  // the router admitted the caller: the org's offices, the parent org's offices (read), or an invitee
  const office = hasAnyRole(actor.roles, OFFICES);
  if (!office && !mine) return '仅限本次会议的参会人员查阅';
  if (!office && !m.notices?.length) return '会议通知印发后开放查阅';
  if (x.visibility === 'meeting' && now.toISOString() >= meetingOnlyUntil(m)) return `会内材料已于${formatDateCN(addDaysCN(startOfDayCN(m.plannedAt), MATERIAL_DAYS_AFTER))}后停止查阅`;
  return null;
}

export async function materialViews(store: Store, m: MeetingDoc, actor: Actor, mine: InvitationDoc | null, now: Date): Promise<MaterialView[]> {
  const list = m.materials ?? [];
  if (!list.length) return [];
  const office = hasAnyRole(actor.roles, OFFICES);
  if (!office && !mine) return [];
  const openings = office ? await findAll<OpeningDoc & { _id: string; version: number }>(store, 'material_openings', { meetingId: m._id }, [['at', 'asc']]) : [];
  return list.map((x) => {
    const problem = materialProblem(m, x, actor, mine, now);
    return {
      id: x.id, sectionIndex: x.sectionIndex, title: x.title, fileName: x.fileName, contentType: x.contentType,
      visibility: x.visibility, visibilityLabel: MATERIAL_VISIBILITY[x.visibility], available: !problem,
      note: problem ?? (x.visibility === 'meeting' ? '会内材料，仅在小程序内查看，带查阅人水印，会后 3 天停止查阅' : '公开材料'),
      ...(office ? { openings: openings.filter((o) => o.materialId === x.id).map((o) => ({ name: o.name, at: o.at })) } : {}),
    };
  });
}
