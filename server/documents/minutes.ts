// The minutes as an official document (Art. 9; GB/T 9704-2012 纪要 layout via server/documents).
// The text's own lines become paragraphs; "一、" lines are level-1 headings and "（一）" lines
// level-2; the decided items follow as numbered headings with their text.
import { AppError, type MinutesView, type Org } from '../../domain';
import { renderOfficialDocx, type Block } from './official';

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 25 → 二十五 (the decided items never pass 50). */
export function cnNumber(n: number): string {
  if (n <= 10) return CN_NUMBERS[n - 1];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? CN_NUMBERS[tens - 1] : ''}十${ones ? CN_NUMBERS[ones - 1] : ''}`;
}

export function textBlocks(text: string): Block[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line): Block => {
      if (/^[一二三四五六七八九十]+、/.test(line)) return { kind: 'heading1', text: line };
      if (/^（[一二三四五六七八九十]+）/.test(line)) return { kind: 'heading2', text: line };
      return { kind: 'paragraph', text: line };
    });
}

/**
 * The body: the narrative, then the decided items. Issue #21: when the narrative has its own
 * level-1 headings (一、…), the decided items do not restart at 一、 — they go under one more
 * level-1 heading (N、会议议定事项) as （一）（二）…; otherwise each is a level-1 heading as before.
 */
export function minutesBody(text: string, decisions: ReadonlyArray<{ n: number; title: string; text: string }>): Block[] {
  const narrative = textBlocks(text);
  const own = narrative.filter((b) => b.kind === 'heading1').length;
  const items = (d: { text: string }): Block[] => textBlocks(d.text).map((b): Block => (b.kind === 'paragraph' ? b : { kind: 'paragraph', text: b.text }));
  if (own > 0) {
    return [
      ...narrative,
      { kind: 'heading1', text: `${cnNumber(own + 1)}、会议议定事项` },
      ...decisions.flatMap((d): Block[] => [{ kind: 'heading2', text: `（${cnNumber(d.n)}）${d.title}` }, ...items(d)]),
    ];
  }
  return [
    ...narrative,
    { kind: 'paragraph', text: '会议议定以下事项：' },
    ...decisions.flatMap((d): Block[] => [{ kind: 'heading1', text: `${cnNumber(d.n)}、${d.title}` }, ...items(d)]),
  ];
}

/** 版记 of an issued 纪要 (GB/T 9704 7.4, 10.3): copied to the union, printed by the government office on the day of issue */
export const minutesImprint = (org: Pick<Org, 'govName' | 'unionName'>, date: string) => ({ copyTo: org.unionName, printer: `${org.govName}办公室`, printDate: date });

export async function minutesDocument(view: MinutesView, orgName: string, date: string, org?: Pick<Org, 'govName' | 'unionName'> | null): Promise<Uint8Array> {
  const current = view.current;
  if (!current) throw new AppError('invalid_transition', '纪要尚未起草');
  const decisions = view.decisions.length ? view.decisions : current.decisions.map((d, i) => ({ ...d, n: i + 1 }));
  const body = minutesBody(current.text, decisions);
  return renderOfficialDocx({
    kind: 'minutes',
    mark: `${orgName}政府与工会联席会议纪要`,
    docNumber: view.docNumber ?? `（第${current.n}稿，未印发）`,
    title: view.meetingTitle,
    body,
    attendance: view.attendance,
    date,
    // issue #21: anything not issued carries the 草稿 watermark
    draft: view.status !== 'issued',
    record: view.status === 'issued' && org ? minutesImprint(org, date) : undefined,
  });
}
