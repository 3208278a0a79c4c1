// What the office pages' side navigation (components/OfficeNav) links to: the meeting the office
// works on and the office pages this person may open. Home writes it from account.home; the
// office pages read it when their own URL does not name a meeting.
import Taro from '@tarojs/taro';

const KEY = 'office_nav';

export type OfficeNavKey = 'queue' | 'topics' | 'opinions' | 'confirm' | 'overdue' | 'compliance' | 'inbox';

export interface OfficeContext {
  meetingId: string;
  meetingTitle: string;
  /** the entries this person may open (inbox is always there) */
  allowed: OfficeNavKey[];
}

let cached: OfficeContext | null | undefined;

export function rememberOfficeContext(ctx: OfficeContext | null): void {
  cached = ctx;
  try {
    if (ctx) Taro.setStorageSync(KEY, ctx);
    else Taro.removeStorageSync(KEY);
  } catch {
    // Storage unavailable: the context lasts until the app closes.
  }
}

function isContext(v: unknown): v is OfficeContext {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.meetingId === 'string' && typeof o.meetingTitle === 'string' && Array.isArray(o.allowed);
}

export function officeContext(): OfficeContext | null {
  if (cached !== undefined) return cached;
  try {
    const v: unknown = Taro.getStorageSync(KEY);
    cached = isContext(v) ? v : null;
  } catch {
    cached = null;
  }
  return cached;
}

/** Home's allowedActions as the office entries they open. */
export function officeEntries(allowedActions: readonly string[]): OfficeNavKey[] {
  const out: OfficeNavKey[] = [];
  if (allowedActions.includes('screenTopics')) out.push('queue');
  if (allowedActions.includes('meetingTopics')) out.push('topics');
  if (allowedActions.includes('giveOpinions')) out.push('opinions');
  if (allowedActions.includes('confirmList')) out.push('confirm');
  // Art. 11: the org's overdue tasks (督办), for those who follow the whole checklist
  if (allowedActions.includes('checklist')) out.push('overdue');
  // Art. 12: the annual assessment board, for the same people (offices, convenors, leaders); home
  // also names it 'compliance'
  if (allowedActions.includes('checklist') || allowedActions.includes('compliance')) out.push('compliance');
  return out;
}
