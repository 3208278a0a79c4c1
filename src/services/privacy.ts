// Issue #24: WeChat's privacy authorisation (用户隐私保护指引). Since base library 2.32.3 every
// privacy-protected API (choosing photos or chat files, the clipboard, the phone calendar) fails
// until the person has agreed to the mini-program's privacy guide — and review rejects a version that
// calls them without the declaration and the flow. Before each such call the app asks here: when
// WeChat says an authorisation is needed, `requirePrivacyAuthorize` shows WeChat's own privacy popup
// (the app registers no custom `onNeedPrivacyAuthorization`, so the official one is used); the call
// goes ahead only once the person agreed. A refusal answers its own message — not "allow the album
// in WeChat's settings", which was wrong: the album permission was never the reason.

import Taro from '@tarojs/taro';

export type PrivacyApi = 'chooseMedia' | 'chooseMessageFile' | 'setClipboardData' | 'addPhoneCalendar';

/** what the person was doing, for the message */
const DOING: Record<PrivacyApi, string> = {
  chooseMedia: '选择照片',
  chooseMessageFile: '从聊天中选择文件',
  setClipboardData: '复制邀请码',
  addPhoneCalendar: '把会议加入手机日历',
};

export function privacyRefusedMessage(api: PrivacyApi): string {
  return `需要先同意《用户隐私保护指引》才能${DOING[api]}。再次操作时会重新询问，也可在页面底部查看指引`;
}

export class PrivacyRefused extends Error {
  constructor(readonly api: PrivacyApi) {
    super(privacyRefusedMessage(api));
    this.name = 'PrivacyRefused';
  }
}

/**
 * A WeChat failure caused by privacy: errno 104 (the person has not agreed), 112 (the API is not
 * declared in the guide), or the errMsg WeChat gives for them.
 */
export function isPrivacyError(e: unknown): boolean {
  if (e instanceof PrivacyRefused) return true;
  if (typeof e !== 'object' || e === null) return false;
  const { errno, errMsg } = e as { errno?: unknown; errMsg?: unknown };
  if (errno === 104 || errno === 112) return true;
  return typeof errMsg === 'string' && /privacy (permission|agreement)|not declared in the privacy/i.test(errMsg);
}

interface PrivacySetting {
  needAuthorization: boolean;
  privacyContractName?: string;
}

/** The privacy calls, typed as WeChat documents them (Taro types them loosely, or not at all in old versions). */
interface PrivacyWx {
  getPrivacySetting?(o: { success(res: PrivacySetting): void; fail(e: unknown): void }): void;
  requirePrivacyAuthorize?(o: { success(): void; fail(e: unknown): void }): void;
  openPrivacyContract?(o: { success?(): void; fail?(e: unknown): void }): void;
}

function wx(): PrivacyWx {
  return Taro as unknown as PrivacyWx;
}

const inWeapp = () => process.env.TARO_ENV === 'weapp';

/**
 * Before a privacy-protected call. Resolves when the person agreed (now or before), or when no
 * authorisation applies (the browser build, a base library without the privacy API); rejects with
 * PrivacyRefused when the person declined WeChat's popup.
 */
export async function ensurePrivacy(api: PrivacyApi): Promise<void> {
  if (!inWeapp()) return;
  const w = wx();
  if (typeof w.getPrivacySetting !== 'function' || typeof w.requirePrivacyAuthorize !== 'function') return;
  const need = await new Promise<boolean>((resolve) => {
    w.getPrivacySetting!({ success: (r) => resolve(r.needAuthorization === true), fail: () => resolve(true) });
  });
  if (!need) return;
  await new Promise<void>((resolve, reject) => {
    w.requirePrivacyAuthorize!({ success: () => resolve(), fail: () => reject(new PrivacyRefused(api)) });
  });
}

/** `call` after the authorisation; a privacy failure of the call itself becomes PrivacyRefused too. */
export async function withPrivacy<T>(api: PrivacyApi, call: () => Promise<T>): Promise<T> {
  await ensurePrivacy(api);
  try {
    return await call();
  } catch (e) {
    if (isPrivacyError(e)) throw new PrivacyRefused(api);
    throw e;
  }
}

/** Opens the privacy guide as declared in 微信公众平台 (what is collected and why). */
export function openPrivacyGuide(): Promise<boolean> {
  const w = wx();
  if (!inWeapp() || typeof w.openPrivacyContract !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => w.openPrivacyContract!({ success: () => resolve(true), fail: () => resolve(false) }));
}
