// 我的: who I am, 长辈版, 消息提醒 (issue #10, its own page), 账号与安全 (issue #11: password, sign-out
// that ends the session on the server) and, on the demo host, signing in as another person.
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { MeView } from '../../../domain/schemas/account';
import Btn from '../../components/Btn';
import ElderSwitch from '../../components/ElderSwitch';
import MeetingsLink from '../../components/MeetingsLink';
import PageShell from '../../components/PageShell';
import { LoadStates } from '../../kit/PageShell';
import Tap from '../../components/Tap';
import { useRecordPage } from '../../hooks/useRecordPage';
import { ApiError, call, listDevUsers } from '../../services/api';
import { ROUTES, openPage } from '../../utils/nav';
import './index.css';

const missing = () => new ApiError('internal', '');

export default function Settings() {
  const fetchMe = useCallback(() => call('account.me', {}), []);
  const page = useRecordPage<MeView>(fetchMe, missing);
  const { state } = page;
  return (
    <PageShell title='我的' className='settings'>
      <View className='page-container'>
        <LoadStates state={state} skeleton={[[60]]} onRetry={() => void page.reload()} />
        {state.kind === 'ready' ? <Me me={state.value} /> : null}
        {state.kind === 'ready' ? <MeetingsLink roles={state.value.person.roles} /> : null}

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

  // 账号与安全 (issue #11): who I am, the desk password, and a sign-out that ends the session on the
  // server too (account.signOut), on every platform
  return (
    <View className='card settings__group'>
      <View className='card__head'>
        <Text className='card__title'>账号</Text>
      </View>
      <Tap role='link' className='settings__link' hoverClass='settings__link--hover' onTap={() => openPage(ROUTES.account)}>
        <View className='settings__link-main'>
          <Text className='settings__link-label'>账号与安全</Text>
          <Text className='settings__link-hint'>{h5 ? '登录密码、退出登录' : '微信绑定、电脑端登录密码'}</Text>
        </View>
        <Text className='settings__link-go' aria-hidden='true'>
          ›
        </Text>
      </Tap>
      {demo ? <Text className='settings__note'>演示环境：可切换为其他演示人员登录。</Text> : null}
      {demo ? (
        <View className='settings__buttons'>
          <Btn kind='outline' block onClick={() => openPage(ROUTES.login)}>
            切换人员
          </Btn>
        </View>
      ) : null}
    </View>
  );
}
