// Home: who I am, my org, and what is waiting for me. One cloud call renders the whole screen.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HomeView } from '../../../domain/schemas/account';
import Btn from '../../components/Btn';
import Skeleton from '../../components/Skeleton';
import StateView from '../../components/StateView';
import { ApiError, call, toApiError } from '../../services/api';
import { UNBOUND_MESSAGE } from '../../utils/auth';
import { formatDateTimeCN } from '../../utils/date';
import { ROUTES, pageUrl } from '../../utils/nav';
import { statusTagClass } from '../../utils/topic';
import './index.css';

type HomeItem = HomeView['topics'][number];

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; home: HomeView }
  | { kind: 'error'; error: ApiError }
  | { kind: 'unbound' };

/** How many items each section shows; the counts tell the rest. */
const SECTION_LIMIT = 5;

export default function Home() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  // Answers to an older request (a retry or refresh overtaken by another) are dropped.
  const seq = useRef(0);
  const shown = useRef(false);

  const load = useCallback(async (): Promise<void> => {
    const mine = ++seq.current;
    try {
      const home = await call('account.home', {});
      if (mine !== seq.current) return;
      shown.current = true;
      setState({ kind: 'ready', home });
    } catch (e) {
      if (mine !== seq.current) return;
      const error = toApiError(e);
      if (error.code === 'unauthenticated') {
        if (process.env.TARO_ENV === 'h5') {
          void Taro.redirectTo({ url: ROUTES.login });
          return;
        }
        setState({ kind: 'unbound' });
        return;
      }
      if (shown.current) {
        // A failed refresh keeps what is on screen and says why in a toast.
        void Taro.showToast({ title: error.message, icon: 'none' });
        return;
      }
      setState({ kind: 'error', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Back from another page (a topic submitted, a message read): refresh the counts quietly.
  useDidShow(() => {
    if (shown.current) void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    void load();
  }, [load]);

  return (
    <View className='home'>
      <View className='page-container'>{renderBody(state, retry)}</View>
    </View>
  );
}

function renderBody(state: State, retry: () => void) {
  switch (state.kind) {
    case 'loading':
      return <HomeSkeleton />;
    case 'error':
      return <StateView kind='error' title='加载失败' message={state.error.message} actionText='重试' onAction={retry} />;
    case 'unbound':
      return <StateView kind='notice' title='尚未绑定账号' message={UNBOUND_MESSAGE} actionText='重试' onAction={retry} />;
    case 'ready':
      return <HomeContent home={state.home} />;
  }
}

function HomeSkeleton() {
  return (
    <View className='home__skeleton'>
      <Text className='sr-only'>加载中…</Text>
      <Skeleton block lines={[50, 80]} />
      <Skeleton lines={[100]} />
      <Skeleton lines={[40, 90, 70]} />
    </View>
  );
}

function HomeContent({ home }: { home: HomeView }) {
  const { person, org, counts } = home;
  const post = [person.unit, person.title].filter(Boolean).join(' · ');
  const can = (action: string) => home.allowedActions.includes(action);
  // The meeting the office screens and confirms for: the one collecting topics, else the next one.
  const listMeeting = home.collectingMeetings[0] ?? home.nextMeeting ?? null;
  const listQuery = listMeeting ? { meetingId: listMeeting.id, meetingTitle: listMeeting.title } : {};
  return (
    <View>
      <View className='profile'>
        <View className='profile__org'>
          <Text className='profile__org-name'>{org.name}</Text>
          <Text className='profile__org-level'>{org.level === 'city' ? '市级' : '旗县区'}联席会议</Text>
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

      {home.collectingMeetings.map((m) => (
        <View key={m.id} className='card collect'>
          <View className='card__head'>
            <Text className='card__title'>议题征集</Text>
            <Text className='tag'>征集中</Text>
          </View>
          <Text className='collect__title'>{m.title}</Text>
          <Text className='collect__date'>计划召开：{formatDateTimeCN(m.plannedAt)}</Text>
          {can('submitTopic') ? (
            <View className='collect__action'>
              <Text className='collect__hint'>议题须经深入调研、广泛论证</Text>
              <Btn kind='primary' small onClick={() => go(ROUTES.submit, { meetingId: m.id, meetingTitle: m.title })}>
                提交议题
              </Btn>
            </View>
          ) : null}
        </View>
      ))}

      <View className='tiles'>
        <CountTile label='我的议题' count={counts.topics} onTap={() => go(ROUTES.mine)} />
        <CountTile label='会议邀请' count={counts.invitations} />
        <CountTile label='待办任务' count={counts.tasks} />
      </View>

      <View className='card entries'>
        <Entry mark='信' title='消息通知' desc='议题进展、会议通知等消息' badge={counts.unread} onTap={() => go(ROUTES.inbox)} />
        {can('screenTopics') ? (
          <Entry
            mark='审'
            title='议题审核'
            desc={counts.queue ? `${counts.queue} 个议题待审核` : '暂无待审核的议题'}
            badge={counts.queue ?? 0}
            onTap={() => go(ROUTES.queue, listQuery)}
          />
        ) : null}
        {can('confirmList') && listMeeting ? (
          <Entry mark='确' title='议题清单确认' desc='双方确认后议题清单确定' onTap={() => go(ROUTES.confirm, listQuery)} />
        ) : null}
      </View>

      <View className='card'>
        <View className='card__head'>
          <Text className='card__title'>下次会议</Text>
        </View>
        {home.nextMeeting ? (
          <View className='meeting'>
            <Text className='meeting__title'>{home.nextMeeting.title}</Text>
            <View className='meeting__meta'>
              <Text className='meeting__date'>{formatDateTimeCN(home.nextMeeting.plannedAt)}</Text>
              <Text className='tag'>{home.nextMeeting.statusLabel}</Text>
            </View>
          </View>
        ) : (
          <StateView kind='empty' compact title='暂无已安排的会议' />
        )}
      </View>

      <ItemSection
        title='我的议题'
        items={home.topics}
        total={counts.topics}
        empty='暂无议题'
        onMore={() => go(ROUTES.mine)}
        onItem={(id) => go(ROUTES.detail, { id })}
      />
      <ItemSection title='会议邀请' items={home.invitations} total={counts.invitations} empty='暂无会议邀请' />
      <ItemSection title='待办任务' items={home.tasks} total={counts.tasks} empty='暂无待办任务' />
    </View>
  );
}

function go(path: string, query: Record<string, string | undefined> = {}): void {
  void Taro.navigateTo({ url: pageUrl(path, query) });
}

function Entry({ mark, title, desc, badge, onTap }: { mark: string; title: string; desc: string; badge?: number; onTap: () => void }) {
  return (
    <View className='entry' hoverClass='entry--hover' onClick={onTap}>
      <Text className='entry__mark'>{mark}</Text>
      <View className='entry__main'>
        <Text className='entry__title'>{title}</Text>
        <Text className='entry__desc'>{desc}</Text>
      </View>
      {badge ? <Text className='entry__badge'>{badge > 99 ? '99+' : badge}</Text> : null}
      <Text className='entry__go'>›</Text>
    </View>
  );
}

function CountTile({ label, count, onTap }: { label: string; count: number; onTap?: () => void }) {
  return (
    <View className='tile' hoverClass={onTap ? 'tile--hover' : 'none'} onClick={onTap}>
      <Text className={count > 0 ? 'tile__count tile__count--active' : 'tile__count'}>{count}</Text>
      <Text className='tile__label'>{label}</Text>
    </View>
  );
}

interface ItemSectionProps {
  title: string;
  items: HomeItem[];
  total: number;
  empty: string;
  /** the section's own page, if it has one */
  onMore?: () => void;
  onItem?: (id: string) => void;
}

function ItemSection({ title, items, total, empty, onMore, onItem }: ItemSectionProps) {
  const shown = items.slice(0, SECTION_LIMIT);
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>{title}</Text>
        {onMore ? (
          <Text className='card__more card__more--link' onClick={onMore}>
            {total > 0 ? `全部 ${total} 项 ›` : '查看 ›'}
          </Text>
        ) : total > shown.length ? (
          <Text className='card__more'>共 {total} 项</Text>
        ) : null}
      </View>
      {shown.length === 0 ? (
        <StateView kind='empty' compact title={empty} />
      ) : (
        shown.map((item) => (
          <View key={item.id} className='item' hoverClass={onItem ? 'item--hover' : 'none'} onClick={onItem ? () => onItem(item.id) : undefined}>
            <Text className='item__title'>{item.title}</Text>
            <Text className={onItem ? statusTagClass(item.status) : 'tag'}>{item.statusLabel}</Text>
          </View>
        ))
      )}
    </View>
  );
}
