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

/**
 * The office page each of home's entries opens, by the entry's action (issue #18: home's
 * allowedActions are actions of the registry, domain/home.ts).
 */
const NAV_OF_ACTION: ReadonlyArray<readonly [string, OfficeNavKey]> = [
  ['topic.accept', 'queue'],
  ['topic.merge', 'topics'],
  ['topic.addOpinion', 'opinions'],
  ['topic.confirmList', 'confirm'],
  // Art. 11: the org's overdue tasks (督办), for those who follow the whole checklist
  ['task.exportChecklist', 'overdue'],
  // Art. 12: the annual assessment board
  ['compliance.overview', 'compliance'],
];

/** Home's allowedActions as the office entries they open. */
export function officeEntries(allowedActions: readonly string[]): OfficeNavKey[] {
  return NAV_OF_ACTION.filter(([action]) => allowedActions.includes(action)).map(([, key]) => key);
}
