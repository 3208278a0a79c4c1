// Development sign-in for the H5 build: pick a demo person, get a session, go home.
// The local host serves /api/dev/users on loopback only; in WeChat the caller is identified by OPENID.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ROLE_INFO, isRole } from '../../../domain/roles';
import PageShell from '../../components/PageShell';
import StateView from '../../components/StateView';
import Tap from '../../components/Tap';
import { type ApiError, type DevUser, devSignIn, listDevUsers, toApiError } from '../../services/api';
import './index.css';

const HOME_URL = '/pages/index/index';
const CITY_ORG_ID = 'city';

export default function Login() {
  if (process.env.TARO_ENV !== 'h5') return <WeappNotice />;
  return <DevLogin />;
}

function WeappNotice() {
  return (
    <PageShell title='登录' className='login'>
      <View className='page-container'>
        <StateView kind='notice' title='请在微信中打开' message='演示登录仅用于浏览器开发模式。在微信中打开小程序时，系统按您的微信身份识别账号。' />
      </View>
    </PageShell>
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
  const [signingKey, setSigningKey] = useState<string | null>(null);
  const [signInError, setSignInError] = useState<string | null>(null);
  // The ref closes the gap between two taps that land before React re-renders.
  const signing = useRef(false);

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

  const signIn = useCallback(async (key: string) => {
    // One sign-in at a time: a second tap while the first is on its way does nothing.
    if (signing.current) return;
    signing.current = true;
    setSigningKey(key);
    setSignInError(null);
    try {
      await devSignIn(key);
      await Taro.reLaunch({ url: HOME_URL });
    } catch (e) {
      setSignInError(toApiError(e).message);
      setSigningKey(null);
      signing.current = false;
    }
  }, []);

  const groups = useMemo(() => (list.kind === 'ready' ? groupByOrg(list.users) : []), [list]);

  return (
    <PageShell title='演示登录' className='login'>
      <View className='page-container'>
        <View className='login__intro'>
          <Text className='login__title'>联席会议 · 演示登录</Text>
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
        {list.kind === 'ready' && groups.length === 0 ? (
          <StateView kind='empty' title='暂无演示人员' message='请先运行 npm start 生成演示数据' />
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
    </PageShell>
  );
}
