// Art. 7: the meeting notice as an official document (.docx, the 文件 layout of GB/T 9704-2012),
// issued by the government office under its document number: time, place, who attends (Art. 5),
// the four-section agenda (Art. 8) and what invitees are asked to do. Issue #16: it is rendered
// from the notice as issued (a NoticeSnapshot), never from the live meeting; a 变更通知 names the
// notice it changes.
import { formatDateCN, formatDateTimeCN, INVITEE_CATEGORIES, INVITEE_CATEGORY_LABEL, type InviteeCategory, type Org } from '../../../domain';
import type { NoticeSnapshot } from '../../../server/store/docs';
import { renderOfficialDocx, type Block } from '../../../server/documents/official';
import { cnNumber } from '../../../server/documents/minutes';

/** Art. 5: the attendees by category, in the order the rules name them, each in protocol order. */
function attendeeLines(attendees: NoticeSnapshot['attendees']): Block[] {
  const byCategory = new Map<InviteeCategory, string[]>();
  for (const i of attendees) byCategory.set(i.category, [...(byCategory.get(i.category) ?? []), `${i.unit}${i.title}${i.name}`]);
  return INVITEE_CATEGORIES.filter((c) => byCategory.has(c))
    .map((category): Block => ({ kind: 'paragraph', text: `${INVITEE_CATEGORY_LABEL[category]}：${byCategory.get(category)!.join('、')}。` }));
}

const placeOf = (n: Pick<NoticeSnapshot, 'place'>) => n.place ?? '另行通知';

function noticeBody(n: NoticeSnapshot, org: Org): Block[] {
  const when = formatDateTimeCN(n.plannedAt);
  return [
    { kind: 'paragraph', text: `经${org.govName}与${org.unionName}商定，定于${when}召开${n.title}。现将有关事项通知如下：` },
    { kind: 'heading1', text: '一、会议时间' },
    { kind: 'paragraph', text: `${when}。` },
    { kind: 'heading1', text: '二、会议地点' },
    { kind: 'paragraph', text: `${placeOf(n)}。` },
    { kind: 'heading1', text: '三、参会人员' },
    ...(n.attendees.length ? attendeeLines(n.attendees) : [{ kind: 'paragraph' as const, text: '另行通知。' }]),
    ...(n.presiding ? [{ kind: 'paragraph' as const, text: `会议由${n.presiding.title}${n.presiding.name}主持。` }] : []),
    { kind: 'heading1', text: '四、会议议程' },
    ...n.agenda.flatMap((s, i): Block[] => [
      { kind: 'heading2', text: `（${cnNumber(i + 1)}）${s.title}` },
      ...s.items.map((item): Block => ({ kind: 'paragraph', text: item })),
    ]),
    { kind: 'heading1', text: '五、有关要求' },
    { kind: 'paragraph', text: '请参会人员在联席会议小程序中回复是否参会；因故不能参会的，请说明理由或委托相关人员代会。会议当天请提前十分钟到场签到。' },
  ];
}

/** A 变更通知: what the original fixed, what it is now, and whether replies are asked for again. */
function changeBody(n: NoticeSnapshot, org: Org): Block[] {
  const c = n.changes!;
  const was = `${formatDateTimeCN(c.plannedAt)}在${placeOf(c)}`;
  const lines: Block[] = [
    { kind: 'paragraph', text: `原定于${was}召开的${n.title}（${c.docNumber}），经${org.govName}与${org.unionName}商定，有关事项变更如下：` },
  ];
  if (c.plannedAt !== n.plannedAt) lines.push({ kind: 'paragraph', text: `一、会议时间调整为${formatDateTimeCN(n.plannedAt)}。` });
  if (c.place !== n.place) lines.push({ kind: 'paragraph', text: `${c.plannedAt !== n.plannedAt ? '二' : '一'}、会议地点调整为${placeOf(n)}。` });
  lines.push({
    kind: 'paragraph',
    text: c.dayMoved
      ? '会议日期已变更，请参会人员在联席会议小程序中重新回复是否参会。其他事项按原通知执行。'
      : '其他事项按原通知执行。',
  });
  return lines;
}

export function noticeDocument(n: NoticeSnapshot, org: Org): Promise<Uint8Array> {
  const change = n.kind === 'change' && !!n.changes;
  return renderOfficialDocx({
    kind: 'notice',
    issuerMark: `${org.govName}办公室文件`,
    docNumber: n.docNumber,
    title: change ? `关于${n.title}有关事项变更的通知` : `关于召开${n.title}的通知`,
    recipients: `${org.name}有关部门，${org.unionName}有关部室`,
    body: change ? changeBody(n, org) : noticeBody(n, org),
    signature: `${org.govName}办公室`,
    date: formatDateCN(n.issuedAt),
    // 版记 (issue #21): copied to the union, printed by the government office on the day of issue
    record: { copyTo: org.unionName, printer: `${org.govName}办公室`, printDate: formatDateCN(n.issuedAt) },
  });
}
