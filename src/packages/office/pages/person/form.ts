// The person form's model (issue #11, split from index.tsx for issue #19): the fields, the checks
// made before sending (the contract's limits and patterns, domain/people-rules.ts), and a refusal
// put at the fields its `details` name.
import { changesSide, LOGIN_PATTERN, oneSide, PEOPLE_LIMITS, PHONE_PATTERN, SIDE_CHANGE_REFUSED } from '../../../../../domain/people-rules';
import type { Role } from '../../../../../domain/roles';
import type { DirectoryPersonView } from '../../../../../domain/schemas/people';
import type { ApiError } from '../../../../services/api';
import { toast } from '../../../../utils/feedback';
import { fieldErrorsOf, lengthError } from '../../../../utils/form';
import { revealField } from '../meeting-request/fields';

export type Loaded =
  | { mode: 'create'; orgId: string; assignable: Role[]; mayCreate: boolean; county: boolean }
  | { mode: 'edit'; person: DirectoryPersonView };

export type TextKey = 'name' | 'unit' | 'title' | 'login' | 'phone';
export type Key = TextKey | 'roles' | 'unitHead';
export type Errors = Partial<Record<Key, string>>;
const ORDER: readonly Key[] = ['name', 'unit', 'title', 'roles', 'phone', 'login'];
export const fieldId = (k: Key) => `person-${k}`;

export interface Form {
  name: string;
  unit: string;
  title: string;
  login: string;
  phone: string;
  roles: Role[];
  /** issue #20: the head of the unit (told of the unit's long-overdue tasks) */
  unitHead: boolean;
}

const PHONE_MESSAGE = '请填写 11 位手机号码';
const LOGIN_MESSAGE = `登录名为 ${PEOPLE_LIMITS.login.min} 到 ${PEOPLE_LIMITS.login.max} 位字母、数字或 _ . -`;

export function validate(f: Form, hadLogin: boolean, wasRoles: readonly Role[] = []): Errors {
  const e: Errors = {};
  for (const k of ['name', 'unit', 'title'] as const) {
    const problem = lengthError(PEOPLE_LIMITS[k], f[k]);
    if (problem) e[k] = problem;
  }
  const login = f.login.trim();
  if (login && !LOGIN_PATTERN.test(login)) e.login = LOGIN_MESSAGE;
  if (!login && hadLogin) e.login = '登录名不能清空';
  const phone = f.phone.trim();
  if (phone && !PHONE_PATTERN.test(phone)) e.phone = PHONE_MESSAGE;
  if (f.roles.length === 0) e.roles = '请至少选择一个角色';
  else if (!oneSide(f.roles)) e.roles = '一位人员只能担任一方的角色';
  else if (changesSide(wasRoles, f.roles)) e.roles = SIDE_CHANGE_REFUSED;
  return e;
}

export const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));

/** A refusal as messages at the fields it names (`details`), else one sentence for the page. */
export function refusalOf(error: ApiError): { at: Errors; rest: string | null } {
  const found = fieldErrorsOf(error.details);
  const at: Errors = {};
  for (const k of ORDER) if (found[k]) at[k] = found[k];
  return { at, rest: Object.keys(at).length > 0 ? null : error.message };
}

export function reveal(found: Errors): void {
  const first = ORDER.find((k) => found[k]);
  if (first) revealField(fieldId(first));
}

/** What was found before sending, at its fields (the first brought into view): true when nothing. */
export function passes(found: Errors, setErrors: (e: Errors) => void, setRefusal: (r: string | null) => void): boolean {
  setErrors(found);
  setRefusal(null);
  if (Object.keys(found).length === 0) return true;
  reveal(found);
  toast('请按提示修改后再保存');
  return false;
}
