/**
 * @jest-environment jsdom
 */
// Issue #24, in the compiled mini-program (dist/weapp, rendered by miniprogram-simulate): a
// privacy-protected call — here 添加到手机日历 on the invitation — is made only after WeChat's
// privacy authorisation. The wx stand-in answers getPrivacySetting / requirePrivacyAuthorize as
// WeChat documents them and records the order of the calls; a refusal sends nothing to the
// calendar and says why (not "allow the album"). Needs `npm run build:weapp` first.
import { openWorld, type World } from './support/world';
import { type CallFunctionParam, renderWeappPage, waitFor } from './support/weapp-sim';

const MEETING = 'm-city-special';
let world: World;

beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());

interface Stand {
  need: boolean;
  agree: boolean;
  calls: string[];
  toasts: string[];
}

type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void };

function privacyWx(stand: Stand): Record<string, unknown> {
  const answer = (name: string, o: Callbacks, ok: boolean, extra: Record<string, unknown> = {}) => {
    const r = ok ? { errMsg: `${name}:ok`, ...extra } : { errMsg: `${name}:fail privacy permission is not authorized`, errno: 104 };
    // as wx does: with callbacks the answer goes to them; without, to the returned promise
    if (o.success || o.fail || o.complete) {
      if (ok) o.success?.(r);
      else o.fail?.(r);
      o.complete?.(r);
      return undefined;
    }
    return ok ? Promise.resolve(r) : Promise.reject(r);
  };
  return {
    getPrivacySetting: (o: Callbacks) => {
      stand.calls.push('getPrivacySetting');
      return answer('getPrivacySetting', o, true, { needAuthorization: stand.need, privacyContractName: '《联席会议小程序隐私保护指引》' });
    },
    requirePrivacyAuthorize: (o: Callbacks) => {
      stand.calls.push('requirePrivacyAuthorize');
      if (stand.agree) stand.need = false;
      return answer('requirePrivacyAuthorize', o, stand.agree);
    },
    addPhoneCalendar: (o: Callbacks) => {
      stand.calls.push('addPhoneCalendar');
      // WeChat itself refuses the call while the guide has not been agreed to
      return answer('addPhoneCalendar', o, !stand.need);
    },
    showToast: (o: Callbacks & { title?: string }) => {
      stand.toasts.push(o.title ?? '');
      return answer('showToast', o, true);
    },
  };
}

function cloudAs(person: string) {
  return jest.fn((param: CallFunctionParam) =>
    world.raw(param.name, param.data, person).then((r) => ({ result: r.envelope as unknown, errMsg: 'cloud.callFunction:ok' })),
  );
}

async function invitation(stand: Stand) {
  const page = renderWeappPage('pages/meeting/detail/index', { callFunction: cloudAs('city-rep-ma'), query: { id: MEETING }, wx: privacyWx(stand) });
  if (!(await waitFor(() => page.buttons().includes('添加到手机日历'), 8000))) {
    page.detach();
    throw new Error(`no 添加到手机日历 on the page: "${page.text().slice(0, 300)}"`);
  }
  return page;
}

it('添加到手机日历 asks for the privacy authorisation first, then adds the meeting', async () => {
  const stand: Stand = { need: true, agree: true, calls: [], toasts: [] };
  const page = await invitation(stand);
  try {
    page.tap('添加到手机日历');
    expect(await waitFor(() => stand.calls.includes('addPhoneCalendar'), 5000)).toBe(true);
    expect(stand.calls).toEqual(['getPrivacySetting', 'requirePrivacyAuthorize', 'addPhoneCalendar']);
    expect(await waitFor(() => stand.toasts.includes('已添加到手机日历'), 3000)).toBe(true);
  } finally {
    page.detach();
  }
});

it('a declined privacy guide adds nothing and says why', async () => {
  const stand: Stand = { need: true, agree: false, calls: [], toasts: [] };
  const page = await invitation(stand);
  try {
    page.tap('添加到手机日历');
    expect(await waitFor(() => stand.toasts.length > 0, 5000)).toBe(true);
    expect(stand.calls).toEqual(['getPrivacySetting', 'requirePrivacyAuthorize']);
    expect(stand.toasts[0]).toContain('《用户隐私保护指引》');
    expect(stand.toasts[0]).not.toMatch(/相册/);
  } finally {
    page.detach();
  }
});

it('once agreed, the next tap does not ask again', async () => {
  const stand: Stand = { need: false, agree: true, calls: [], toasts: [] };
  const page = await invitation(stand);
  try {
    page.tap('添加到手机日历');
    expect(await waitFor(() => stand.calls.includes('addPhoneCalendar'), 5000)).toBe(true);
    expect(stand.calls).toEqual(['getPrivacySetting', 'addPhoneCalendar']);
  } finally {
    page.detach();
  }
});
