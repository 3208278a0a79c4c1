// Issue #25 "the first screen": the screens an app opens on and the one read each opens with — the
// same action and payload its page sends. services/first-read.ts starts it when the app launches.
import type { ReadAction } from './api';

export interface FirstScreen {
  page: string;
  action: ReadAction;
  payload: Readonly<Record<string, string>>;
  /** payload fields taken from the page's query (`meetingId` ← `id`); the read is not started without them */
  fromQuery?: Readonly<Record<string, string>>;
}

export const FIRST_SCREENS: readonly FirstScreen[] = [
  { page: 'pages/index/index', action: 'account.home', payload: {} },
  { page: 'pages/task/mine/index', action: 'task.list', payload: { scope: 'mine' } },
  { page: 'pages/meeting/detail/index', action: 'meeting.get', payload: {}, fromQuery: { meetingId: 'id' } },
];

/** The screen opened at `page` and its read's payload, or null (another page, or its query lacks a field). */
export function firstReadOf(page: string, query: Readonly<Record<string, string | undefined>>): { screen: FirstScreen; payload: Record<string, string> } | null {
  const screen = FIRST_SCREENS.find((s) => s.page === page);
  if (!screen) return null;
  const payload: Record<string, string> = { ...screen.payload };
  for (const [field, key] of Object.entries(screen.fromQuery ?? {})) {
    const value = query[key];
    if (!value) return null;
    payload[field] = value;
  }
  return { screen, payload };
}
