// One person of the directory (issue #11 "Area people"): `?id=` shows and edits them, no id creates
// one (`?orgId=` a county's first office accounts; the caller's own org by default).
// - Fields with the contract's limits (domain/people-rules.ts PEOPLE_LIMITS, LOGIN_PATTERN,
//   PHONE_PATTERN) and Chinese messages at the field, the server's `details` paths too.
// - Roles as checkboxes from the roles the server says I may give (assignableRoles, computed by
//   domain/people-rules.ts, ROLE_INFO labels): an office gives only its own side's roles, leadership
//   included (issue #17); one person, one side, and a role edit never moves a person across
//   (domain's oneSide / changesSide, the server's own words).
// - 停用 behind a confirmation (the person's sessions and open invite codes end at once), and
//   生成邀请码: the code (large, spaced), the QR, its expiry and how it is used (bind WeChat in the
//   mini-program; set a first password on the desk's binding page).
// Every button only when the server offers it (people.get allowedActions: 'update', 'setRoles',
// 'deactivate', 'inviteCode'; people.list allowedActions 'create').
import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { changesSide, LOGIN_PATTERN, oneSide, PEOPLE_LIMITS, PHONE_PATTERN, SIDE_CHANGE_REFUSED } from '../../../../../domain/people-rules';
import { OFFICES, ROLE_INFO, SIDE_LABEL, type Role } from '../../../../../domain/roles';
import type { DirectoryPersonView, InviteView } from '../../../../../domain/schemas/people';
import Btn from '../../../../components/Btn';
import Dialog from '../../../../components/Dialog';
import PageShell, { LoadStates, Refusal } from '../../../../kit/PageShell';
import StateView from '../../../../components/StateView';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { useAction } from '../../../../kit/useAction';
import { ApiError, call } from '../../../../services/api';
import { formatDateTimeCN } from '../../../../utils/date';
import { toast } from '../../../../utils/feedback';
import { fieldErrorsOf, lengthError, textLength } from '../../../../utils/form';
import { ROUTES, pageUrl, queryValue } from '../../../../utils/nav';
import { Field, FieldHead, revealField } from '../meeting-request/fields';
import { PersonState, RoleTags } from '../people/kit';
import '../../../../pages/meeting/detail/kit.css';
import '../people/index.css';
import './index.css';

type Loaded =
  | { mode: 'create'; orgId: string; assignable: Role[]; mayCreate: boolean; county: boolean }
  | { mode: 'edit'; person: DirectoryPersonView };

type TextKey = 'name' | 'unit' | 'title' | 'login' | 'phone';
type Key = TextKey | 'roles' | 'unitHead';
type Errors = Partial<Record<Key, string>>;
const ORDER: readonly Key[] = ['name', 'unit', 'title', 'roles', 'phone', 'login'];
const fieldId = (k: Key) => `person-${k}`;

interface Form {
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
const INVITE_USE = '在小程序中扫码或输入邀请码绑定微信；电脑端打开绑定页面设置首次密码。';

function validate(f: Form, hadLogin: boolean, wasRoles: readonly Role[] = []): Errors {
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

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));

export default function PersonPage() {
  const { params } = useRouter();
  const id = queryValue(params, 'id');
  const orgParam = queryValue(params, 'orgId');
  const fetchPerson = useCallback(async (): Promise<Loaded> => {
    if (id) return { mode: 'edit', person: await call('people.get', { personId: id }) };
    const [list, me] = await Promise.all([call('people.list', orgParam ? { orgId: orgParam } : {}), orgParam ? call('account.me', {}) : Promise.resolve(null)]);
    // Art. 12 (issue #11): in a county the city's offices open only their own side's office accounts
    const county = Boolean(me && orgParam && me.org.id !== orgParam);
    return {
      mode: 'create',
      orgId: orgParam,
      assignable: county ? list.assignableRoles.filter((r) => OFFICES.includes(r)) : list.assignableRoles,
      mayCreate: list.allowedActions.includes('create'),
      county,
    };
  }, [id, orgParam]);
  const record = useRecordPage<Loaded>(fetchPerson, () => new ApiError('not_found', '人员不存在'));
  const { state } = record;
  // a new form after each save (the fields start from what the server answered)
  const [rev, setRev] = useState(0);
  const shown = (view: DirectoryPersonView) => {
    record.set({ mode: 'edit', person: view });
    setRev((n) => n + 1);
  };

  return (
    <PageShell className='person' title={id ? '人员信息' : '新增人员'}>
      <View className='page-container'>
        <LoadStates state={state} skeleton={[[40, 70], [100, 100, 100, 60]]} onRetry={() => void record.reload()} />
        {state.kind === 'ready' && state.value.mode === 'create' ? <CreateForm loaded={state.value} /> : null}
        {state.kind === 'ready' && state.value.mode === 'edit' ? <EditPerson key={`${state.value.person.id}-${rev}`} person={state.value.person} onChanged={shown} /> : null}
      </View>
    </PageShell>
  );
}

/** A refusal as messages at the fields it names (`details`), else one sentence for the page. */
function refusalOf(error: ApiError): { at: Errors; rest: string | null } {
  const found = fieldErrorsOf(error.details);
  const at: Errors = {};
  for (const k of ORDER) if (found[k]) at[k] = found[k];
  return { at, rest: Object.keys(at).length > 0 ? null : error.message };
}

function reveal(found: Errors): void {
  const first = ORDER.find((k) => found[k]);
  if (first) revealField(fieldId(first));
}

/** What was found before sending, at its fields (the first brought into view): true when nothing. */
function passes(found: Errors, setErrors: (e: Errors) => void, setRefusal: (r: string | null) => void): boolean {
  setErrors(found);
  setRefusal(null);
  if (Object.keys(found).length === 0) return true;
  reveal(found);
  toast('请按提示修改后再保存');
  return false;
}

function CreateForm({ loaded }: { loaded: Extract<Loaded, { mode: 'create' }> }) {
  const [form, setForm] = useState<Form>({ name: '', unit: '', title: '', login: '', phone: '', roles: [], unitHead: false });
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  // nothing to re-read: a new person's page opens once saved
  const { busy, act } = useAction<'save'>();

  if (!loaded.mayCreate) {
    return <StateView kind='notice' title='无权新增人员' message='各方办公室维护本方人员，请联系本方办公室。' exits />;
  }

  const save = async () => {
    if (busy) return;
    if (!passes(validate(form, false), setErrors, setRefusal)) return;
    const made = await act(
      'save',
      (w) =>
        w('people.create', {
          ...(loaded.orgId ? { orgId: loaded.orgId } : {}),
          name: form.name.trim(),
          unit: form.unit.trim(),
          title: form.title.trim(),
          roles: form.roles,
          ...(form.login.trim() ? { login: form.login.trim() } : {}),
          ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
          ...(form.unitHead ? { unitHead: true } : {}),
        }),
      { refresh: false, done: '已新增人员', onError: (error) => showRefusal(error) },
    );
    // the new person's page, where the invite code is generated
    if (made) void Taro.redirectTo({ url: pageUrl(ROUTES.person, { id: made.id }) });
  };

  /** The refusal at its fields, or above the buttons: no toast. */
  const showRefusal = (error: ApiError) => {
    const { at, rest } = refusalOf(error);
    setErrors(at);
    setRefusal(rest);
    reveal(at);
    return true;
  };

  return (
    <View>
      <View className='card'>
        <View className='person__title' role='heading' aria-level={2}>
          新增人员
        </View>
        <Text className='person__hint'>
          {loaded.county
            ? '为下级联席会议开设本方办公室账号。保存后可生成邀请码，由本人绑定微信或设置首次密码。'
            : '保存后可生成邀请码，由本人绑定微信或设置首次密码。'}
        </Text>
      </View>
      <PersonFields form={form} errors={errors} assignable={loaded.assignable} editFields editRoles disabled={busy !== null} onChange={(f, k) => {
        setForm(f);
        if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
      }} />
      <Refusal text={refusal} />
      <View className='person__buttons'>
        <Btn kind='primary' block busy={busy === 'save'} busyText='保存中…' onClick={() => void save()}>
          保存
        </Btn>
      </View>
    </View>
  );
}

type Act = 'save' | 'deactivate' | 'invite';

function EditPerson({ person, onChanged }: { person: DirectoryPersonView; onChanged: (view: DirectoryPersonView) => void }) {
  const can = (a: string) => person.allowedActions.includes(a);
  const editFields = can('update');
  const editRoles = can('setRoles');
  const initial: Form = {
    name: person.name,
    unit: person.unit,
    title: person.title,
    login: person.login ?? '',
    phone: person.phone ?? '',
    roles: person.roles.map((r) => r.role),
    unitHead: person.unitHead,
  };
  const [form, setForm] = useState<Form>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [invite, setInvite] = useState<InviteView | null>(null);
  const [inviteError, setInviteError] = useState<string | null>(null);
  // each answer is the person as they are now (or the code): nothing is re-read
  const { busy, act } = useAction<Act>();
  // the roles offered: those I may give, and the person's own (shown even when I may not give them)
  const offered = [...person.assignableRoles, ...initial.roles.filter((r) => !person.assignableRoles.includes(r))];

  const save = async () => {
    if (busy) return;
    if (!passes(validate(form, Boolean(person.login), initial.roles), setErrors, setRefusal)) return;
    const changed: { name?: string; unit?: string; title?: string; login?: string; phone?: string | null; unitHead?: boolean } = {};
    for (const k of ['name', 'unit', 'title', 'login'] as const) {
      const v = form[k].trim();
      if (v && v !== (initial[k] ?? '').trim()) changed[k] = v;
    }
    const phone = form.phone.trim();
    if (phone !== initial.phone) changed.phone = phone || null;
    if (form.unitHead !== initial.unitHead) changed.unitHead = form.unitHead;
    const rolesChanged = editRoles && !sameRoles(form.roles, initial.roles);
    if (Object.keys(changed).length === 0 && !rolesChanged) {
      toast('没有要修改的内容');
      return;
    }
    let latest: DirectoryPersonView | null = null;
    await act(
      'save',
      async (w) => {
        if (editFields && Object.keys(changed).length > 0) latest = await w('people.update', { personId: person.id, ...changed });
        // a new role set ends the person's sessions at once (the server's session epoch)
        if (rolesChanged) latest = await w('people.setRoles', { personId: person.id, roles: form.roles });
        return latest;
      },
      {
        apply: (view) => view && onChanged(view),
        done: rolesChanged ? '已保存，原登录已失效' : '已保存',
        onError: (error) => {
          const { at, rest } = refusalOf(error);
          setErrors(at);
          setRefusal(latest ? `信息已保存，但角色未能调整：${rest ?? at.roles ?? ''}` : rest);
          reveal(at);
          return true;
        },
      },
    );
  };

  const deactivate = () =>
    act(
      'deactivate',
      (w) => {
        setDialogError(null);
        return w('people.deactivate', { personId: person.id });
      },
      {
        apply: (view) => {
          setConfirming(false);
          onChanged(view);
        },
        done: '已停用',
        onError: (error) => (setDialogError(error.message), true),
      },
    );

  const makeInvite = () =>
    act(
      'invite',
      (w) => {
        setInviteError(null);
        return w('people.inviteCode', { personId: person.id });
      },
      { apply: setInvite, onError: (error) => (setInviteError(error.message), true) },
    );

  const post = [person.unit, person.title].filter(Boolean).join(' · ');
  const mayInvite = can('inviteCode') && person.active;
  return (
    <View>
      <View className='card person__who'>
        <View className='person__who-top'>
          <View className='person__title' role='heading' aria-level={2}>
            {person.name}
          </View>
          <Text className='person__side'>{person.sideLabel}</Text>
          <PersonState person={person} />
        </View>
        {post ? <Text className='person__post'>{post}</Text> : null}
        <RoleTags roles={person.roles} />
        <Text className='person__facts'>
          {`登录名：${person.login ?? '未设置'}　登录密码：${person.hasPassword ? '已设置' : '未设置'}`}
        </Text>
      </View>

      {!person.active ? (
        <View className='notice notice--warn' role='status'>
          <Text className='notice__text'>该人员已停用：不能登录或使用小程序，原有邀请码已作废。</Text>
        </View>
      ) : null}

      {mayInvite || invite ? (
        <View className='card person__invite'>
          <View className='card__head'>
            <Text className='card__title'>邀请码</Text>
          </View>
          {invite ? <InviteCard invite={invite} /> : <Text className='person__hint'>生成邀请码交给本人，用于绑定微信或设置首次密码。邀请码一次有效，7 天内使用。</Text>}
          {inviteError ? (
            <View className='notice notice--error person__invite-error' role='alert'>
              <Text className='notice__text'>{inviteError}</Text>
            </View>
          ) : null}
          {mayInvite ? (
            <View className='person__invite-buttons'>
              <Btn kind={invite ? 'outline' : 'primary'} busy={busy === 'invite'} busyText='生成中…' disabled={busy !== null} onClick={() => void makeInvite()}>
                {invite ? '重新生成邀请码' : '生成邀请码'}
              </Btn>
              {invite ? <Text className='person__hint person__hint--inline'>重新生成后，之前的邀请码作废。</Text> : null}
            </View>
          ) : null}
        </View>
      ) : null}

      <PersonFields
        form={form}
        errors={errors}
        assignable={offered}
        allowed={person.assignableRoles}
        editFields={editFields && person.active}
        editRoles={editRoles && person.active}
        disabled={busy !== null}
        onChange={(f, k) => {
          setForm(f);
          if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
        }}
      />

      <Refusal text={refusal} />

      {(editFields || editRoles) && person.active ? (
        <View className='person__buttons'>
          <Btn kind='primary' block busy={busy === 'save'} busyText='保存中…' disabled={busy !== null} onClick={() => void save()}>
            保存修改
          </Btn>
        </View>
      ) : null}
      {can('deactivate') && person.active ? (
        <View className='person__buttons'>
          <Btn block disabled={busy !== null} onClick={() => {
            setDialogError(null);
            setConfirming(true);
          }}>
            停用
          </Btn>
        </View>
      ) : null}

      {confirming ? (
        <Dialog
          title={`停用「${person.name}」？`}
          subtitle='停用后，此人立即不能登录或使用小程序，未使用的邀请码作废。停用不能在此撤销。'
          confirmText='确认停用'
          busy={busy === 'deactivate'}
          error={dialogError}
          onConfirm={() => void deactivate()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </View>
  );
}

/** The code in two groups of five, the QR, the expiry and how the person uses it. */
function InviteCard({ invite }: { invite: InviteView }) {
  const spaced = `${invite.code.slice(0, 5)} ${invite.code.slice(5)}`;
  const copy = () => {
    void Taro.setClipboardData({ data: invite.code }).then(
      () => toast('邀请码已复制', 'success'),
      () => toast('复制失败，请手动抄写邀请码'),
    );
  };
  return (
    <View className='person__code'>
      <Text className='person__code-label'>邀请码</Text>
      <Text className='person__code-value' aria-label={`邀请码 ${invite.code.split('').join(' ')}`}>
        {spaced}
      </Text>
      <Image className='person__qr' src={invite.qr} ariaLabel='邀请二维码' />
      <Text className='person__code-expiry'>有效期至 {formatDateTimeCN(invite.expiresAt)}，一次有效</Text>
      <Text className='person__code-use'>{INVITE_USE}</Text>
      <Btn small kind='outline' onClick={copy}>
        复制邀请码
      </Btn>
    </View>
  );
}

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

function PersonFields({ form, errors, assignable, allowed, editFields, editRoles, disabled, onChange }: FieldsProps) {
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
