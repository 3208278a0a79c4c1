// What the annual assessment pages (the board, one org's year) share — Art. 12 (issue #12): the
// light of a row as a dot and its word (never colour alone) with the reasons in words, the regular
// meeting's state, the figures in words, the years one may pick, and the orders of the board.
// Type-only imports from the schemas (no zod in the app). Styles in kit.css.
import { Text, View } from '@tarojs/components';
import type { ComplianceLight, ComplianceRowView } from '../../../../../domain/schemas/compliance';
import type { COMPLIANCE_LIGHT_LABEL } from '../../../../../domain/compliance-rules';
import Btn from '../../../../components/Btn';
import { Light, todayCN } from '../../../../pages/task/mine/kit';
import './kit.css';

/**
 * The words of the lights. The domain's COMPLIANCE_LIGHT_LABEL (typed against it, so they cannot
 * drift) without importing its module, which brings the time-zone plugin along.
 */
export const LIGHT_WORDS: typeof COMPLIANCE_LIGHT_LABEL = { red: '需督促', yellow: '需关注', green: '正常' };
export const COMPLIANCE_LIGHTS: readonly ComplianceLight[] = ['red', 'yellow', 'green'];
const LIGHT_RANK: Record<ComplianceLight, number> = { red: 0, yellow: 1, green: 2 };

/** The first assessment year the server accepts; the rules of 2020 were replaced in 2024 (Art. 13). */
export const FIRST_YEAR = 2020;

/** This year in Shanghai (the assessment year is a Shanghai calendar year). */
export function thisYearCN(): number {
  return Number(todayCN().slice(0, 4));
}

/** A `year` query value when it is a year one may pick, else this year. */
export function yearOf(raw: string): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= FIRST_YEAR && n <= thisYearCN() ? n : thisYearCN();
}

export type SortKey = 'official' | 'light' | 'overdue';
export const SORTS: ReadonlyArray<{ key: SortKey; label: string }> = [
  { key: 'official', label: '按机构顺序' },
  { key: 'light', label: '按督办状态' },
  { key: 'overdue', label: '按逾期任务' },
];

/** The rows in the chosen order; ties keep the official order (the server's). */
export function sortRows(rows: readonly ComplianceRowView[], key: SortKey): ComplianceRowView[] {
  const indexed = rows.map((r, i) => ({ r, i }));
  const by = (a: { r: ComplianceRowView; i: number }, b: { r: ComplianceRowView; i: number }): number => {
    if (key === 'light') return LIGHT_RANK[a.r.light] - LIGHT_RANK[b.r.light] || a.i - b.i;
    if (key === 'overdue') return b.r.tasksOverdue - a.r.tasksOverdue || LIGHT_RANK[a.r.light] - LIGHT_RANK[b.r.light] || a.i - b.i;
    return a.i - b.i;
  };
  return indexed.sort(by).map((x) => x.r);
}

/**
 * Art. 4, 12: the year's regular meetings in words, with the tag's class; when the org's parameter
 * asks for more than one, how many of how many (Art. 13).
 */
export function regularWord(r: Pick<ComplianceRowView, 'regularHeld' | 'regularPlanned' | 'regularHeldCount' | 'regularRequired'>): { text: string; cls: string } {
  const count = r.regularRequired > 1 ? `（${r.regularHeldCount}/${r.regularRequired} 次）` : '';
  if (r.regularHeld) return { text: `已召开${count}`, cls: 'tag tag--accepted' };
  if (r.regularPlanned) return { text: `已计划${count}`, cls: 'tag tag--submitted' };
  return { text: `未召开${count}`, cls: 'tag tag--returned' };
}

/** Issue #16: how many tasks the keeping office extended, under the on-time rate. */
export function extendedText(n: number): string {
  return n > 0 ? `其中延期 ${n} 项` : '无延期';
}

/** 0–1 as a whole percent; — when nothing is done yet. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** Art. 9: the average days from meeting to the minutes' issue; — when none was issued. */
export function daysText(days: number | null): string {
  return days === null ? '—' : `${Math.round(days * 10) / 10} 天`;
}

/** The light and, under it, why (in words). */
export function LightWithReasons({ row, large }: { row: Pick<ComplianceRowView, 'light' | 'lightLabel' | 'reasons'>; large?: boolean }) {
  return (
    <View className='cpl-light'>
      <Light light={row.light} label={row.lightLabel} large={large} />
      {row.reasons.length ? (
        <View className='cpl-light__reasons'>
          {row.reasons.map((t) => (
            <Text key={t} className='cpl-light__reason'>
              {t}
            </Text>
          ))}
        </View>
      ) : (
        <Text className='cpl-light__reason cpl-light__reason--ok'>各项按期推进</Text>
      )}
    </View>
  );
}

/** An org's figures as labelled tiles (phone cards, the drill-down's head). */
export function Figures({ row }: { row: ComplianceRowView }) {
  const regular = regularWord(row);
  const items: Array<{ label: string; value: string; bad?: boolean }> = [
    { label: '召开会议', value: `${row.meetingsHeld} 次` },
    { label: '议题 提出/采纳', value: `${row.topicsSubmitted} / ${row.topicsAccepted}` },
    { label: '纪要印发', value: `${row.minutesIssued} 份` },
    { label: '纪要平均用时', value: daysText(row.daysToMinutes) },
    { label: '任务 总数/办结', value: `${row.tasksTotal} / ${row.tasksDone}` },
    { label: '逾期任务', value: `${row.tasksOverdue} 项`, bad: row.tasksOverdue > 0 },
    { label: '按期办结率', value: rateText(row.onTimeRate) },
    { label: '经批准延期', value: `${row.tasksExtended} 项` },
  ];
  return (
    <View className='cpl-figs'>
      <View className='cpl-fig'>
        <Text className='cpl-fig__label'>年度例会</Text>
        <Text className={`cpl-fig__tag ${regular.cls}`}>{regular.text}</Text>
      </View>
      {items.map((f) => (
        <View key={f.label} className='cpl-fig'>
          <Text className='cpl-fig__label'>{f.label}</Text>
          <Text className={f.bad ? 'cpl-fig__value cpl-fig__value--bad' : 'cpl-fig__value'}>{f.value}</Text>
        </View>
      ))}
    </View>
  );
}

/** The year picker: 上一年 · 2026年度 · 下一年, from FIRST_YEAR to this year. */
export function YearPicker({ year, disabled, onPick }: { year: number; disabled?: boolean; onPick: (y: number) => void }) {
  const last = thisYearCN();
  return (
    <View className='cpl-year' role='group' aria-label='考核年度'>
      <Btn small kind='default' label={`上一年（${year - 1}年度）`} disabled={disabled || year <= FIRST_YEAR} onClick={() => onPick(year - 1)}>
        ‹ 上一年
      </Btn>
      <Text className='cpl-year__value'>{year}年度</Text>
      <Btn small kind='default' label={`下一年（${year + 1}年度）`} disabled={disabled || year >= last} onClick={() => onPick(year + 1)}>
        下一年 ›
      </Btn>
    </View>
  );
}
