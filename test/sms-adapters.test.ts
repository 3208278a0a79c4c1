// Issue #20 (7): the SMS sender port's adapters, through stand-ins of what they call — CloudBase's
// cloudbase.sendSms (通知类短信, +86 numbers, the one variable cut to 30 characters, errcode ≠ 0 is a
// refusal) and a generic HTTP gateway (JSON { to, text } with a bearer token, non-2xx a refusal) —
// and the configuration: off by default, a provider without its settings is off.
import { cloudbaseSmsSender, httpSmsSender, smsNumber, smsSettings, smsText, type CloudbaseSmsApi } from '../server/notify/sms';

it('is off by default and when a provider lacks its settings', () => {
  expect(smsSettings({}).provider).toBeNull();
  expect(smsSettings({ SMS_PROVIDER: 'http' }).provider).toBeNull();
  expect(smsSettings({ SMS_PROVIDER: 'cloudbase' }).provider).toBeNull();
  expect(smsSettings({ SMS_PROVIDER: 'dev' })).toEqual({ provider: 'dev', dailyCap: 3 });
  expect(smsSettings({ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'https://sms.example/send', SMS_DAILY_CAP: '5' })).toMatchObject({ provider: 'http', dailyCap: 5 });
  expect(smsSettings({ SMS_PROVIDER: 'cloudbase', SMS_TEMPLATE_ID: '844110', SMS_CLOUDBASE_ENV: 'prod-1' })).toMatchObject({ provider: 'cloudbase', cloudbaseTemplateId: '844110', cloudbaseEnv: 'prod-1' });
});

it('CloudBase: a notification SMS to +86…, the variable within 30 characters; errcode is a refusal', async () => {
  const calls: unknown[] = [];
  let answer: unknown = { errcode: 0 };
  const api: CloudbaseSmsApi = { sendSms: async (opts) => { calls.push(opts); return answer; } };
  const sender = cloudbaseSmsSender(api, 'prod-1', '844110');
  const text = '落实任务已逾期：「城区新建户外劳动者服务站点 20 个」已超过完成时限，请尽快完成或说明原因';
  await sender.send({ personId: 'p', phone: '+8613812345678', text });
  expect(calls[0]).toEqual({ env: 'prod-1', phone_number_list: ['+8613812345678'], sms_type: 'Notification', template_id: '844110', template_param_list: [[...text].slice(0, 30).join('')], use_short_name: true });
  answer = { errcode: -501007 };
  await expect(sender.send({ personId: 'p', phone: '+8613812345678', text: 'x' })).rejects.toMatchObject({ errCode: -501007 });
});

it('HTTP gateway: JSON with a bearer token; a non-2xx answer is a refusal', async () => {
  const seen: Array<{ url: string; init: RequestInit }> = [];
  let status = 200;
  const fake = (async (url: string, init: RequestInit) => { seen.push({ url, init }); return new Response('{}', { status }); }) as unknown as typeof fetch;
  const sender = httpSmsSender('https://sms.example/send', 'tok', fake);
  await sender.send({ personId: 'p', phone: '+8613812345678', text: '催办：请尽快落实任务' });
  expect(seen[0].url).toBe('https://sms.example/send');
  expect(JSON.parse(String(seen[0].init.body))).toEqual({ to: '+8613812345678', text: '催办：请尽快落实任务' });
  expect((seen[0].init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  status = 503;
  await expect(sender.send({ personId: 'p', phone: '+8613812345678', text: 'x' })).rejects.toMatchObject({ errCode: 503 });
});

it('numbers and texts', () => {
  expect(smsNumber('138 1234 5678')).toBe('+8613812345678');
  expect(smsNumber('+86-13812345678')).toBe('+8613812345678');
  expect(smsNumber('0478-8888888')).toBeNull();
  expect(smsNumber(null)).toBeNull();
  const t = smsText({ title: '会议通知：请确认是否参会', body: '巴政办字〔2026〕201号「职工技能培训专题会议」定于 2026年12月20日 09:30，市政府第一会议室 召开，请回复是否参会。' });
  expect([...t].length).toBeLessThanOrEqual(70);
  expect(t.endsWith('详见联席会议小程序')).toBe(true);
});

it('every function that delivers a strong milestone may send SMS, and notify (催办) may send subscription messages', () => {
  const { readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
  const { join } = jest.requireActual<typeof import('node:path')>('node:path');
  for (const area of ['meeting', 'notify', 'reminders', 'system']) {
    const config = JSON.parse(readFileSync(join(__dirname, '..', 'cloudfunctions', area, 'config.json'), 'utf8')) as { permissions: { openapi: string[] } };
    expect({ area, perms: config.permissions.openapi }).toEqual({ area, perms: expect.arrayContaining(['subscribeMessage.send', 'cloudbase.sendSms']) });
  }
});
