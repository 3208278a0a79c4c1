// The person form's fields (issue #11): name, unit, title, 单位负责人 (issue #20), the roles as
// checkboxes grouped by side (ROLE_INFO labels; only those I may give can be ticked), phone and login,
// each with its limit, hint and the message at the field.
import { Input, Text, View } from '@tarojs/components';
import { PEOPLE_LIMITS } from '../../../../../domain/people-rules';
import { ROLE_INFO, SIDE_LABEL, type Role } from '../../../../../domain/roles';
import { textLength } from '../../../../utils/form';
import { Field, FieldHead } from '../meeting-request/fields';
import { type Errors, type Form, type Key, type TextKey, fieldId } from './form';

interface FieldsProps {
  form: Form;
  errors: Errors;
  /** the roles shown as choices */
  assignable: Role[];
  /** the roles I may tick (default: all shown) */
  allowed?: Role[];
  editFields: boolean;
  editRoles: boolean;
  disabled: boolean;
  onChange: (form: Form, key: Key) => void;
}

const TEXT_FIELDS: ReadonlyArray<{ key: TextKey; label: string; placeholder: string; hint?: string; optional?: boolean; max: number }> = [
  { key: 'name', label: '姓名', placeholder: '如：张伟', max: PEOPLE_LIMITS.name.max },
  { key: 'unit', label: '单位', placeholder: '如：市人力资源和社会保障局', max: PEOPLE_LIMITS.unit.max },
  { key: 'title', label: '职务', placeholder: '如：副局长', max: PEOPLE_LIMITS.title.max },
  { key: 'phone', label: '手机号', placeholder: '11 位手机号码', hint: '仅本人和本方办公室可见，其他人看到的是隐去中间四位的号码', optional: true, max: 11 },
  { key: 'login', label: '登录名', placeholder: '如 zhang.wei', hint: '电脑端登录用，3–32 位字母、数字或 _ . -；可留空，由本人凭邀请码设置', optional: true, max: PEOPLE_LIMITS.login.max },
];

export default function PersonFields({ form, errors, assignable, allowed, editFields, editRoles, disabled, onChange }: FieldsProps) {
  const h5 = process.env.TARO_ENV === 'h5';
  const set = (k: TextKey, v: string) => onChange({ ...form, [k]: v }, k);
  const toggle = (r: Role) => onChange({ ...form, roles: form.roles.includes(r) ? form.roles.filter((x) => x !== r) : [...form.roles, r] }, 'roles');
  const sides = (['gov', 'union'] as const).map((side) => ({ side, roles: assignable.filter((r) => ROLE_INFO[r].side === side) })).filter((g) => g.roles.length > 0);
  const textField = ({ key, label, placeholder, hint, optional, max }: (typeof TEXT_FIELDS)[number]) => {
    const limit = key === 'name' || key === 'unit' || key === 'title' ? PEOPLE_LIMITS[key] : null;
    return (
      <Field key={key} id={fieldId(key)}>
        <FieldHead label={label} error={errors[key]} required={!optional} />
        {editFields ? (
          <Input
            className={errors[key] ? 'minput minput--error' : 'minput'}
            value={form[key]}
            maxlength={max}
            type={key === 'phone' && !h5 ? 'number' : 'text'}
            placeholder={placeholder}
            placeholderClass='mfield__placeholder'
            disabled={disabled}
            onInput={(e) => set(key, e.detail.value)}
          />
        ) : (
          <Text className='person__readonly'>{form[key] || '—'}</Text>
        )}
        {editFields && (hint || limit) ? (
          <View className='mfield__foot'>
            <Text className='mfield__hint mfield__hint--inline'>{hint ?? `${limit?.min}–${limit?.max} 个字`}</Text>
            {limit ? (
              <Text className={textLength(form[key]) > limit.max ? 'mfield__counter mfield__counter--bad' : 'mfield__counter'}>
                {textLength(form[key])}/{limit.max}
              </Text>
            ) : null}
          </View>
        ) : null}
      </Field>
    );
  };
  return (
    <View className='card person__form'>
      {TEXT_FIELDS.slice(0, 3).map(textField)}
      <UnitHeadField on={form.unitHead} off={!editFields || disabled} onToggle={() => onChange({ ...form, unitHead: !form.unitHead }, 'unitHead')} />
      <Field id={fieldId('roles')}>
        <FieldHead label='角色' error={errors.roles} />
        <Text className='mfield__hint person__roles-hint'>办公室只能设置本方角色；领导角色（总召集人、召集人、政府主要领导）也由本方办公室设置，并告知另一方办公室。一位人员只能担任一方的角色，调到另一方须停用后由另一方办公室重新开设账号。</Text>
        {sides.map((g) => (
          <View key={g.side} className='person__side-group' role='group' aria-label={SIDE_LABEL[g.side]}>
            <Text className='person__side-label'>{SIDE_LABEL[g.side]}</Text>
            {g.roles.map((r) => {
              const on = form.roles.includes(r);
              const off = !editRoles || disabled || (allowed ? !allowed.includes(r) : false);
              const a11y: Record<string, unknown> = h5
                ? { role: 'checkbox', 'aria-checked': on, tabIndex: off ? -1 : 0, ...(off ? { 'aria-disabled': true } : {}) }
                : { ariaRole: 'checkbox', ariaChecked: on };
              return (
                <View
                  key={r}
                  className={['choice', 'person__role', on ? 'choice--on' : '', off ? 'person__role--off' : ''].filter(Boolean).join(' ')}
                  {...a11y}
                  onClick={() => !off && toggle(r)}
                >
                  <View className={on ? 'person__check person__check--on' : 'person__check'} aria-hidden='true'>
                    <Text>{on ? '✓' : ''}</Text>
                  </View>
                  <View className='choice__main'>
                    <Text className='choice__title'>{ROLE_INFO[r].label}</Text>
                    <Text className='choice__meta'>{ROLE_INFO[r].who}</Text>
                  </View>
                </View>
              );
            })}
          </View>
        ))}
      </Field>
      {TEXT_FIELDS.slice(3).map(textField)}
    </View>
  );
}

/** Issue #20: 单位负责人 — marked by the office, so the ladder knows whom to tell (never guessed from the title). */
function UnitHeadField({ on, off, onToggle }: { on: boolean; off: boolean; onToggle: () => void }) {
  const h5 = process.env.TARO_ENV === 'h5';
  const a11y: Record<string, unknown> = h5
    ? { role: 'checkbox', 'aria-checked': on, tabIndex: off ? -1 : 0, ...(off ? { 'aria-disabled': true } : {}) }
    : { ariaRole: 'checkbox', ariaChecked: on };
  return (
    <Field id={fieldId('unitHead')}>
      <View className={['choice', 'person__role', on ? 'choice--on' : '', off ? 'person__role--off' : ''].filter(Boolean).join(' ')} {...a11y} onClick={() => !off && onToggle()}>
        <View className={on ? 'person__check person__check--on' : 'person__check'} aria-hidden='true'>
          <Text>{on ? '✓' : ''}</Text>
        </View>
        <View className='choice__main'>
          <Text className='choice__title'>单位负责人</Text>
          <Text className='choice__meta'>本单位的主要负责人。本单位的落实任务逾期较长时，随逾期任务周报告知本人</Text>
        </View>
      </View>
    </Field>
  );
}
