// Contract of area `people` (issue #11) and the account's sign-in, binding and password actions.
import * as z from 'zod/mini';
import { IMPORT_MAX_ROWS, INVITE_PATTERN, LOGIN_PATTERN, PEOPLE_LIMITS, PHONE_PATTERN } from '../people-rules';
import { ROLES, type Role } from '../roles';
import type { OneSide } from '../topic-rules';
import { PICK_PURPOSES } from '../workbench';
import { INVITEE_CATEGORIES, type InviteeCategory } from '../workflows/meeting';
import { Cursor, Id, Text } from './common';

const Login = z.string().check(z.regex(LOGIN_PATTERN, '登录名为 3 到 32 位字母、数字或 _ . -'));
const Phone = z.string().check(z.regex(PHONE_PATTERN, '请填写 11 位手机号码'));
const Roles = z.array(z.enum(ROLES)).check(z.minLength(1, '请至少选择一个角色'), z.maxLength(4), z.refine((r) => new Set(r).size === r.length, '角色重复'));
const Password = z.string().check(z.minLength(1), z.maxLength(PEOPLE_LIMITS.password.max * 4));

export const ListPeopleInput = z.strictObject({
  orgId: z.optional(Id),
  q: z.optional(z.string().check(z.maxLength(20))),
  cursor: z.optional(Cursor),
  /** issue #19, the people picker: one side, an Art. 5 category, one unit */
  side: z.optional(z.enum(['gov', 'union'])),
  category: z.optional(z.enum(INVITEE_CATEGORIES)),
  unitId: z.optional(Id),
  /** only the people the caller may invite to a meeting / give a task (active, of the sides they keep) */
  purpose: z.optional(z.enum(PICK_PURPOSES)),
});
export const PersonIdInput = z.strictObject({ personId: Id });

export const PersonFields = {
  name: Text(PEOPLE_LIMITS.name),
  unit: Text(PEOPLE_LIMITS.unit),
  title: Text(PEOPLE_LIMITS.title),
  login: z.optional(Login),
  phone: z.optional(Phone),
  /** issue #20: the head of the unit (the ladder's unit leader) */
  unitHead: z.optional(z.boolean()),
};

export const CreatePersonInput = z.strictObject({ orgId: z.optional(Id), ...PersonFields, roles: Roles });
export const UpdatePersonInput = z.strictObject({
  personId: Id,
  name: z.optional(PersonFields.name),
  unit: z.optional(PersonFields.unit),
  title: z.optional(PersonFields.title),
  login: z.optional(Login),
  phone: z.optional(z.nullable(Phone)),
  unitHead: z.optional(z.boolean()),
}).check(z.refine((v) => Object.keys(v).length > 1, { message: '没有要修改的内容' }));
export const SetRolesInput = z.strictObject({ personId: Id, roles: Roles });
export const ImportPeopleInput = z.strictObject({
  /** the caller's own org (default); an office imports only into its own org */
  orgId: z.optional(Id),
  rows: z.array(z.unknown()).check(z.minLength(1, '表格中没有人员'), z.maxLength(IMPORT_MAX_ROWS, `一次最多导入 ${IMPORT_MAX_ROWS} 人`)),
});
/** One row of an import, checked on its own so each refused row is named by its line. */
export const ImportRow = z.strictObject({ line: z.number().check(z.int(), z.gte(1)), ...PersonFields, roles: Roles });

export const SignInInput = z.strictObject({ login: z.string().check(z.minLength(1), z.maxLength(64)), password: Password });
export const ChangePasswordInput = z.strictObject({ current: z.optional(Password), next: Password });
export const InviteCode = z.pipe(z.pipe(z.string(), z.transform((s) => s.trim().toUpperCase().replace(/[\s-]/g, ''))), z.string().check(z.regex(INVITE_PATTERN, '邀请码为 10 位字母和数字')));
export const BindInput = z.strictObject({ code: InviteCode });
export const RedeemInviteInput = z.strictObject({ code: InviteCode, login: z.optional(Login), password: Password });
export const SignOutInput = z.strictObject({});

export interface PersonCardView {
  id: string;
  name: string;
  unit: string;
  title: string;
  roles: Array<{ role: Role; label: string }>;
  sideLabel: string;
  /** masked (138****5678) unless the caller is the person or keeps their side */
  phone: string | null;
  active: boolean;
  bound: boolean;
  /** issue #19: the side, the unit's id (a filter) and the Art. 5 category the person is invited under by default */
  side: OneSide;
  unitId: string;
  category: InviteeCategory;
  /** issue #20: marked in the directory as the head of the unit (told of the unit's long-overdue tasks) */
  unitHead: boolean;
}

export interface DirectoryPersonView extends PersonCardView {
  orgId: string;
  login: string | null;
  hasPassword: boolean;
  /** what the caller may do: 'update', 'setRoles', 'deactivate', 'inviteCode' */
  allowedActions: string[];
  /** the roles the caller may give (the form's choices) */
  assignableRoles: Role[];
}

export interface PeopleListView {
  items: PersonCardView[];
  nextCursor?: string;
  /** 'create', 'import' when the caller may add people to this org */
  allowedActions: string[];
  assignableRoles: Role[];
}

export interface InviteView {
  code: string;
  /** a scannable code (mini-program code in WeChat, a QR of the H5 binding page locally) */
  qr: string;
  expiresAt: string;
}

export interface ImportResultView {
  created: number;
  /** issue #24: the import is written in chunks — rows in the file, rows written so far, whether to call again */
  total: number;
  done: number;
  more: boolean;
}

export interface SessionView {
  token: string;
  personId: string;
  name: string;
}
