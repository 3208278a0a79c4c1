// Issue #24: privacy-protected WeChat calls (chooseMedia, chooseMessageFile, addPhoneCalendar,
// setClipboardData) go through the authorisation flow first (src/services/privacy.ts), and a refusal
// is told as such — not blamed on the album permission. WeChat's API is a stand-in object here.

interface Stand {
  needAuthorization: boolean;
  agree: boolean;
  calls: string[];
  chooseFails?: { errno: number; errMsg: string };
}

const stand: Stand = { needAuthorization: true, agree: true, calls: [] };

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getPrivacySetting: (o: { success(r: { needAuthorization: boolean }): void }) => {
      stand.calls.push('getPrivacySetting');
      o.success({ needAuthorization: stand.needAuthorization });
    },
    requirePrivacyAuthorize: (o: { success(): void; fail(e: unknown): void }) => {
      stand.calls.push('requirePrivacyAuthorize');
      if (stand.agree) {
        stand.needAuthorization = false;
        o.success();
      } else o.fail({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized', errno: 104 });
    },
    chooseMedia: async () => {
      stand.calls.push('chooseMedia');
      if (stand.chooseFails) throw stand.chooseFails;
      return { tempFiles: [{ tempFilePath: 'wxfile://tmp/a.jpg', size: 1000 }] };
    },
    chooseMessageFile: async () => {
      stand.calls.push('chooseMessageFile');
      return { tempFiles: [{ path: 'wxfile://tmp/b.pdf', name: 'b.pdf', size: 2000 }] };
    },
    getFileSystemManager: () => ({ readFileSync: () => new ArrayBuffer(0) }),
  },
}));

import { ensurePrivacy, isPrivacyError, privacyRefusedMessage, PrivacyRefused, withPrivacy } from '../src/services/privacy';
import { pickInWeapp } from '../src/services/upload';

const env = process.env.TARO_ENV;
beforeAll(() => {
  process.env.TARO_ENV = 'weapp';
});
afterAll(() => {
  process.env.TARO_ENV = env;
});
beforeEach(() => {
  Object.assign(stand, { needAuthorization: true, agree: true, calls: [], chooseFails: undefined });
});

it('asks for the authorisation before choosing photos, once agreed does not ask again', async () => {
  const files = await pickInWeapp('photo', 3);
  expect(files).toHaveLength(1);
  expect(stand.calls).toEqual(['getPrivacySetting', 'requirePrivacyAuthorize', 'chooseMedia']);
  stand.calls = [];
  await pickInWeapp('chat', 3);
  expect(stand.calls).toEqual(['getPrivacySetting', 'chooseMessageFile']);
});

it('a declined privacy guide stops the call and says so, not "allow the album"', async () => {
  stand.agree = false;
  const p = pickInWeapp('photo', 3);
  await expect(p).rejects.toMatchObject({ code: 'forbidden', message: privacyRefusedMessage('chooseMedia') });
  await expect(pickInWeapp('photo', 3)).rejects.not.toThrow(/相册/);
  expect(stand.calls).not.toContain('chooseMedia');
});

it('a privacy failure of the call itself (errno 104/112) is the same refusal', async () => {
  stand.needAuthorization = false;
  stand.chooseFails = { errno: 112, errMsg: 'chooseMedia:fail api scope is not declared in the privacy agreement' };
  await expect(pickInWeapp('photo', 3)).rejects.toMatchObject({ code: 'forbidden', message: privacyRefusedMessage('chooseMedia') });
  expect(isPrivacyError({ errno: 104 })).toBe(true);
  expect(isPrivacyError({ errMsg: 'chooseMedia:fail cancel' })).toBe(false);
});

it('the browser build never asks', async () => {
  process.env.TARO_ENV = 'h5';
  try {
    await ensurePrivacy('setClipboardData');
    expect(stand.calls).toEqual([]);
  } finally {
    process.env.TARO_ENV = 'weapp';
  }
});

it('withPrivacy runs the call after agreement and turns a refusal into PrivacyRefused', async () => {
  await expect(withPrivacy('setClipboardData', async () => 'copied')).resolves.toBe('copied');
  stand.needAuthorization = true;
  stand.agree = false;
  await expect(withPrivacy('addPhoneCalendar', async () => 'added')).rejects.toBeInstanceOf(PrivacyRefused);
});

it('every privacy-protected call in the app goes through withPrivacy (a direct call fails in WeChat and in review)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readdirSync, readFileSync, statSync } = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { join } = require('node:path') as typeof import('node:path');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(f)) files.push(p);
    }
  };
  walk(join(process.cwd(), 'src'));
  const direct: string[] = [];
  let guarded = 0;
  for (const file of files) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (!/\bTaro\.(chooseMedia|chooseMessageFile|setClipboardData|addPhoneCalendar|chooseImage|getClipboardData)\(/.test(line)) return;
      if (/withPrivacy\('\w+', \(\) => Taro\./.test(line)) guarded += 1;
      else direct.push(`${file.slice(process.cwd().length + 1)}:${i + 1}`);
    });
  }
  expect(direct).toEqual([]);
  expect(guarded).toBeGreaterThanOrEqual(4);
});
