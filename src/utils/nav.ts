// The app's pages and how to address them: page URLs with encoded queries, query values read the
// same way on both platforms, and the two ways out every page offers (返回, 首页).
import Taro from '@tarojs/taro';

export const ROUTES = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  submit: '/pages/topic/submit/index',
  mine: '/pages/topic/mine/index',
  detail: '/pages/topic/detail/index',
  inbox: '/pages/inbox/index',
  settings: '/pages/settings/index',
  /** issue #10: which reminders reach me as WeChat subscription messages, 再订阅 */
  reminders: '/pages/settings/reminders/index',
  queue: '/packages/office/pages/queue/index',
  confirm: '/packages/office/pages/confirm/index',
  /** a meeting's whole topic list; `tab=opinions` for the topics waiting for my side's opinion */
  topics: '/packages/office/pages/topics/index',
  /** Art. 5: my invitations, one meeting as an invitee sees it, the door's check-in */
  meetingMine: '/pages/meeting/mine/index',
  meetingDetail: '/pages/meeting/detail/index',
  /** Art. 4, 7: the offices' console of one meeting, and the union side's request */
  meetingConsole: '/packages/office/pages/meeting/index',
  meetingRequest: '/packages/office/pages/meeting-request/index',
  /** Art. 9: minutes — read and reviewed on the phone; drafted at the union office's desk */
  minutes: '/pages/minutes/index',
  minutesEditor: '/packages/office/pages/minutes-editor/index',
  /** Art. 11: my tasks, one task; the offices' checklist board */
  taskMine: '/pages/task/mine/index',
  taskDetail: '/pages/task/detail/index',
  checklist: '/packages/office/pages/checklist/index',
  /** Art. 10: the press release, approved by both offices */
  press: '/packages/office/pages/press/index',
  /** issue #11: binding an account with an invite code; 账号与安全; the org's directory, one person, the import */
  bind: '/pages/bind/index',
  account: '/pages/account/index',
  people: '/packages/office/pages/people/index',
  person: '/packages/office/pages/person/index',
  peopleImport: '/packages/office/pages/people-import/index',
  /** issue #12 (Art. 12, 13): the annual assessment board, one org's year, an org's rule parameters */
  compliance: '/packages/office/pages/compliance/index',
  complianceOrg: '/packages/office/pages/compliance-org/index',
  orgSettings: '/packages/office/pages/settings/index',
} as const;

/** A page query value; mini-program queries arrive still percent-encoded, H5 ones decoded. */
export function queryValue(params: Record<string, string | undefined>, key: string): string {
  const raw = params[key];
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** `path?k=v&…` with every value encoded; empty values are left out. */
export function pageUrl(path: string, query: Record<string, string | undefined> = {}): string {
  const parts = Object.entries(query)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** Open a page on top of this one. */
export function openPage(path: string, query: Record<string, string | undefined> = {}): void {
  void Taro.navigateTo({ url: pageUrl(path, query) });
}

/** Home, as a fresh start (the page stack is dropped). */
export function goHome(): void {
  void Taro.reLaunch({ url: ROUTES.home });
}

/** Whether there is a page of this app to go back to (a shared link opened alone has none). */
export function canGoBack(): boolean {
  try {
    return Taro.getCurrentPages().length > 1;
  } catch {
    return false;
  }
}

/** Back to the page before; home when this page was opened alone (a shared link, a reload). */
export function goBack(): void {
  if (!canGoBack()) {
    goHome();
    return;
  }
  Taro.navigateBack({ delta: 1 }).catch(goHome);
}
