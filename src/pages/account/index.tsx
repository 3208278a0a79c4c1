// 账号与安全 (issue #11): who I am (name, post, org, 登录名, phone, WeChat bound), 设置密码 / 修改密码
// (the current password asked only when I have one: people.get on my own id says `hasPassword`),
// and on H5 退出登录 — account.signOut ends every session of mine at once, then the token here is
// dropped and the sign-in page opens. A new password also ends my other sessions; this one goes on
// with the fresh token the server answers.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { PASSWORD_HINT, PEOPLE_LIMITS } from '../../../domain/people-rules';
import type { MeView } from '../../../domain/schemas/account';
import type { DirectoryPersonView } from '../../../domain/schemas/people';
import Btn from '../../components/Btn';
import PageShell, { LoadStates, Refusal } from '../../kit/PageShell';
import { useRecordPage } from '../../hooks/useRecordPage';
import { useAction } from '../../kit/useAction';
import { ApiError, call, setSessionToken, toApiError } from '../../services/api';
import { ROUTES } from '../../utils/nav';
import { rememberOfficeContext } from '../../utils/office';
import { AccountField, type FieldErrors, newPasswordProblems, refusalAtFields, revealFirst } from './fields';
import './fields.css';
import './index.css';

interface Mine {
  me: MeView;
  /** my directory entry; null when it could not be read (the password form then asks for the current one) */
  entry: DirectoryPersonView | null;
}

const missing = () => new ApiError('internal', '');

export default function Account() {
  const fetchMine = useCallback(async (): Promise<Mine> => {
    const me = await call('account.me', {});
    const entry = await call('people.get', { personId: me.person.id }).catch(() => null);
    return { me, entry };
  }, []);
  const page = useRecordPage<Mine>(fetchMine, missing);
  const { state } = page;
  return (
    <PageShell title='账号与安全' className='account'>
      <View className='page-container'>
        <LoadStates state={state} skeleton={[[60, 80], [100, 100]]} onRetry={() => void page.reload()} />
        {state.kind === 'ready' ? (
          <View>
            <Who mine={state.value} />
            <PasswordCard hasPassword={state.value.entry?.hasPassword ?? true} hasLogin={Boolean(state.value.entry?.login)} onDone={page.reload} />
            {process.env.TARO_ENV === 'h5' ? <SignOutCard /> : null}
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}

function Who({ mine }: { mine: Mine }) {
  const { person, org } = mine.me;
  const { entry } = mine;
  const post = [person.unit, person.title].filter(Boolean).join(' · ');
  const rows: Array<[string, string]> = [
    ['单位', `${org.name} · ${org.level === 'city' ? '市级' : '旗县区'}联席会议`],
    ['角色', person.roles.map((r) => r.label).join('、') || '—'],
  ];
  if (entry) {
    rows.push(['登录名', entry.login ?? '未设置（请联系办公室）']);
    rows.push(['手机号', entry.phone ?? '未登记']);
    rows.push(['微信', entry.bound ? '已绑定' : '未绑定']);
    rows.push(['登录密码', entry.hasPassword ? '已设置' : '未设置']);
  }
  return (
    <View className='card account__who'>
      <Text className='account__name'>{person.name}</Text>
      {post ? <Text className='account__post'>{post}</Text> : null}
      <View className='account__rows'>
        {rows.map(([k, v]) => (
          <View key={k} className='account__row'>
            <Text className='account__key'>{k}</Text>
            <Text className='account__value'>{v}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

type PwKey = 'current' | 'next' | 'confirm';
const PW_ORDER: readonly PwKey[] = ['current', 'next', 'confirm'];
const pwId = (k: PwKey) => `account-${k}`;

/** 设置密码 (none yet: no current one asked) or 修改密码; the server ends my other sessions. */
function PasswordCard({ hasPassword, hasLogin, onDone }: { hasPassword: boolean; hasLogin: boolean; onDone: (quiet?: boolean) => unknown }) {
  const [form, setForm] = useState<Record<PwKey, string>>({ current: '', next: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors<PwKey>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  // after a new password the page re-reads quietly (已设置)
  const { busy, act } = useAction<'save'>(onDone);
  const title = hasPassword ? '修改密码' : '设置密码';

  const edit = (k: PwKey) => (v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
  };

  const save = () => {
    if (busy) return;
    const found: FieldErrors<PwKey> = { ...newPasswordProblems(form.next, form.confirm) };
    if (hasPassword && !form.current) found.current = '请填写当前密码';
    setErrors(found);
    setRefusal(null);
    if (Object.keys(found).length > 0) return revealFirst(PW_ORDER, found, pwId);
    void act(
      'save',
      async (w) => {
        const answer = await w('account.changePassword', { next: form.next, ...(hasPassword ? { current: form.current } : {}) });
        // H5: the other sessions ended; this one continues under the new token
        if ('token' in answer) setSessionToken(answer.token);
        setForm({ current: '', next: '', confirm: '' });
        return answer;
      },
      {
        done: hasPassword ? '密码已修改' : '密码已设置',
        // the refusal at its field (or above the button), never only a toast
        onError: (error) => {
          const { at, rest } = refusalAtFields(error, PW_ORDER, { password: 'next' });
          setErrors(at);
          setRefusal(rest);
          revealFirst(PW_ORDER, at, pwId);
          return true;
        },
      },
    );
  };

  const saving = busy !== null;
  return (
    <View className='card account__password'>
      <View className='card__head'>
        <Text className='card__title'>{title}</Text>
      </View>
      <Text className='account__note'>
        {hasPassword ? '修改后，其他设备上的登录将全部失效。' : '设置密码后，可在电脑端用登录名和密码登录。'}
        {hasLogin ? '' : '您尚未设置登录名，请联系办公室设置后再用密码登录。'}
      </Text>
      {hasPassword ? (
        <AccountField
          id={pwId('current')}
          label='当前密码'
          password
          value={form.current}
          maxlength={PEOPLE_LIMITS.password.max}
          placeholder='请输入当前密码'
          error={errors.current}
          disabled={saving}
          onInput={edit('current')}
        />
      ) : null}
      <AccountField
        id={pwId('next')}
        label='新密码'
        password
        value={form.next}
        maxlength={PEOPLE_LIMITS.password.max}
        placeholder='至少 8 位，含字母和数字'
        hint={PASSWORD_HINT}
        error={errors.next}
        disabled={saving}
        onInput={edit('next')}
      />
      <AccountField
        id={pwId('confirm')}
        label='确认新密码'
        password
        value={form.confirm}
        maxlength={PEOPLE_LIMITS.password.max}
        placeholder='再次输入新密码'
        error={errors.confirm}
        disabled={saving}
        onInput={edit('confirm')}
        onConfirm={() => void save()}
      />
      <Refusal text={refusal} className='account__refusal' />
      <View className='aform__buttons'>
        <Btn kind='primary' block busy={busy === 'save'} busyText='保存中…' onClick={() => void save()}>
          {title}
        </Btn>
      </View>
    </View>
  );
}

/** H5: 退出登录 ends every session of mine on the server, then this browser's. */
function SignOutCard() {
  const { busy, act } = useAction<'out'>();
  const leave = () => {
    setSessionToken(null);
    rememberOfficeContext(null);
    void Taro.reLaunch({ url: ROUTES.login });
  };
  const signOut = () =>
    void act(
      'out',
      async (w) => {
        try {
          await w('account.signOut', {});
        } catch (e) {
          // already signed out (the token had ended): nothing left to end on the server
          if (toApiError(e).code !== 'unauthenticated') throw e;
        }
        leave();
      },
      { confirm: { title: '退出登录', content: '将退出您在所有设备上的登录，之后需重新登录。确定退出吗？', confirmText: '退出登录' }, refresh: false },
    );
  return (
    <View className='card account__out'>
      <View className='card__head'>
        <Text className='card__title'>退出登录</Text>
      </View>
      <Text className='account__note'>在公用电脑上使用后，请退出登录。退出后本人在所有设备上的登录都将失效。</Text>
      <View className='aform__buttons'>
        <Btn block busy={busy === 'out'} busyText='退出中…' onClick={signOut}>
          退出登录
        </Btn>
      </View>
    </View>
  );
}
