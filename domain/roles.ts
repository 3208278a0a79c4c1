// Roles from RULES.md (Art. 4, 5, 6, 7, 9, 11). A person holds roles inside one org.
// Roles are data: permissions and workflows refer to them, code never branches on them.

export const ROLES = [
  'gov_leader',
  'union_chair',
  'gov_convenor',
  'union_convenor',
  'gov_office',
  'union_office',
  'gov_department',
  'union_department',
  'representative',
  'mayor',
] as const;

export type Role = (typeof ROLES)[number];

export type Side = 'gov' | 'union' | 'joint';

export interface RoleInfo {
  label: string;
  side: Exclude<Side, 'joint'>;
  /** who the working rules mean by this role */
  who: string;
}

export const ROLE_INFO: Record<Role, RoleInfo> = {
  gov_leader: { label: '总召集人（政府）', side: 'gov', who: '联系工会工作的副市长' },
  union_chair: { label: '总召集人（工会）', side: 'union', who: '总工会主席' },
  gov_convenor: { label: '召集人（政府）', side: 'gov', who: '政府联系工会工作的副秘书长' },
  union_convenor: { label: '召集人（工会）', side: 'union', who: '总工会负责常务工作的副主席' },
  gov_office: { label: '政府办公室', side: 'gov', who: '人民政府办公室' },
  union_office: { label: '总工会办公室', side: 'union', who: '总工会办公室' },
  gov_department: { label: '政府部门', side: 'gov', who: '有关部门单位' },
  union_department: { label: '工会职能部门', side: 'union', who: '总工会职能部门' },
  representative: { label: '职工代表', side: 'union', who: '基层干部、职工代表、劳模先进代表、基层工会工作者' },
  mayor: { label: '政府主要领导', side: 'gov', who: '人民政府主要领导' },
};

/** The two offices of an org (Art. 7): they aggregate, prepare, issue and keep the records. */
export const OFFICES: readonly Role[] = ['gov_office', 'union_office'];

export const SIDE_LABEL: Record<Side, string> = { gov: '政府方', union: '工会方', joint: '双方联合' };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}
