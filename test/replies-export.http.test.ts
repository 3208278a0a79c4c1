// Issue #23, the reply (答复) exportable: over the local host's HTTP API on the seeded demo, a topic
// returned and one merged on the city's current meeting; topic.exportReplies (offered to the offices
// on the list page through allowedActions) downloads the replies as an .xlsx, read back with exceljs.
import ExcelJS from 'exceljs';
import { httpCaller, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
let ok: Ok;
let code: ReturnType<typeof httpCaller>['code'];
let as: ReturnType<typeof httpCaller>['as'];

beforeAll(async () => {
  host = await startTestHost();
  ({ ok, code, as } = httpCaller(host));
});
afterAll(() => host.stop());

const meetingId = 'm-city-current';
const TOPIC = {
  meetingId, side: 'union', category: 'worker_concerns',
  background: '我市技能培训补贴申领流程繁琐，职工知晓率低。', research: '调研十家企业，六成职工不了解补贴政策。', request: '建议简化申领流程并由工会协助宣传。',
};

it('the office downloads the replies of the meeting\'s topics, rows read back', async () => {
  const returned = (await ok('city-rep-ma', 'topic', 'submit', { ...TOPIC, title: '关于建筑工人工资保证金的建议' })).id;
  await ok('city-union-office', 'topic', 'return', { id: returned, reason: '请补充本市在建项目欠薪的调研数据后再提交。' });
  const kept = (await ok('city-rep-guo', 'topic', 'submit', { ...TOPIC, title: '关于简化技能培训补贴申领的建议' })).id;
  const merged = (await ok('city-model-yang', 'topic', 'submit', { ...TOPIC, title: '关于技能补贴网上申领的建议' })).id;
  await ok('city-union-office', 'topic', 'merge', { id: merged, intoId: kept, note: '内容相近' });

  // offered as a button on the list page to the offices, not to a leader who reads the list
  expect((await ok('city-gov-office', 'topic', 'listStatus', { meetingId })).allowedActions).toContain('exportReplies');
  expect((await ok('city-gov-leader', 'topic', 'listStatus', { meetingId })).allowedActions).not.toContain('exportReplies');

  const link = await ok('city-gov-office', 'topic', 'exportReplies', { meetingId });
  expect(link.fileName).toMatch(/议题答复\.xlsx$/);
  const res = await fetch(`${host.url}${link.url.replace(/^\//, '')}`, { headers: { authorization: `Bearer ${await as('city-gov-office')}` } });
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const sheet = book.getWorksheet('议题答复')!;
  expect(String(sheet.getCell('A1').value)).toMatch(/议题答复$/);
  expect(String(sheet.getCell('A2').value)).toContain('共 2 件');
  const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1, 9);
  expect(cells(3)).toEqual(['序号', '议题', '提出人', '单位', '答复类别', '答复内容', '答复时间', '答复人']);
  expect(cells(4).slice(0, 6)).toEqual([1, '关于建筑工人工资保证金的建议', '马春花', expect.any(String), '退回答复', '请补充本市在建项目欠薪的调研数据后再提交。']);
  expect(cells(4)[6]).toBeInstanceOf(Date);
  expect(cells(4)[7]).toBe('陈晓丽');
  expect(cells(5).slice(0, 6)).toEqual([2, '关于技能补贴网上申领的建议', '杨德胜', '巴彦淖尔市第一建筑公司', '合并答复', '您的议题已并入「关于简化技能培训补贴申领的建议」一并研究办理：内容相近']);
  expect(sheet.rowCount).toBe(5);

  // resubmitted after the return: the reply no longer answers the topic, so it leaves the export
  await ok('city-rep-ma', 'topic', 'resubmit', { id: returned });
  const again = await ok('city-union-office', 'topic', 'exportReplies', { meetingId });
  const res2 = await fetch(`${host.url}${again.url.replace(/^\//, '')}`, { headers: { authorization: `Bearer ${await as('city-union-office')}` } });
  const book2 = new ExcelJS.Workbook();
  await book2.xlsx.load(await res2.arrayBuffer());
  expect(book2.getWorksheet('议题答复')!.rowCount).toBe(4);
});

it('the proposer, a leader and another org\'s office are refused', async () => {
  expect(await code('city-rep-ma', 'topic', 'exportReplies', { meetingId })).toBe('forbidden');
  expect(await code('city-gov-leader', 'topic', 'exportReplies', { meetingId })).toBe('forbidden');
  expect(await code('linhe-union-office', 'topic', 'exportReplies', { meetingId })).toBe('not_found');
  // the city's office reads a county's replies (parent, read-only)
  expect((await ok('city-union-office', 'topic', 'exportReplies', { meetingId: 'm-linhe-current' })).fileName).toMatch(/\.xlsx$/);
});
