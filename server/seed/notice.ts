// Seeded documents as the issuing actions would have frozen them (issue #16).
import { AGENDA_SECTIONS, inProtocolOrder } from '../../domain';
import type { InvitationDoc, NoticeSnapshot } from '../store/docs';
import type { NewDoc } from '../store/port';

/** Issue #16: a seeded notice as the issuing action would have frozen it (Art. 5 attendees, Art. 8 agenda). */
export function seededNotice(n: {
  title: string; plannedAt: string; place: string; docNumber: string; issuedAt: string;
  presiding: { name: string; title: string }; invitations: ReadonlyArray<NewDoc<InvitationDoc>>; topics: readonly string[];
}): NoticeSnapshot {
  return {
    version: 1, kind: 'notice', docNumber: n.docNumber, issuedAt: n.issuedAt, issuedBy: 'city-gov-office', title: n.title,
    plannedAt: n.plannedAt, place: n.place, presiding: n.presiding,
    attendees: inProtocolOrder(n.invitations).map(({ name, unit, title, category }) => ({ name, unit, title, category })),
    agenda: AGENDA_SECTIONS.map(({ key, title }) => ({ key, title, items: key === 'discussion' ? n.topics.map((t, i) => `议题${i + 1}：${t}`) : [] })),
  };
}

