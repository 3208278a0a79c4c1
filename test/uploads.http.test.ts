/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #17 over the local host's HTTP API: the upload and download routes identify the caller as
// actions do (a signed-out or deactivated person's old token gets 401); uploads are judged by
// their whole structure, stored under a cleaned name whose extension is the judged type's, limited
// per person and day, removed when no task names them after 24 hours; a too-large body gets its 413.
import { request } from 'node:http';
import { UPLOAD_FILES_PER_DAY } from '../domain/files';
import type { LocalFiles } from '../server/platform/local/files';
import { sweepUploads, takeUploadQuota } from '../server/security/uploads';
import { makeTask } from './support/action-examples';
import { jpegOf, pdfOf, pngOf } from './support/images';
import { httpCaller } from './support/flows';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
let ok: ReturnType<typeof httpCaller>['ok'];

beforeAll(async () => {
  host = await startTestHost();
  ({ ok } = httpCaller(host));
});
afterAll(() => host.stop());

const upload = async (token: string, name: string, bytes: Uint8Array) => {
  const res = await fetch(`${host.url}api/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-file-name': encodeURIComponent(name) }, body: bytes });
  return { status: res.status, json: (await res.json()) as any };
};
const download = async (token: string, fileId: string) => {
  const res = await fetch(`${host.url}api/files/${fileId.replace(/^local:/, '')}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, disposition: res.headers.get('content-disposition'), type: res.headers.get('content-type') };
};

describe('one identity check everywhere: the file routes use identify()', () => {
  it('after sign-out the old token gets 401 on downloads and uploads', async () => {
    const token = await host.signIn('city-hrss');
    const up = await upload(token, '材料.png', pngOf());
    expect(up.status).toBe(200);
    expect((await download(token, up.json.data.fileId)).status).toBe(200);
    expect((await host.post('account', { action: 'signOut', payload: {} }, token)).status).toBe(200);
    expect((await upload(token, '材料.png', pngOf())).status).toBe(401);
    expect((await download(token, up.json.data.fileId)).status).toBe(401);
    // a fresh session of the same person still opens it
    expect((await download(await host.signIn('city-hrss'), up.json.data.fileId)).status).toBe(200);
  });

  it('after deactivation the old token gets 401 on downloads and uploads', async () => {
    const token = await host.signIn('city-rep-ma');
    const up = await upload(token, '照片.jpg', jpegOf());
    expect(up.json).toMatchObject({ ok: true, data: { contentType: 'image/jpeg', fileName: '照片.jpg' } });
    await ok('city-union-office', 'people', 'deactivate', { personId: 'city-rep-ma' });
    expect((await upload(token, '照片.jpg', jpegOf())).status).toBe(401);
    expect((await download(token, up.json.data.fileId)).status).toBe(401);
  });

  it('a forged or missing token: 401, and someone else\'s file: 404', async () => {
    const mine = (await upload(await host.signIn('city-housing'), '我的.pdf', pdfOf())).json.data.fileId;
    expect((await upload('nope.nope', 'x.png', pngOf())).status).toBe(401);
    expect((await download('nope.nope', mine)).status).toBe(401);
    expect((await download(await host.signIn('city-gov-office'), mine)).status).toBe(404);
  });
});

describe('files judged by their structure, names cleaned and typed', () => {
  let token: string;
  beforeAll(async () => {
    token = await host.signIn('city-gov-leader');
  });

  it.each([
    ['a PNG-headed HTML page', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<html><script>alert(1)</script></html>')])],
    ['a whole PNG with a page after IEND', Buffer.concat([pngOf(), Buffer.from('<html><script>alert(1)</script></html>')])],
    ['a JPEG-headed page', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html></html>')])],
    ['a PDF with /JavaScript', pdfOf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>')],
    ['a PDF with a hex-escaped /J#61vaScript', pdfOf('/OpenAction << /S /J#61vaScript >>')],
    ['a PDF with an embedded file', pdfOf('/Names << /EmbeddedFiles 3 0 R >>')],
    ['a PDF that launches a program', pdfOf('/OpenAction << /S /Launch /F (cmd.exe) >>')],
  ])('refuses %s', async (_label, bytes) => {
    const res = await upload(token, 'x.png', bytes);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_error');
  });

  it('a PNG named invoice.html is stored and downloaded as invoice.png; CR/LF and a path are cleaned away', async () => {
    const up = await upload(token, 'invoice.html', pngOf(3, 1));
    expect(up.json.data).toMatchObject({ fileName: 'invoice.png', contentType: 'image/png' });
    const got = await download(token, up.json.data.fileId);
    expect(got).toMatchObject({ status: 200, type: 'image/png' });
    expect(got.disposition).toContain(`filename*=UTF-8''invoice.png`);
    const odd = await upload(token, '../../etc/pass\r\nwd.pdf', pdfOf());
    expect(odd.json.data.fileName).toBe('passwd.pdf');
    const dots = await upload(token, '..\\..\\报告..pdf', pdfOf());
    expect(dots.json.data.fileName).not.toMatch(/\.\.|[\\/\r\n]/);
  });
});

describe('upload quota and the sweep', () => {
  it(`at most ${UPLOAD_FILES_PER_DAY} files a day per person; the next is 429`, async () => {
    const token = await host.signIn('city-union-rights');
    const png = pngOf();
    for (let i = 0; i < UPLOAD_FILES_PER_DAY; i += 1) expect((await upload(token, `第${i}张.png`, png)).status).toBe(200);
    const over = await upload(token, '再一张.png', png);
    expect(over).toMatchObject({ status: 429, json: { ok: false, error: { code: 'rate_limited' } } });
    // someone else is not affected
    expect((await upload(await host.signIn('city-union-office'), '一张.png', png)).status).toBe(200);
  });

  it('the bytes of a day are limited too, exactly under a burst', async () => {
    const now = new Date();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => takeUploadQuota(host.store, 'bytes-test', 10 * 1024 * 1024, now)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
  });

  it('removes uploads no task names after 24 hours and keeps the ones a task names', async () => {
    const files = host.runtime.files as LocalFiles;
    const token = await host.signIn('city-hrss');
    const loose = (await upload(token, '未使用.png', pngOf())).json.data.fileId as string;
    const used = (await upload(token, '已使用.png', pngOf())).json.data.fileId as string;
    await makeTask({ store: host.store, now: host.clock.now() } as any, 'city', 'awaiting_verification', { evidence: used });
    // not yet a day old: nothing removed
    expect((await sweepUploads(host.store, files, new Date())).removed).toBe(0);
    const later = new Date(Date.now() + 25 * 3600_000);
    const r = await sweepUploads(host.store, files, later);
    expect(r.removed).toBeGreaterThan(0);
    expect((await download(token, loose)).status).toBe(404);
    expect((await download(token, used)).status).toBe(200);
    expect(files.unattached().map((u) => u.fileId)).not.toContain(used);
  });
});

it.each([
  ['declared by its length', (size: number) => ({ 'content-length': String(size) })],
  ['found while reading', () => ({ 'transfer-encoding': 'chunked' })],
])('a too-large upload (%s) gets its 413 answer, not a reset, while the client is still sending', async (_label, framing) => {
  const token = await host.signIn('city-gov-convenor');
  const { hostname, port } = new URL(host.url);
  const size = 24 * 1024 * 1024;
  // what the client saw: the answer's status, and whether its sending ended in an error (a reset)
  const outcome = await new Promise<{ status: number | null; sendError: string | null }>((resolve) => {
    let status: number | null = null;
    let sendError: string | null = null;
    const req = request({ hostname, port, path: '/api/upload', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', ...framing(size) } }, (res) => {
      status = res.statusCode ?? null;
      res.resume();
    });
    req.on('error', (e) => {
      sendError = (e as NodeJS.ErrnoException).code ?? e.message;
    });
    req.on('close', () => setTimeout(() => resolve({ status, sendError }), 20));
    const chunk = Buffer.alloc(256 * 1024, 0x41);
    let sent = 0;
    const write = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
  expect(outcome).toEqual({ status: 413, sendError: null });
});
