// Signing in (issue #11 "Signing in at a desk"): H5 only — a 登录名 and 密码 → account.signIn → the
// session → home; five wrong passwords in a row lock the login for 15 minutes (the server says
// until when). A first password is set with the office's invite code (the binding page).
// Below the form, on a development host only: pick a demo person (the local host serves
// /api/dev/users on loopback only). In WeChat the caller is identified by OPENID.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PEOPLE_LIMITS } from '../../../domain/people-rules';
import { ROLE_INFO, isRole } from '../../../domain/roles';
import Btn from '../../components/Btn';
import PageShell from '../../components/PageShell';
import StateView from '../../components/StateView';
import Tap from '../../components/Tap';
import { useAction } from '../../kit/useAction';
import { type ApiError, type DevUser, devSignIn, listDevUsers, setSessionToken, toApiError } from '../../services/api';
import { ROUTES, openPage } from '../../utils/nav';
import { rememberOfficeContext } from '../../utils/office';
import { AccountField, type FieldErrors, revealFirst } from '../account/fields';
import '../account/fields.css';
import './index.css';

const HOME_URL = '/pages/index/index';
const CITY_ORG_ID = 'city';

export default function Login() {
  if (process.env.TARO_ENV !== 'h5') return <WeappNotice />;
  return (
    <PageShell title='登录' className='login'>
      <View className='page-container login__page'>
        <PasswordSignIn />
        <DevLogin />
      </View>
    </PageShell>
  );
}

function WeappNotice() {
  return (
    <PageShell title='登录' className='login'>
      <View className='page-container'>
        <StateView kind='notice' title='请在微信中打开' message='在微信中打开小程序时，系统按您的微信身份识别账号；尚未绑定的，请使用办公室发放的邀请码绑定。' actionText='绑定账号' onAction={() => openPage(ROUTES.bind)} />
      </View>
    </PageShell>
  );
}

type SignInKey = 'login' | 'password';
const SIGN_IN_ORDER: readonly SignInKey[] = ['login', 'password'];
const signInId = (k: SignInKey) => `signin-${k}`;

/** The desk sign-in: 登录名 and 密码; the server's refusal (wrong, locked) above the button. */
function PasswordSignIn() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<SignInKey>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  // a refusal here is 登录名或密码不正确 (unauthenticated): shown above the button, never the kit's
  // leave-for-sign-in, so the write goes through the kit's run, not act
  const { busy, run, write } = useAction<'signIn'>();

  const submit = () =>
    run('signIn', async () => {
      const found: FieldErrors<SignInKey> = {};
      if (!login.trim()) found.login = '请填写登录名';
      if (!password) found.password = '请填写密码';
      setErrors(found);
      setRefusal(null);
      if (Object.keys(found).length > 0) {
        revealFirst(SIGN_IN_ORDER, found, signInId);
        return;
      }
      try {
        const session = await write('account.signIn', { login: login.trim(), password });
        setSessionToken(session.token);
        rememberOfficeContext(null);
        await Taro.reLaunch({ url: HOME_URL });
      } catch (e) {
        // 登录名或密码不正确 (unauthenticated), or locked until a time (rate_limited)
        const error = toApiError(e);
        setRefusal(error.message);
        setPassword('');
      }
    });

  return (
    <View className='card login__form'>
      <View className='aform__title' role='heading' aria-level={2}>
        联席会议 · 登录
      </View>
      <Text className='aform__intro'>办公室人员在电脑端使用登录名和密码登录。</Text>
      <View className='login__fields'>
        <AccountField
          id={signInId('login')}
          label='登录名'
          value={login}
          maxlength={PEOPLE_LIMITS.login.max}
          placeholder='请输入登录名'
          error={errors.login}
          disabled={busy !== null}
          onInput={(v) => {
            setLogin(v);
            if (errors.login) setErrors((e) => ({ ...e, login: undefined }));
          }}
        />
        <AccountField
          id={signInId('password')}
          label='密码'
          password
          value={password}
          maxlength={PEOPLE_LIMITS.password.max}
          placeholder='请输入密码'
          error={errors.password}
          disabled={busy !== null}
          onInput={(v) => {
            setPassword(v);
            if (errors.password) setErrors((e) => ({ ...e, password: undefined }));
          }}
          onConfirm={() => void submit()}
        />
      </View>
      {refusal ? (
        <View className='login__error login__refusal' role='alert'>
          <Text>{refusal}</Text>
        </View>
      ) : null}
      <View className='aform__buttons'>
        <Btn kind='primary' block busy={busy === 'signIn'} busyText='登录中…' onClick={() => void submit()}>
          登录
        </Btn>
      </View>
      <Tap role='link' className='login__link' hoverClass='login__link--hover' onTap={() => openPage(ROUTES.bind)}>
        <Text>首次登录？使用邀请码设置密码 ›</Text>
      </Tap>
    </View>
  );
}

type ListState = { kind: 'loading' } | { kind: 'ready'; users: DevUser[] } | { kind: 'error'; error: ApiError };

interface OrgGroup {
  orgId: string;
  orgName: string;
  users: DevUser[];
}

/** People grouped by org, the city first, then the counties in the order the server lists them. */
function groupByOrg(users: DevUser[]): OrgGroup[] {
  const groups = new Map<string, OrgGroup>();
  for (const u of users) {
    const g = groups.get(u.orgId) ?? { orgId: u.orgId, orgName: u.orgName, users: [] };
    g.users.push(u);
    groups.set(u.orgId, g);
  }
  const list = [...groups.values()];
  return [...list.filter((g) => g.orgId === CITY_ORG_ID), ...list.filter((g) => g.orgId !== CITY_ORG_ID)];
}

function roleLabels(user: DevUser): string {
  return user.roles.map((r) => (isRole(r) ? ROLE_INFO[r].label : r)).join('、');
}

function DevLogin() {
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [signInError, setSignInError] = useState<string | null>(null);
  // One sign-in at a time: a second tap while the first is on its way does nothing.
  const { busy: signingKey, run } = useAction<string>();

  const load = useCallback(async () => {
    setList({ kind: 'loading' });
    try {
      setList({ kind: 'ready', users: await listDevUsers() });
    } catch (e) {
      setList({ kind: 'error', error: toApiError(e) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const signIn = (key: string) =>
    run(key, async () => {
      setSignInError(null);
      try {
        await devSignIn(key);
        await Taro.reLaunch({ url: HOME_URL });
      } catch (e) {
        setSignInError(toApiError(e).message);
      }
    });

  const groups = useMemo(() => (list.kind === 'ready' ? groupByOrg(list.users) : []), [list]);

  // A production host has no demo sign-in (its dev route answers 未启用): the section stays away.
  if (list.kind === 'error' && list.error.code !== 'network') return null;
  if (list.kind === 'ready' && list.users.length === 0) return null;

  return (
    <View className='login__demo'>
      <View className='login__intro'>
        <Text className='login__title'>演示登录</Text>
        <Text className='login__hint'>开发模式：选择一位演示人员登录</Text>
      </View>

      {signInError ? (
        <View className='login__error' role='alert'>
          <Text>{signInError}</Text>
        </View>
      ) : null}

      {list.kind === 'loading' ? <StateView kind='loading' /> : null}
      {list.kind === 'error' ? (
        <StateView kind='error' error={list.error} onRetry={() => void load()} exits={false} />
      ) : null}

      {groups.map((g) => (
        <View key={g.orgId} className='card login__group'>
          <View className='card__head'>
            <Text className='card__title'>{g.orgName}</Text>
            <Text className='card__more'>{g.users.length} 人</Text>
          </View>
          {g.users.map((u) => {
            const busy = signingKey === u.key;
            const disabled = signingKey !== null;
            const post = [u.unit, u.title].filter(Boolean).join(' · ');
            return (
              <Tap
                key={u.key}
                className={`person${disabled ? ' person--disabled' : ''}`}
                hoverClass='person--hover'
                disabled={disabled}
                onTap={() => void signIn(u.key)}
              >
                <View className='person__main'>
                  <Text className='person__name'>{u.name}</Text>
                  {post ? <Text className='person__post'>{post}</Text> : null}
                  <Text className='person__roles'>{roleLabels(u)}</Text>
                </View>
                <Text className={busy ? 'person__go person__go--busy' : 'person__go'}>{busy ? '登录中…' : '登录'}</Text>
              </Tap>
            );
          })}
        </View>
      ))}
    </View>
  );
}
