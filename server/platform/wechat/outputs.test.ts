// The WeChat outlets against stand-ins of the SDK calls they make (the real cloud is out of reach):
// what is uploaded where, which link comes back, and the mini-program code's request.
import { checkInScene } from '../../../domain';
import { cloudFiles, wechatCodes, type CloudFilesApi, type WxacodeApi } from './outputs';

it('uploads a download under the owner\'s folder and answers a temporary link', async () => {
  const calls: unknown[] = [];
  const api: CloudFilesApi = {
    uploadFile: async (o) => (calls.push(['upload', o.cloudPath, o.fileContent.length]), { fileID: 'cloud://env/exports/x.xlsx' }),
    getTempFileURL: async (o) => (calls.push(['link', o.fileList]), { fileList: [{ tempFileURL: 'https://tmp.example/x.xlsx', status: 0 }] }),
    downloadFile: async () => ({ fileContent: Buffer.alloc(0) }),
  };
  const out = await cloudFiles(api, () => new Date('2026-11-25T07:03:04Z')).put({
    fileName: '参会名单.xlsx', contentType: 'application/vnd.ms-excel', bytes: new Uint8Array([1, 2, 3]), ownerId: 'city-gov-office',
  });
  expect(out).toEqual({ fileName: '参会名单.xlsx', url: 'https://tmp.example/x.xlsx' });
  expect(calls).toEqual([
    ['upload', 'exports/city-gov-office/20261125070304-参会名单.xlsx', 3],
    ['link', [{ fileID: 'cloud://env/exports/x.xlsx', maxAge: 3600 }]],
  ]);
});

it('asks wxacode.getUnlimited for the page without slash or query and a scene WeChat accepts', async () => {
  let asked: Parameters<WxacodeApi['getUnlimited']>[0] | null = null;
  const api: WxacodeApi = { getUnlimited: async (o) => ((asked = o), { buffer: Buffer.from('png'), contentType: 'image/png' }) };
  const scene = checkInScene('0123456789abcdef0123456789abcdef', '123456');
  const qr = await wechatCodes(api, 'trial').qr('/pages/meeting/checkin/index?x=1', scene);
  expect(qr).toBe(`data:image/png;base64,${Buffer.from('png').toString('base64')}`);
  expect(asked).toEqual({ scene, page: 'pages/meeting/checkin/index', checkPath: false, envVersion: 'trial', width: 430 });
});

it('accepts as evidence only a file in the owner\'s own evidence folder, and reads its first bytes', async () => {
  const pdf = Buffer.from('%PDF-1.7 rest of the file');
  const downloads: string[] = [];
  const api: CloudFilesApi = {
    uploadFile: async () => ({ fileID: '' }),
    getTempFileURL: async (o) => ({ fileList: o.fileList.map(() => ({ tempFileURL: 'https://tmp.example/e.pdf', status: 0 })) }),
    downloadFile: async (o) => {
      downloads.push(o.fileID);
      if (o.fileID.endsWith('gone.pdf')) throw new Error('STORAGE_FILE_NONEXIST');
      return { fileContent: pdf };
    },
  };
  const files = cloudFiles(api, () => new Date());
  const mine = 'cloud://env-1.7465-env-1/evidence/city-hrss/1764-%E9%AA%8C%E6%94%B6.pdf';
  const seen = await files.inspect(mine, 'city-hrss');
  expect(seen).toEqual({ fileName: '1764-验收.pdf', size: pdf.length, head: new Uint8Array(pdf.subarray(0, 16)) });
  // someone else's folder, a path trick and a missing file all answer null, and only the real one is read
  expect(await files.inspect(mine, 'city-rep-ma')).toBeNull();
  expect(await files.inspect('cloud://env/evidence/city-rep-ma/../city-hrss/x.pdf', 'city-rep-ma')).toBeNull();
  expect(await files.inspect('cloud://env/evidence/city-hrss/gone.pdf', 'city-hrss')).toBeNull();
  expect(downloads).toEqual([mine, 'cloud://env/evidence/city-hrss/gone.pdf']);
  expect(await files.share(mine, '验收.pdf', 'application/pdf', 'city-union-office')).toEqual({ fileName: '验收.pdf', url: 'https://tmp.example/e.pdf' });
});

it('reads an evidence file back for the archive through downloadFile, and nothing outside evidence/', async () => {
  const bytes = Buffer.from('%PDF-1.7 evidence');
  const downloads: string[] = [];
  const api: CloudFilesApi = {
    uploadFile: async () => ({ fileID: '' }),
    getTempFileURL: async () => ({ fileList: [] }),
    downloadFile: async (o) => {
      downloads.push(o.fileID);
      if (o.fileID.endsWith('gone.pdf')) throw new Error('STORAGE_FILE_NONEXIST');
      return { fileContent: bytes };
    },
  };
  const files = cloudFiles(api, () => new Date());
  const id = 'cloud://env-1.7465-env-1/evidence/city-hrss/1764-%E9%AA%8C%E6%94%B6.pdf';
  expect(Buffer.from((await files.read(id))!)).toEqual(bytes);
  expect(await files.read('cloud://env/evidence/city-hrss/gone.pdf')).toBeNull();
  expect(await files.read('cloud://env/exports/city-hrss/x.xlsx')).toBeNull();
  expect(await files.read('cloud://env/evidence/a/../../exports/x.xlsx')).toBeNull();
  expect(downloads).toEqual([id, 'cloud://env/evidence/city-hrss/gone.pdf']);
});
