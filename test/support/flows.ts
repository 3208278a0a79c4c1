/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers over HTTP */
// The meetings flow over the local host's HTTP API (issue #8), for the tests that start where a
// meeting has its notice out or has been held: requested, accepted, collecting, one topic accepted,
// the list fixed by both sides, invitees of both sides, the presiding leader, the notice issued.
import type { TestHost } from './host';

export type Ok = (key: string, area: string, action: string, payload: unknown) => Promise<any>;

export function httpCaller(host: TestHost) {
  const tokens: Record<string, string> = {};
  const as = async (key: string) => (tokens[key] ??= await host.signIn(key));
  const call = async (key: string, area: string, action: string, payload: unknown) => host.post(area, { action, payload }, await as(key));
  const ok: Ok = async (key, area, action, payload) => {
    const res = await call(key, area, action, payload);
    if (res.status !== 200) throw new Error(`${key} ${area}.${action}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json.data;
  };
  const code = async (key: string, area: string, action: string, payload: unknown): Promise<string> => {
    const res = await call(key, area, action, payload);
    return res.json.ok ? 'ok' : res.json.error.code;
  };
  /** A file link an action answered, fetched with the person's session. */
  const download = async (url: string, key: string) => {
    const res = await fetch(`${host.url}${url.replace(/^\//, '')}`, { headers: { authorization: `Bearer ${await as(key)}` } });
    return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
  };
  return { as, call, ok, code, download };
}

export async function meetingWithNotice(
  ok: Ok,
  opts: { title: string; plannedAt: string; gov: string[]; union: string[]; docNumber: string },
): Promise<string> {
  const meetingId = (await ok('city-union-office', 'meeting', 'request', {
    kind: 'special', title: opts.title, plannedAt: opts.plannedAt, place: '市政府第一会议室', reason: '研究职工技能培训补贴落实',
  })).id;
  await ok('city-gov-office', 'meeting', 'accept', { meetingId });
  await ok('city-union-office', 'meeting', 'openCollection', { meetingId });
  const topic = await ok('city-rep-ma', 'topic', 'submit', {
    meetingId, side: 'union', category: 'worker_concerns', title: '关于简化技能培训补贴申领的建议',
    background: '我市技能培训补贴申领流程繁琐，职工知晓率低。', research: '调研十家企业，六成职工不了解补贴政策。', request: '建议简化申领流程并由工会协助宣传。',
  });
  await ok('city-union-office', 'topic', 'accept', { id: topic.id });
  await ok('city-gov-office', 'topic', 'noOpinion', { topicId: topic.id }); // Art. 6 征求意见 (issue #16)
  await ok('city-gov-convenor', 'topic', 'confirmList', { meetingId });
  await ok('city-union-chair', 'topic', 'confirmList', { meetingId });
  const category = (key: string) => (key.includes('leader') || key.includes('chair') ? 'leader' : key.includes('rep') || key.includes('model') ? 'worker_representative' : 'department');
  await ok('city-gov-office', 'meeting', 'invite', { meetingId, invitees: opts.gov.map((personId) => ({ personId, category: category(personId) })) });
  await ok('city-union-office', 'meeting', 'invite', { meetingId, invitees: opts.union.map((personId) => ({ personId, category: category(personId) })) });
  await ok('city-gov-office', 'meeting', 'setPresiding', { meetingId, personId: 'city-gov-leader' });
  await ok('city-gov-office', 'meeting', 'issueNotice', { meetingId, docNumber: opts.docNumber });
  return meetingId;
}
