// Art. 11 evidence in the WeChat deployment: the app uploads to cloud storage itself, so the
// function must judge each file by its bytes and size before accepting it — through the real
// cloud-storage outlet (server/platform/wechat/outputs.ts) over a stand-in of the SDK calls it makes.
import type { TaskDoc } from '../server/store/docs';
import type { FileOutlet } from '../server/kit/outputs';
import { cloudFiles, type CloudFilesApi } from '../server/platform/wechat/outputs';
import { makeTask } from './support/action-examples';
import { pdfOf, pngOf } from './support/images';
import { worldPerFile } from './support/world';

const world = worldPerFile();
const stored = new Map<string, Buffer>();
const api: CloudFilesApi = {
  uploadFile: async () => ({ fileID: '' }),
  getTempFileURL: async (o) => ({ fileList: o.fileList.map((f) => ({ tempFileURL: `https://tmp.example/${encodeURIComponent(f.fileID)}`, status: 0 })) }),
  downloadFile: async ({ fileID }) => {
    const bytes = stored.get(fileID);
    if (!bytes) throw new Error('STORAGE_FILE_NONEXIST');
    return { fileContent: bytes };
  },
};
const cloud = (owner: string, name: string, bytes: Buffer) => {
  const id = `cloud://env-1/evidence/${owner}/${name}`;
  stored.set(id, bytes);
  return id;
};

let localFiles: FileOutlet;
beforeEach(() => {
  localFiles = world.current.rt.files;
  world.current.rt.files = cloudFiles(api, () => world.current.now);
});
afterEach(() => {
  world.current.rt.files = localFiles;
});

const complete = async (taskId: string, fileId: string, as = 'city-hrss') =>
  world.current.call('task', 'complete', { taskId, text: '已按期完成', evidence: [{ fileId }] }, as);

it('refuses a cloud file that is not a photo or a PDF by its bytes, whatever its name says, and changes nothing', async () => {
  const task = await makeTask(world.current, 'city');
  const res = await complete(task._id, cloud('city-hrss', 'report.pdf', Buffer.from('just some text, named .pdf')));
  expect(res.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', message: expect.stringContaining('不是 JPG、PNG 图片或 PDF') } });
  expect((await world.current.store.get<TaskDoc>('tasks', task._id))?.status).toBe('in_progress');
});

it('refuses a cloud file over 10 MB', async () => {
  const task = await makeTask(world.current, 'city');
  const big = Buffer.alloc(10 * 1024 * 1024 + 1);
  Buffer.from('%PDF-1.7').copy(big);
  const res = await complete(task._id, cloud('city-hrss', 'big.pdf', big));
  expect(res.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', message: expect.stringContaining('超过 10 MB') } });
});

it('refuses a file in someone else\'s evidence folder, and accepts the owner\'s own PDF', async () => {
  const task = await makeTask(world.current, 'city');
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj');
  expect((await complete(task._id, cloud('city-housing', 'theirs.pdf', pdf))).envelope).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  const mine = cloud('city-hrss', '%E9%AA%8C%E6%94%B6.pdf', pdf);
  const res = await complete(task._id, mine);
  expect(res.envelope).toMatchObject({ ok: true, data: { status: 'awaiting_verification', completion: { evidence: [{ fileId: mine, fileName: '验收.pdf', contentType: 'application/pdf', size: pdf.length }] } } });
  // the keeping office gets a temporary link to it
  const link = await world.current.call('task', 'evidence', { taskId: task._id, fileId: mine }, 'city-union-office');
  expect(link.envelope).toMatchObject({ ok: true, data: { fileName: '验收.pdf', url: expect.stringMatching(/^https:\/\/tmp\.example\//) } });
});

// issue #17: the whole bytes are judged, not only the first few; the name keeps the judged type
it('refuses a cloud file whose magic number lies (a PNG-headed page, a PDF with a script), and names an accepted one by its real type', async () => {
  const task = await makeTask(world.current, 'city');
  const pngHtml = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<html><script>alert(1)</script></html>')]);
  for (const bytes of [pngHtml, pdfOf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>')]) {
    const res = await complete(task._id, cloud('city-hrss', 'x.pdf', bytes));
    expect(res.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', message: expect.stringContaining('不是 JPG、PNG 图片或 PDF') } });
  }
  const real = cloud('city-hrss', 'invoice.html', pngOf());
  const res = await complete(task._id, real);
  expect(res.envelope).toMatchObject({ ok: true, data: { completion: { evidence: [{ fileId: real, fileName: 'invoice.png', contentType: 'image/png' }] } } });
  const link = await world.current.call('task', 'evidence', { taskId: task._id, fileId: real }, 'city-union-office');
  expect(link.envelope).toMatchObject({ ok: true, data: { fileName: 'invoice.png' } });
});
