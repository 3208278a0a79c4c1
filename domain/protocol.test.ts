// Issue #16: one protocol order for every list of people (the notice, the minutes, the attendance
// list and its export): the mayor, the 总召集人, the 召集人, other leaders, units, then guests.
import { inProtocolOrder, type ProtocolEntry } from './protocol';

const p = (name: string, title: string, unit: string, extra: Partial<ProtocolEntry> = {}): ProtocolEntry => ({ name, title, unit, ...extra });

it('orders by rank as a government office lists people, by roles when known', () => {
  const people = [
    p('科长甲', '综合科科长', '市人民政府办公室', { roles: ['gov_office'], category: 'office' }),
    p('张志强', '副秘书长', '市人民政府办公室', { roles: ['gov_convenor'], category: 'leader' }),
    p('马春花', '职工代表', '河套酒业集团', { roles: ['representative'], category: 'worker_representative' }),
    p('刘海燕', '常务副主席', '市总工会', { roles: ['union_convenor'], category: 'leader' }),
    p('王建国', '副市长', '市人民政府', { roles: ['gov_leader'], category: 'leader' }),
    p('李秀梅', '主席', '市总工会', { roles: ['union_chair'], category: 'leader' }),
    p('何立军', '市长', '市人民政府', { roles: ['mayor'], category: 'leader' }),
    p('孙立新', '副局长', '市人社局', { roles: ['gov_department'], category: 'department' }),
    p('杨德胜', '全国劳动模范', '第一建筑公司', { roles: ['representative'], category: 'model_worker' }),
  ];
  expect(inProtocolOrder(people).map((x) => x.name)).toEqual(['何立军', '王建国', '李秀梅', '张志强', '刘海燕', '科长甲', '孙立新', '马春花', '杨德胜']);
});

it('falls back to titles when roles are unknown, and a principal precedes a deputy within a unit tier', () => {
  const people = [
    p('副局长乙', '副局长', '市住建局', { category: 'department' }),
    p('副秘书长', '副秘书长', '市人民政府办公室', { category: 'leader' }),
    p('局长甲', '局长', '市住建局', { category: 'department' }),
    p('副市长', '副市长', '市人民政府', { category: 'leader' }),
  ];
  expect(inProtocolOrder(people).map((x) => x.name)).toEqual(['副市长', '副秘书长', '局长甲', '副局长乙']);
});

it('follows the org\'s own unit order when it has one', () => {
  const people = [p('甲', '局长', '市住建局', { roles: ['gov_department'] }), p('乙', '局长', '市人社局', { roles: ['gov_department'] })];
  expect(inProtocolOrder(people, { unitOrder: ['市人社局', '市住建局'] }).map((x) => x.name)).toEqual(['乙', '甲']);
  expect(inProtocolOrder(people, { unitOrder: ['市住建局', '市人社局'] }).map((x) => x.name)).toEqual(['甲', '乙']);
});
