// Form pieces of the sign-in, binding and 账号与安全 pages (issue #11): a labelled text or password
// field with its error at the field, the first field in error brought into view, and the checks
// the server makes on a first password, a login and an invite code (domain/people-rules.ts).
import { Input, Text, View } from '@tarojs/components';
import { INVITE_PATTERN, LOGIN_PATTERN, PEOPLE_LIMITS, passwordProblem } from '../../../domain/people-rules';
import { type ApiError } from '../../services/api';
import { fieldErrorsOf } from '../../utils/form';
import './fields.css';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export interface AccountFieldProps {
  /** the element id (for bringing the field into view) */
  id: string;
  label: string;
  value: string;
  placeholder: string;
  error?: string | null;
  hint?: string;
  optional?: boolean;
  password?: boolean;
  maxlength?: number;
  disabled?: boolean;
  /** the invite code: large, spaced letters */
  code?: boolean;
  onInput: (value: string) => void;
  onConfirm?: () => void;
}

export function AccountField({ id, label, value, placeholder, error, hint, optional, password, maxlength, disabled, code, onInput, onConfirm }: AccountFieldProps) {
  const cls = ['afield__input', code ? 'afield__input--code' : '', error ? 'afield__input--error' : ''].filter(Boolean).join(' ');
  return (
    <View id={id} className='afield'>
      <View className='afield__head'>
        <Text className='afield__label'>
          {label}
          {optional ? <Text className='afield__optional'>（选填）</Text> : null}
        </Text>
        {error ? (
          <View className='afield__error' role='alert'>
            <Text>{error}</Text>
          </View>
        ) : null}
      </View>
      <Input
        className={cls}
        value={value}
        password={password}
        maxlength={maxlength ?? 64}
        placeholder={placeholder}
        placeholderClass='afield__placeholder'
        disabled={disabled}
        confirmType='done'
        onInput={(e) => onInput(e.detail.value)}
        onConfirm={() => onConfirm?.()}
      />
      {hint ? <Text className='afield__hint'>{hint}</Text> : null}
    </View>
  );
}

export { revealFirst } from '../../utils/reveal';

/** 10 characters of [2-9A-Z] as the server reads them: spaces and dashes dropped, upper case. */
export function normalizeInviteCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/[\s-]/g, '');
}

export function inviteCodeProblem(code: string): string | null {
  if (!code) return '请填写邀请码';
  return INVITE_PATTERN.test(code) ? null : '邀请码为 10 位字母和数字';
}

/** The login the server accepts (LOGIN_PATTERN); empty is allowed where the login is optional. */
export function loginProblem(login: string, required: boolean): string | null {
  if (!login) return required ? '请填写登录名' : null;
  return LOGIN_PATTERN.test(login) ? null : `登录名为 ${PEOPLE_LIMITS.login.min} 到 ${PEOPLE_LIMITS.login.max} 位字母、数字或 _ . -`;
}

/** A new password and its repetition: the server's rule (8–64, a letter and a digit) and a match. */
export function newPasswordProblems(next: string, confirm: string): { next?: string; confirm?: string } {
  const out: { next?: string; confirm?: string } = {};
  const problem = next ? passwordProblem(next) : '请设置密码';
  if (problem) out.next = problem;
  if (!confirm) out.confirm = '请再次输入密码';
  else if (confirm !== next) out.confirm = '两次输入的密码不一致';
  return out;
}

/**
 * A refusal as messages at the fields the server names (`details` [{ path, message }]), with the
 * server's own `password` path shown at the new password; `rest` is what no field carries.
 */
export function refusalAtFields<K extends string>(error: ApiError, fields: readonly K[], rename: Partial<Record<string, K>> = {}): { at: FieldErrors<K>; rest: string | null } {
  const found = fieldErrorsOf(error.details);
  const at: FieldErrors<K> = {};
  for (const [path, message] of Object.entries(found)) {
    const key = (rename[path] ?? path) as K;
    if (fields.includes(key)) at[key] = message;
  }
  return { at, rest: Object.keys(at).length > 0 ? null : error.message };
}
