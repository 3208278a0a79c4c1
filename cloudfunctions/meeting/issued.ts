// Issue #16: an issued notice is frozen. Issuing it stores what was issued (time, place, presiding,
// attendees, agenda, 文号, date); the .docx is always rendered from that record, never from the
// live meeting. A change of time or place after issue is a 变更通知 under its own 文号 that names
// the original; both stay downloadable and the last is in force.
import { AppError, calendarDaysBetween, inProtocolOrder, type AgendaSectionView, type NoticeRecordView, type Org } from '../../domain';
import type { InvitationDoc, MeetingDoc, NoticeSnapshot } from '../../server/store/docs';

/** What the notice says, taken from the meeting as it is now (called at the moment of issue only). */
export function snapshotNotice(
  m: MeetingDoc,
  org: Org | null,
  invitations: readonly InvitationDoc[],
  agenda: readonly AgendaSectionView[],
  issue: { docNumber: string; at: string; by: string },
  previous?: NoticeSnapshot,
): NoticeSnapshot {
  return {
    version: (previous?.version ?? 0) + 1,
    kind: previous ? 'change' : 'notice',
    docNumber: issue.docNumber, issuedAt: issue.at, issuedBy: issue.by,
    title: m.title, plannedAt: m.plannedAt, place: m.place ?? null,
    presiding: m.presiding ? { name: m.presiding.name, title: m.presiding.title } : null,
    attendees: inProtocolOrder(invitations, { unitOrder: org?.unitOrder }).map(({ name, unit, title, category }) => ({ name, unit, title, category })),
    agenda: agenda.map((s) => ({ key: s.key, title: s.title, items: s.key === 'discussion' ? s.items.map((i) => i.title) : [] })),
    ...(previous ? {
      changes: {
        docNumber: previous.docNumber, plannedAt: previous.plannedAt, place: previous.place,
        dayMoved: calendarDaysBetween(previous.plannedAt, m.plannedAt) !== 0,
      },
    } : {}),
  };
}

/** The notices of a meeting as the page lists them; the last is in force. */
export function noticeRecords(m: MeetingDoc): NoticeRecordView[] {
  const all = m.notices ?? [];
  return all.map((n, i) => ({
    version: n.version, docNumber: n.docNumber, issuedAt: n.issuedAt, kind: n.kind, plannedAt: n.plannedAt, place: n.place,
    ...(n.changes ? { changes: n.changes.docNumber } : {}), inForce: i === all.length - 1, presiding: n.presiding, agenda: n.agenda,
  }));
}

/** The notice asked for: a version, or the one in force. */
export function noticeVersion(m: MeetingDoc, version?: number): NoticeSnapshot {
  const all = m.notices ?? [];
  const found = version === undefined ? all[all.length - 1] : all.find((n) => n.version === version);
  if (!found) throw new AppError('not_found', version === undefined ? '会议通知尚未印发' : `没有第 ${version} 版会议通知`);
  return found;
}

/** The 文号 is unique to one notice of the meeting: a 变更通知 is never issued under the original's number. */
export function requireNewNumber(m: MeetingDoc, docNumber: string): void {
  if ((m.notices ?? []).some((n) => n.docNumber === docNumber)) {
    throw new AppError('validation_error', '变更通知须另编文号', [{ path: 'docNumber', message: `文号「${docNumber}」已用于本会议的通知` }]);
  }
}
