// Protocol order (issue #16): one ordering of people for every list the app prints or shows — the
// notice, the minutes' 出席 / 请假 / 列席, the attendance list and its export, invitation lists —
// as a 政府办公室 would list them: the principal leader (the mayor) when present, the two 总召集人,
// the two 召集人, other leaders, then the offices, departments and units (in the org's own unit
// order when it has one), then invited representatives and guests in the order of Art. 5.
import type { Role } from './roles';
import type { InviteeCategory } from './workflows/meeting';

/** Who is listed: what an invitation or a person record carries. */
export interface ProtocolEntry {
  name: string;
  title: string;
  unit: string;
  side?: 'gov' | 'union';
  category?: InviteeCategory;
  /** the person's roles when known (invitations copy them since issue #16) */
  roles?: readonly Role[];
}

/** Per-org adjustment: the order of its units (unit names); units not named follow, by side. */
export interface ProtocolOptions {
  unitOrder?: readonly string[];
}

/** Tiers by role: Art. 4's principal leader, the 总召集人 and the 召集人 of both sides (government first). */
const ROLE_TIER: Partial<Record<Role, number>> = {
  mayor: 0, gov_leader: 1, union_chair: 2, gov_convenor: 3, union_convenor: 4,
  gov_office: 6, union_office: 6, gov_department: 7, union_department: 7, representative: 8,
};

/** Titles that name a rank when roles are not known (older invitations): the first match wins. */
const TITLE_TIER: ReadonlyArray<[RegExp, number]> = [
  [/^(市|区|旗|县)长$/, 0],
  [/^副(市|区|旗|县)长$/, 1],
  [/^主席$/, 2],
  [/秘书长$/, 3],
  [/^常务副主席$/, 4],
];

/** Art. 5's categories in the order the rules name them; a category fixes the tier of guests. */
const CATEGORY_TIER: Record<InviteeCategory, number> = {
  leader: 5, office: 6, department: 7, grassroots_cadre: 8, worker_representative: 8, model_worker: 8, union_worker: 8,
};
const GUEST_ORDER: readonly InviteeCategory[] = ['grassroots_cadre', 'worker_representative', 'model_worker', 'union_worker'];


function tier(e: ProtocolEntry): number {
  const byRole = (e.roles ?? []).map((r) => ROLE_TIER[r]).filter((t): t is number => t !== undefined);
  if (byRole.length) return Math.min(...byRole);
  for (const [re, t] of TITLE_TIER) if (re.test(e.title)) return t;
  return e.category ? CATEGORY_TIER[e.category] : 9;
}

/** Within a tier, a principal before a deputy before a section head (局长 before 副局长 before 科长). */
function titleRank(title: string): number {
  if (/^(市|区|旗|县)长$/.test(title)) return 0;
  if (/^副(市|区|旗|县)长$/.test(title)) return 1;
  if (/^秘书长/.test(title)) return 2;
  if (/^副秘书长/.test(title)) return 3;
  if (/科长|科员|干事/.test(title)) return 6;
  if (/^(常务)?副/.test(title)) return 5;
  return 4;
}

/** Sort key: tier, then (units) the org's unit order and side, then title rank and guest category. */
export function protocolKey(e: ProtocolEntry, options: ProtocolOptions = {}): Array<number | string> {
  const t = tier(e);
  const unitIndex = options.unitOrder?.indexOf(e.unit) ?? -1;
  return [
    t,
    t >= 6 && t <= 7 ? (unitIndex < 0 ? (options.unitOrder?.length ?? 0) : unitIndex) : 0,
    e.side === 'union' ? 1 : 0,
    e.category ? Math.max(GUEST_ORDER.indexOf(e.category), 0) : 0,
    titleRank(e.title),
    e.unit,
  ];
}

export function compareProtocol(a: ProtocolEntry, b: ProtocolEntry, options: ProtocolOptions = {}): number {
  const ka = protocolKey(a, options);
  const kb = protocolKey(b, options);
  for (let i = 0; i < ka.length; i += 1) {
    if (ka[i] === kb[i]) continue;
    return typeof ka[i] === 'number' ? (ka[i] as number) - (kb[i] as number) : String(ka[i]).localeCompare(String(kb[i]), 'zh-Hans-CN');
  }
  return 0;
}

/** A copy of `list` in protocol order (stable for equal keys). */
export function inProtocolOrder<T extends ProtocolEntry>(list: readonly T[], options: ProtocolOptions = {}): T[] {
  return list.map((item, i) => ({ item, i })).sort((a, b) => compareProtocol(a.item, b.item, options) || a.i - b.i).map((x) => x.item);
}
