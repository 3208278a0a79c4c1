// Art. 7: the meeting notice as an official document (.docx, the 文件 layout of GB/T 9704-2012),
// issued by the government office under its document number: time, place, who attends (Art. 5),
// the four-section agenda (Art. 8) and what invitees are asked to do.
import { formatDateCN, formatDateTimeCN, INVITEE_CATEGORY_LABEL, type AgendaSectionView, type InviteeCategory, type Org } from '../../domain';
import type { InvitationDoc, MeetingDoc } from '../../server/docs';
import { renderOfficialDocx, type Block } from '../../server/documents/official';
import { cnNumber } from '../minutes/document';

/** Art. 5: the attendees by category, in the order the rules name them. */
function attendeeLines(invitations: readonly InvitationDoc[]): Block[] {
  const byCategory = new Map<InviteeCategory, string[]>();
  for (const i of invitations) byCategory.set(i.category, [...(byCategory.get(i.category) ?? []), `${i.unit}${i.title}${i.name}`]);
  return [...byCategory.entries()].map(([category, names]): Block => ({ kind: 'paragraph', text: `${INVITEE_CATEGORY_LABEL[category]}：${names.join('、')}。` }));
}

export function noticeDocument(m: MeetingDoc, org: Org, invitations: readonly InvitationDoc[], agenda: readonly AgendaSectionView[]): Promise<Uint8Array> {
  const when = formatDateTimeCN(m.plannedAt);
  const body: Block[] = [
    { kind: 'paragraph', text: `经${org.govName}与${org.unionName}商定，定于${when}召开${m.title}。现将有关事项通知如下：` },
    { kind: 'heading1', text: '一、会议时间' },
    { kind: 'paragraph', text: `${when}。` },
    { kind: 'heading1', text: '二、会议地点' },
    { kind: 'paragraph', text: `${m.place ?? '另行通知'}。` },
    { kind: 'heading1', text: '三、参会人员' },
    ...(invitations.length ? attendeeLines(invitations) : [{ kind: 'paragraph' as const, text: '另行通知。' }]),
    ...(m.presiding ? [{ kind: 'paragraph' as const, text: `会议由${m.presiding.title}${m.presiding.name}主持。` }] : []),
    { kind: 'heading1', text: '四、会议议程' },
    ...agenda.flatMap((s, i): Block[] => [
      { kind: 'heading2', text: `（${cnNumber(i + 1)}）${s.title}` },
      ...(s.key === 'discussion' ? s.items.map((item): Block => ({ kind: 'paragraph', text: item.title })) : []),
    ]),
    { kind: 'heading1', text: '五、有关要求' },
    { kind: 'paragraph', text: '请参会人员在联席会议小程序中回复是否参会；因故不能参会的，请说明理由或委托相关人员代会。会议当天请提前十分钟到场签到。' },
  ];
  return renderOfficialDocx({
    kind: 'notice',
    issuerMark: `${org.govName}办公室文件`,
    docNumber: m.docNumber ?? '',
    title: `关于召开${m.title}的通知`,
    recipients: `${org.name}有关部门，${org.unionName}有关部室`,
    body,
    signature: `${org.govName}办公室`,
    date: formatDateCN(m.noticeIssuedAt ?? m.plannedAt),
  });
}
