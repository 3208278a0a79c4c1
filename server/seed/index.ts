// The seeded demo (issue #2): Bayannur and its seven counties/banners/districts, people in every
// role, a city meeting in topic collection a little over two months ahead, and last year's meeting.
// Seeds only an empty database, so restarting keeps everything.
import { addDaysCN, addMonthsCN, cn, DEFAULT_RULES, fromCN, iso, type Org, type Person } from '../../domain';
import type { MeetingDoc, SettingsDoc } from '../docs';
import type { NewDoc, Store } from '../store/port';
import { CITY_PEOPLE, countyOffices, LINHE_PEOPLE, type DemoPerson } from './demo-people';

export const COUNTIES: Array<{ id: string; name: string; gov: [string, string]; union: [string, string] }> = [
  { id: 'linhe', name: '临河区', gov: ['韩磊', '副主任'], union: ['贾慧', '主任'] },
  { id: 'wuyuan', name: '五原县', gov: ['田锐', '副主任'], union: ['苗青', '主任'] },
  { id: 'dengkou', name: '磴口县', gov: ['段鹏', '副主任'], union: ['常红', '主任'] },
  { id: 'qianqi', name: '乌拉特前旗', gov: ['包额尔敦', '副主任'], union: ['云秀英', '主任'] },
  { id: 'zhongqi', name: '乌拉特中旗', gov: ['巴特尔', '副主任'], union: ['娜仁花', '主任'] },
  { id: 'houqi', name: '乌拉特后旗', gov: ['苏和', '副主任'], union: ['乌云', '主任'] },
  { id: 'hanghou', name: '杭锦后旗', gov: ['贺志勇', '副主任'], union: ['边丽', '主任'] },
];

function orgs(): NewDoc<Org>[] {
  const cityOrg: NewDoc<Org> = {
    _id: 'city', name: '巴彦淖尔市', level: 'city', govName: '巴彦淖尔市人民政府', unionName: '巴彦淖尔市总工会', rank: 0,
  };
  return [
    cityOrg,
    // COUNTIES is in official order; rank keeps that order wherever orgs are listed
    ...COUNTIES.map((c, i) => ({
      _id: c.id, name: c.name, level: 'county' as const, parentId: 'city', govName: `${c.name}人民政府`, unionName: `${c.name}总工会`, rank: i + 1,
    })),
  ];
}

export function demoPeople(): DemoPerson[] {
  const others = COUNTIES.filter((c) => c.id !== 'linhe').flatMap((c) => countyOffices(c.id, c.name, c.gov, c.union));
  return [...CITY_PEOPLE, ...LINHE_PEOPLE, ...others];
}

function meetings(now: Date): NewDoc<MeetingDoc>[] {
  const today = cn(now);
  // A little over two months ahead, at 09:30 Shanghai time; the union office opened collection a
  // few days ago (Art. 6: "generally" two months before — it may start earlier).
  const plannedAt = fromCN(today.add(2, 'month').add(10, 'day').format('YYYY-MM-DD'), '09:30');
  const lastYear = today.year() - 1;
  const heldAt = fromCN(`${lastYear}-04-18`, '09:30');
  return [
    {
      _id: 'm-city-current', orgId: 'city', kind: 'regular', year: today.year(),
      title: `巴彦淖尔市人民政府与市总工会${today.year()}年度联席会议`,
      plannedAt, collectionOpensAt: addDaysCN(now, -3),
      status: 'collecting', createdBy: 'city-union-office', createdAt: iso(addDaysCN(now, -10)),
    },
    {
      _id: 'm-linhe-current', orgId: 'linhe', kind: 'regular', year: today.year(),
      title: `临河区人民政府与区总工会${today.year()}年度联席会议`,
      plannedAt: fromCN(today.add(2, 'month').add(20, 'day').format('YYYY-MM-DD'), '15:00'),
      collectionOpensAt: addDaysCN(now, -1),
      status: 'collecting', createdBy: 'linhe-union-office', createdAt: iso(addDaysCN(now, -2)),
    },
    {
      _id: 'm-city-last', orgId: 'city', kind: 'regular', year: lastYear,
      title: `巴彦淖尔市人民政府与市总工会${lastYear}年度联席会议`,
      plannedAt: heldAt, collectionOpensAt: addMonthsCN(heldAt, -2), heldAt,
      status: 'minutes_issued', createdBy: 'city-union-office', createdAt: addMonthsCN(heldAt, -3),
    },
  ];
}

/** Seeds the demo if the database holds no org yet. Returns whether it seeded. */
export async function seedDemo(store: Store, now: Date): Promise<boolean> {
  if ((await store.count('orgs', {})) > 0) return false;
  for (const org of orgs()) await store.insert<Org>('orgs', org);
  for (const p of demoPeople()) {
    await store.insert<Person>('users', {
      _id: p.key, devKey: p.key, name: p.name, orgId: p.orgId, unit: p.unit, title: p.title, roles: p.roles,
    });
  }
  for (const org of orgs()) {
    await store.insert<SettingsDoc>('settings', {
      orgId: org._id!, effectiveFrom: DEFAULT_RULES.effectiveFrom, topicLeadMonths: DEFAULT_RULES.topicLeadMonths,
      dueSoonDays: DEFAULT_RULES.dueSoonDays, regularMeetingsPerYear: DEFAULT_RULES.regularMeetingsPerYear, source: DEFAULT_RULES.source,
    });
  }
  for (const m of meetings(now)) await store.insert<MeetingDoc>('meetings', m);
  return true;
}
