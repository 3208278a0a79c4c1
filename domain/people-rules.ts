// People and access (issue #11): who keeps whom, which roles an office may give, how a phone
// number is shown, and the password and invite-code rules. Zod-free: the app reads the limits.
import { hasAnyRole, ROLE_INFO, ROLES, type Role } from './roles';
import type { OneSide } from './topic-rules';

/**
 * Leadership roles (总召集人, 召集人, the mayor): given only by their own side's office, like every
 * role; the other side's office is told (issue #17).
 */
export const LEADERSHIP_ROLES: readonly Role[] = ['gov_leader', 'union_chair', 'gov_convenor', 'union_convenor', 'mayor'];

/** The office of each side keeps that side's people (Art. 7: each office arranges its own side). */
export const SIDE_OFFICE: Record<OneSide, Role> = { gov: 'gov_office', union: 'union_office' };

/** The sides whose people this caller keeps (by the office roles they hold). */
export function keptSides(roles: readonly Role[]): OneSide[] {
  return (['gov', 'union'] as const).filter((side) => roles.includes(SIDE_OFFICE[side]));
}

/** A person's side: the side of their roles (a person's roles are all of one side). */
export function personSide(roles: readonly Role[]): OneSide {
  return roles.some((r) => ROLE_INFO[r].side === 'gov') ? 'gov' : 'union';
}

/**
 * The roles an office may give (issue #17, "two sides, two keys"): only its own side's, leadership
 * included. Nothing one side's office does can create or empower a person of the other side. With
 * `side`, only that side's roles (a person's side never changes by a role edit).
 */
export function assignableRoles(roles: readonly Role[], side?: OneSide): Role[] {
  const sides = keptSides(roles).filter((s) => side === undefined || s === side);
  return ROLES.filter((r) => sides.includes(ROLE_INFO[r].side as OneSide));
}

export function mayGiveRoles(giver: readonly Role[], given: readonly Role[]): boolean {
  const allowed = assignableRoles(giver);
  return given.length > 0 && given.every((r) => allowed.includes(r));
}

/** One person, one side: roles of both sides at once are refused. */
export function oneSide(roles: readonly Role[]): boolean {
  return new Set(roles.map((r) => ROLE_INFO[r].side)).size <= 1;
}

/**
 * Whether a role edit would move the person to the other side: refused. Moving someone across is
 * deactivating them and the other office opening a new account (new invite, nothing carried over).
 */
export function changesSide(current: readonly Role[], next: readonly Role[]): boolean {
  return next.length > 0 && current.length > 0 && personSide(next) !== personSide(current);
}

export const SIDE_CHANGE_REFUSED = '人员所属方不能通过调整角色改变；如需调到另一方，请停用该账号，由另一方办公室重新开设账号并发放邀请码';
export const OWN_SIDE_ONLY = '办公室只能设置本方的角色（领导角色也由本方办公室设置，另一方办公室会收到通知）';

/** Whether a leadership role is among those given (the other side's office is told of any). */
export const givesLeadership = (given: readonly Role[]) => hasAnyRole(given, LEADERSHIP_ROLES);

/** `13812345678` → `138****5678`; anything else keeps its first 3 and last 4 characters at most. */
export function maskPhone(phone: string): string {
  const digits = [...phone];
  if (digits.length <= 4) return '****';
  if (digits.length <= 7) return `${digits.slice(0, 1).join('')}****${digits.slice(-2).join('')}`;
  return `${digits.slice(0, 3).join('')}****${digits.slice(-4).join('')}`;
}

export const PEOPLE_LIMITS = {
  name: { min: 2, max: 20, label: '姓名' },
  unit: { min: 2, max: 40, label: '单位' },
  title: { min: 1, max: 30, label: '职务' },
  login: { min: 3, max: 32, label: '登录名' },
  password: { min: 8, max: 64, label: '密码' },
} as const;

export const PHONE_PATTERN = /^1[3-9][0-9]{9}$/;
export const LOGIN_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;

/** Passwords: 8 to 64 characters with at least a letter and a digit. */
export function passwordProblem(pw: string): string | null {
  if ([...pw].length < PEOPLE_LIMITS.password.min) return `密码至少 ${PEOPLE_LIMITS.password.min} 位`;
  if ([...pw].length > PEOPLE_LIMITS.password.max) return `密码不能超过 ${PEOPLE_LIMITS.password.max} 位`;
  if (!/[A-Za-z]/.test(pw) || !/[0-9]/.test(pw)) return '密码须同时包含字母和数字';
  return null;
}

/** What the password fields say (issue #17: the server also refuses common passwords and ones containing the login or name). */
export const PASSWORD_HINT = '8–64 位，须含字母和数字；不能用常见密码（如 password1、12345678a），不能包含登录名或姓名';

/** Sign-in: 5 wrong passwords in a row lock the login for 15 minutes (claimed before the comparison). */
export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_LOCK_MS = 15 * 60_000;
/** Invite codes: single use, 7 days; 5 wrong codes per WeChat account per hour. */
export const INVITE_TTL_MS = 7 * 24 * 3600_000;
export const BIND_ATTEMPTS_PER_HOUR = 5;
/** Invite codes are 10 characters of an alphabet without look-alikes (no 0/O, 1/I/L). */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/;
/** The import of a directory: at most this many rows at once (one transaction). */
export const IMPORT_MAX_ROWS = 200;
