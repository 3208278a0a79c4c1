// The demo's people (fictional names, real unit names of a city administration).
// key = the demo sign-in key and the person's id; one row per person.
import type { Role } from '../../domain';

export interface DemoPerson {
  key: string;
  orgId: string;
  name: string;
  unit: string;
  title: string;
  roles: Role[];
}

const city = (key: string, name: string, unit: string, title: string, roles: Role[]): DemoPerson => ({
  key: `city-${key}`, orgId: 'city', name, unit, title, roles,
});

export const CITY_PEOPLE: DemoPerson[] = [
  city('gov-leader', '王建国', '巴彦淖尔市人民政府', '副市长', ['gov_leader']),
  city('union-chair', '李秀梅', '巴彦淖尔市总工会', '主席', ['union_chair']),
  city('gov-convenor', '张志强', '市人民政府办公室', '副秘书长', ['gov_convenor']),
  city('union-convenor', '刘海燕', '巴彦淖尔市总工会', '常务副主席', ['union_convenor']),
  city('gov-office', '赵敏', '市人民政府办公室', '综合科科长', ['gov_office']),
  city('union-office', '陈晓丽', '市总工会办公室', '主任', ['union_office']),
  city('hrss', '孙立新', '市人社局', '副局长', ['gov_department']),
  city('housing', '周文博', '市住建局', '副局长', ['gov_department']),
  city('ndrc', '吴晓东', '市发改委', '副主任', ['gov_department']),
  city('union-rights', '郑丽娟', '市总工会权益保障部', '部长', ['union_department']),
  city('rep-ma', '马春花', '河套酒业集团', '职工代表', ['representative']),
  city('rep-guo', '郭振华', '市快递外卖行业工会联合会', '职工代表（新就业形态劳动者）', ['representative']),
  city('model-yang', '杨德胜', '巴彦淖尔市第一建筑公司', '全国劳动模范', ['representative']),
  city('mayor', '何立军', '巴彦淖尔市人民政府', '市长', ['mayor']),
];

const linhe = (key: string, name: string, unit: string, title: string, roles: Role[]): DemoPerson => ({
  key: `linhe-${key}`, orgId: 'linhe', name, unit, title, roles,
});

export const LINHE_PEOPLE: DemoPerson[] = [
  linhe('gov-leader', '白永刚', '临河区人民政府', '副区长', ['gov_leader']),
  linhe('union-chair', '乔美玲', '临河区总工会', '主席', ['union_chair']),
  linhe('gov-office', '韩磊', '临河区人民政府办公室', '副主任', ['gov_office', 'gov_convenor']),
  linhe('union-office', '贾慧', '临河区总工会办公室', '主任', ['union_office', 'union_convenor']),
  linhe('hrss', '冯涛', '临河区人社局', '局长', ['gov_department']),
  linhe('rep', '任小军', '临河区新华街道总工会', '基层工会工作者', ['representative']),
];

/** Every other county has its two offices, so each org can be signed into. */
export function countyOffices(orgId: string, orgName: string, govSurname: [string, string], unionSurname: [string, string]): DemoPerson[] {
  return [
    { key: `${orgId}-gov-office`, orgId, name: govSurname[0], unit: `${orgName}人民政府办公室`, title: govSurname[1], roles: ['gov_office'] },
    { key: `${orgId}-union-office`, orgId, name: unionSurname[0], unit: `${orgName}总工会办公室`, title: unionSurname[1], roles: ['union_office'] },
  ];
}
