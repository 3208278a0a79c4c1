// 我的: who I am, 长辈版, 消息提醒 (issue #10, its own page), and (H5) sign out or, on the demo host, sign in as another person.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { MeView } from '../../../domain/schemas/account';
import Btn from '../../components/Btn';
import ElderSwitch from '../../components/ElderSwitch';
import PageShell from '../../components/PageShell';
import Skeleton from '../../components/Skeleton';
import StateView from '../../components/StateView';
import Tap from '../../components/Tap';
import { useRecordPage } from '../../hooks/useRecordPage';
import { ApiError, call, listDevUsers, setSessionToken } from '../../services/api';
import { ROUTES, openPage } from '../../utils/nav';
import { rememberOfficeContext } from '../../utils/office';
import './index.css';

const missing = () => new ApiError('internal', '');

export default function Settings() {
  const fetchMe = useCallback(() => call('account.me', {}), []);
  const page = useRecordPage<MeView>(fetchMe, missing);
  const { state } = page;
  return (
    <PageShell title='我的' className='settings'>
      <View className='page-container'>
        {state.kind === 'loading' ? (
          <View>
            <Text className='sr-only'>加载中…</Text>
            <Skeleton block lines={[60]} />
          </View>
        ) : null}
        {state.kind === 'error' ? <StateView kind='error' error={state.error} onRetry={() => void page.reload()} /> : null}
        {state.kind === 'ready' ? <Me me={state.value} /> : null}

        <View className='card settings__group'>
          <View className='card__head'>
            <Text className='card__title'>显示</Text>
          </View>
          <ElderSwitch />
        </View>

        <View className='card settings__group'>
          <View className='card__head'>
            <Text className='card__title'>消息提醒</Text>
          </View>
          <Tap role='link' className='settings__link' hoverClass='settings__link--hover' onTap={() => openPage(ROUTES.reminders)}>
            <View className='settings__link-main'>
              <Text className='settings__link-label'>消息提醒设置</Text>
              <Text className='settings__link-hint'>会议、任务等提醒能否送达，再订阅</Text>
            </View>
            <Text className='settings__link-go' aria-hidden='true'>
              ›
            </Text>
          </Tap>
        </View>

        <Account />
      </View>
    </PageShell>
  );
}

function Me({ me }: { me: MeView }) {
  const { person, org } = me;
  const post = [person.unit, person.title].filter(Boolean).join(' · ');
  return (
    <View className='card me'>
      <Text className='me__name'>{person.name}</Text>
      {post ? <Text className='me__post'>{post}</Text> : null}
      <Text className='me__org'>
        {org.name} · {org.level === 'city' ? '市级' : '旗县区'}联席会议
      </Text>
      {person.roles.length > 0 ? (
        <View className='me__roles'>
          {person.roles.map((r) => (
            <Text key={r.role} className='tag'>
              {r.label}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** H5: sign out, and switch person where the host offers demo sign-in. WeChat: nothing to sign out of. */
function Account() {
  const h5 = process.env.TARO_ENV === 'h5';
  // Demo sign-in exists only on a development host (loopback): ask it, offer 切换人员 if it answers.
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    if (!h5) return;
    let live = true;
    listDevUsers().then(
      (users) => live && setDemo(users.length > 0),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [h5]);

  if (!h5) {
    return (
      <View className='card settings__group'>
        <View className='card__head'>
          <Text className='card__title'>账号</Text>
        </View>
        <Text className='settings__note'>在微信中按您的微信身份识别账号，无需登录或退出。如需更换账号，请联系办公室。</Text>
      </View>
    );
  }

  const signOut = () => {
    void Taro.showModal({ title: '退出登录', content: '退出后需重新登录才能使用。确定退出吗？', confirmText: '退出登录', cancelText: '取消', confirmColor: '#b71c1c' }).then(
      (res) => {
        if (!res.confirm) return;
        setSessionToken(null);
        rememberOfficeContext(null);
        void Taro.reLaunch({ url: ROUTES.login });
      },
    );
  };

  return (
    <View className='card settings__group'>
      <View className='card__head'>
        <Text className='card__title'>账号</Text>
      </View>
      {demo ? <Text className='settings__note'>演示环境：可切换为其他演示人员登录。</Text> : null}
      <View className='settings__buttons'>
        {demo ? (
          <Btn kind='outline' block onClick={() => openPage(ROUTES.login)}>
            切换人员
          </Btn>
        ) : null}
        <Btn block onClick={signOut}>
          退出登录
        </Btn>
      </View>
    </View>
  );
}
