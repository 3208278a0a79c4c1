// Home: who I am, my org, and what is waiting for me. One cloud call renders the whole screen.
// Art. 11: my open tasks with their lights and countdowns, and for those who follow the whole
// checklist the 落实清单 entry with the org's overdue count; Art. 9: the minutes waiting for me.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HomeView } from '../../../domain/schemas/account';
import { availableEvents } from '../../../domain/workflow';
import { MINUTES_DRAFTERS, MINUTES_STATES, minutesWorkflow } from '../../../domain/workflows/minutes';
import Btn from '../../components/Btn';
import ElderSwitch from '../../components/ElderSwitch';
import PageShell from '../../components/PageShell';
import Skeleton from '../../components/Skeleton';
import StateView from '../../components/StateView';
import Tap from '../../components/Tap';
import { ApiError, call, toApiError } from '../../services/api';
import { UNBOUND_MESSAGE } from '../../utils/auth';
import { formatDateTimeCN } from '../../utils/date';
import { dismissElderSuggestion, setElder, shouldSuggestElder } from '../../utils/elder';
import { toast } from '../../utils/feedback';
import { ROUTES, openPage } from '../../utils/nav';
import { officeEntries, rememberOfficeContext } from '../../utils/office';
import { statusTagClass } from '../../utils/topic';
import { Countdown, Light, isLight } from '../task/mine/kit';
import '../task/mine/kit.css';
import Entries from './Entries';
import WorkQueue from './WorkQueue';
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
      rememberOffice(home);
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
        // A failed refresh keeps what is on screen and says why (a dialog in 长辈版).
        toast(error.message);
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
    <PageShell home className='home'>
      <View className='page-container'>{renderBody(state, retry)}</View>
    </PageShell>
  );
}

/** The office pages' side navigation links to the meeting home shows (utils/office.ts). */
function rememberOffice(home: HomeView): void {
  const allowed = officeEntries(home.allowedActions);
  const meeting = home.collectingMeetings[0] ?? home.nextMeeting ?? null;
  rememberOfficeContext(allowed.length > 0 && meeting ? { meetingId: meeting.id, meetingTitle: meeting.title, allowed } : null);
}

function renderBody(state: State, retry: () => void) {
  switch (state.kind) {
    case 'loading':
      return <HomeSkeleton />;
    case 'error':
      return <StateView kind='error' error={state.error} onRetry={retry} exits={false} />;
    case 'unbound':
      // issue #11: not a dead end — the office's invite code binds this WeChat account
      return <StateView kind='notice' title='尚未绑定账号' message={`${UNBOUND_MESSAGE}获取邀请码后绑定`} actionText='绑定账号' onAction={() => openPage(ROUTES.bind)} onRetry={retry} />;
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

function HomeContent({ home }: { home: HomeView }) {
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

function CountTile({ label, count, onTap }: { label: string; count: number; onTap: () => void }) {
  return (
    <Tap role='link' className='tile' hoverClass='tile--hover' onTap={onTap}>
      <Text className={count > 0 ? 'tile__count tile__count--active' : 'tile__count'}>{count}</Text>
      <Text className='tile__label'>{label}</Text>
    </Tap>
  );
}

interface ItemSectionProps {
  id: string;
  title: string;
  items: HomeItem[];
  total: number;
  empty: string;
  /** the section's own page, if it has one */
  onMore?: () => void;
  onItem?: (id: string) => void;
}

function ItemSection({ id, title, items, total, empty, onMore, onItem }: ItemSectionProps) {
  const shown = items.slice(0, SECTION_LIMIT);
  return (
    <View className='card' id={id}>
      <View className='card__head'>
        <Text className='card__title'>{title}</Text>
        {onMore ? (
          <Tap role='link' className='card__more card__more--link' hoverClass='card__more--hover' onTap={onMore}>
            <Text>{total > 0 ? `全部 ${total} 项` : '查看'}</Text>
            <Text aria-hidden='true'> ›</Text>
          </Tap>
        ) : total > shown.length ? (
          <Text className='card__more'>共 {total} 项</Text>
        ) : null}
      </View>
      {shown.length === 0 ? (
        <StateView kind='empty' compact title={empty} />
      ) : (
        shown.map((item) =>
          onItem ? (
            <Tap key={item.id} role='link' className='item item--link' hoverClass='item--hover' onTap={() => onItem(item.id)}>
              <Text className='item__title'>{item.title}</Text>
              <Text className={statusTagClass(item.status)}>{item.statusLabel}</Text>
            </Tap>
          ) : (
            <View key={item.id} className='item'>
              <Text className='item__title'>{item.title}</Text>
              <Text className='tag'>{item.statusLabel}</Text>
            </View>
          ),
        )
      )}
    </View>
  );
}

/** Art. 11: my open tasks, nearest deadline first, each with its light (dot and word) and countdown. */
function TaskSection({ items, total }: { items: HomeItem[]; total: number }) {
  const shown = items.slice(0, SECTION_LIMIT);
  return (
    <View className='card' id='home-tasks'>
      <View className='card__head'>
        <Text className='card__title'>我的任务</Text>
        <Tap role='link' className='card__more card__more--link' hoverClass='card__more--hover' onTap={() => openPage(ROUTES.taskMine)}>
          <Text>{total > 0 ? `全部 ${total} 项` : '查看'}</Text>
          <Text aria-hidden='true'> ›</Text>
        </Tap>
      </View>
      {shown.length === 0 ? (
        <StateView kind='empty' compact title='暂无待办任务' />
      ) : (
        shown.map((t) => (
          <Tap key={t.id} role='link' className='item item--link home-task' hoverClass='item--hover' onTap={() => openPage(ROUTES.taskDetail, { id: t.id })}>
            <Text className='home-task__title'>{t.title}</Text>
            <View className='home-task__state'>
              {isLight(t.status) ? <Light light={t.status} /> : null}
              <Countdown light={isLight(t.status) ? t.status : 'green'} text={t.statusLabel} />
            </View>
          </Tap>
        ))
      )}
    </View>
  );
}

/**
 * Art. 9: the stages whose next step is the drafting office's (draft, approved) open at its desk
 * (the editor); reviews are read on the phone. From the minutes workflow, not a list of our own.
 */
const EDITOR_STAGES: readonly string[] = MINUTES_STATES.filter((s) => availableEvents(minutesWorkflow, s, MINUTES_DRAFTERS).length > 0);

function MinutesSection({ items }: { items: HomeItem[] }) {
  return (
    <View className='card' id='home-minutes'>
      <View className='card__head'>
        <Text className='card__title'>会议纪要待办</Text>
        <Text className='card__more'>{items.length} 项</Text>
      </View>
      {items.slice(0, SECTION_LIMIT).map((m) => (
        <Tap
          key={m.id}
          role='link'
          className='item item--link'
          hoverClass='item--hover'
          onTap={() => openPage(EDITOR_STAGES.includes(m.status) ? ROUTES.minutesEditor : ROUTES.minutes, { meetingId: m.id })}
        >
          <Text className='item__title'>{m.title}</Text>
          <Text className='tag tag--submitted'>{m.statusLabel}</Text>
        </Tap>
      ))}
    </View>
  );
}
