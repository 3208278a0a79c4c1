// Home's content: the work queue, who I am and my org, 长辈版, the meetings collecting topics, the
// count tiles and entries, then the next meeting and my sections (one column on a phone, two at a desk).
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { HomeView } from '../../../domain/schemas/account';
import Btn from '../../components/Btn';
import ElderSwitch from '../../components/ElderSwitch';
import StateView from '../../components/StateView';
import Tap from '../../components/Tap';
import { formatDateTimeCN } from '../../utils/date';
import { dismissElderSuggestion, setElder, shouldSuggestElder } from '../../utils/elder';
import { ROUTES, openPage } from '../../utils/nav';
import Entries from './Entries';
import { CountTile, ItemSection, MinutesSection, TaskSection } from './Sections';
import WorkQueue from './WorkQueue';

/** 长辈版 suggested once when the phone's font is large (WeChat's font scale ≥ 1.3); never closes by itself. */
function ElderSuggestion() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    setOpen(shouldSuggestElder());
  }, []);
  if (!open) return null;
  const answer = (on: boolean) => {
    if (on) setElder(true);
    else dismissElderSuggestion();
    setOpen(false);
  };
  return (
    <View className='card elder-tip' role='region' aria-label='长辈版建议'>
      <Text className='elder-tip__title'>要开启长辈版吗？</Text>
      <Text className='elder-tip__text'>您的字体设置较大。长辈版字更大、按钮更大，提示不会自动消失。以后也可在“我的”中开关。</Text>
      <View className='btn-row elder-tip__buttons'>
        <Btn onClick={() => answer(false)}>暂不开启</Btn>
        <Btn kind='primary' onClick={() => answer(true)}>
          开启长辈版
        </Btn>
      </View>
    </View>
  );
}

export default function HomeContent({ home }: { home: HomeView }) {
  const { person, org, counts } = home;
  const post = [person.unit, person.title].filter(Boolean).join(' · ');
  const can = (action: string) => home.allowedActions.includes(action);
  return (
    <View>
      <ElderSuggestion />
      <View className='home__grid'>
        <View className='home__col'>
          <WorkQueue work={home.work} />
          <View className='profile'>
            <View className='profile__org'>
              <View className='profile__org-main'>
                <Text className='profile__org-name'>{org.name}</Text>
                <Text className='profile__org-level'>{org.level === 'city' ? '市级' : '旗县区'}联席会议</Text>
              </View>
              <Tap role='link' className='profile__me' hoverClass='profile__me--hover' onTap={() => openPage(ROUTES.settings)}>
                <Text>我的</Text>
                <Text aria-hidden='true'> ›</Text>
              </Tap>
            </View>
            <Text className='profile__name'>{person.name}</Text>
            {post ? <Text className='profile__post'>{post}</Text> : null}
            {person.roles.length > 0 ? (
              <View className='profile__roles'>
                {person.roles.map((r) => (
                  <Text key={r.role} className='tag tag--light'>
                    {r.label}
                  </Text>
                ))}
              </View>
            ) : null}
            <View className='profile__sides'>
              <Text className='profile__side'>{org.govName}</Text>
              <Text className='profile__side-sep'>·</Text>
              <Text className='profile__side'>{org.unionName}</Text>
            </View>
            {org.parentName ? <Text className='profile__parent'>上级：{org.parentName}</Text> : null}
          </View>

          <View className='card home__elder'>
            <ElderSwitch />
          </View>

          {home.collectingMeetings.map((m) => (
            <View key={m.id} className='card collect'>
              <View className='card__head'>
                <Text className='card__title'>议题征集</Text>
                <Text className='tag'>征集中</Text>
              </View>
              <Text className='collect__title'>{m.title}</Text>
              <Text className='collect__date'>计划召开：{formatDateTimeCN(m.plannedAt)}</Text>
              {can('topic.submit') ? (
                <View className='collect__action'>
                  <Text className='collect__hint'>议题须经深入调研、广泛论证</Text>
                  <Btn kind='primary' small onClick={() => openPage(ROUTES.submit, { meetingId: m.id, meetingTitle: m.title })}>
                    提交议题
                  </Btn>
                </View>
              ) : null}
            </View>
          ))}

          <View className='tiles'>
            <CountTile label='我的议题' count={counts.topics} onTap={() => openPage(ROUTES.mine)} />
            <CountTile label='会议邀请' count={counts.invitations} onTap={() => openPage(ROUTES.meetingMine)} />
            <CountTile label='待办任务' count={counts.tasks} onTap={() => openPage(ROUTES.taskMine)} />
          </View>

          <Entries home={home} />
        </View>

        <View className='home__col'>
          <View className='card'>
            <View className='card__head'>
              <Text className='card__title'>下次会议</Text>
            </View>
            {home.nextMeeting ? (
              <Tap role='link' className='meeting' hoverClass='item--hover' onTap={() => openPage(ROUTES.meetingDetail, { id: home.nextMeeting?.id })}>
                <Text className='meeting__title'>{home.nextMeeting.title}</Text>
                <View className='meeting__meta'>
                  <Text className='meeting__date'>{formatDateTimeCN(home.nextMeeting.plannedAt)}</Text>
                  <Text className='tag'>{home.nextMeeting.statusLabel}</Text>
                </View>
              </Tap>
            ) : (
              <StateView kind='empty' compact title='暂无已安排的会议' />
            )}
          </View>

          {home.minutes.length > 0 ? <MinutesSection items={home.minutes} /> : null}

          <ItemSection
            id='home-topics'
            title='我的议题'
            items={home.topics}
            total={counts.topics}
            empty='暂无议题'
            onMore={() => openPage(ROUTES.mine)}
            onItem={(id) => openPage(ROUTES.detail, { id })}
          />
          <ItemSection
            id='home-invitations'
            title='会议邀请'
            items={home.invitations}
            total={counts.invitations}
            empty='暂无会议邀请'
            onMore={() => openPage(ROUTES.meetingMine)}
            onItem={(id) => openPage(ROUTES.meetingDetail, { id })}
          />
          <TaskSection items={home.tasks} total={counts.tasks} />
        </View>
      </View>
    </View>
  );
}
