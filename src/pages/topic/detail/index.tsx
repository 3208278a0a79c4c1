// One topic: every field, its status and timeline, the office's answer, the other side's opinions
// (征求意见), and the buttons the server allows this caller (allowedActions) — nothing else. Issue
// #16: where the opinion round stands (已提 / 无意见（由X办公室登记） / 待提意见), and the 无意见 button
// for the office of the side asked.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import Btn from '../../../components/Btn';
import OfficeAnswer from '../../../components/OfficeAnswer';
import Chain from './Chain';
import PageShell from '../../../kit/PageShell';
import StateView from '../../../components/StateView';
import { ACTION_LABEL, type TopicAction, isTopicAction, useTopicActions } from '../../../hooks/useTopicActions';
import { useRecordPage } from '../../../hooks/useRecordPage';
import { useAction } from '../../../kit/useAction';
import { ApiError, call } from '../../../services/api';
import { formatDateTimeShortCN } from '../../../utils/date';
import { ROUTES, pageUrl, queryValue } from '../../../utils/nav';
import { statusTagClass } from '../../../utils/topic';
import './index.css';

/** Bar buttons, in this order; 发表意见 lives in the opinions section. */
const BAR_ORDER: TopicAction[] = ['accept', 'return', 'merge', 'update', 'resubmit', 'withdraw'];
const PRIMARY: TopicAction[] = ['accept', 'resubmit'];

export default function TopicDetail() {
  const { params } = useRouter();
  const id = queryValue(params, 'id');
  const fetchTopic = useCallback(() => call('topic.get', { id }), [id]);
  const record = useRecordPage(id ? fetchTopic : null, missingId);
  const { state } = record;
  const load = record.reload;

  const actions = useTopicActions(
    () => void load(true),
    () => void load(true),
  );
  const { busy: recording, act } = useAction<'noOpinion'>(load);
  /** Issue #16: the office of the side asked records that the side has no opinion (one tap). */
  const noOpinion = (topicId: string) => act('noOpinion', (w) => w('topic.noOpinion', { topicId }), { done: '已登记无意见' });

  if (state.kind !== 'ready') {
    // Says what happened (无权查看 / 内容不存在 / 网络异常) and offers the ways out, not only 重试.
    return <PageShell className='detail' state={state} skeleton={[[90, 60], [100, 100, 70], [40, 80]]} onRetry={() => void load()} />;
  }

  const topic = state.value;
  const allowed = topic.allowedActions.filter(isTopicAction);
  const bar = BAR_ORDER.filter((a) => allowed.includes(a));

  return (
    <PageShell className='detail'>
      <View className={bar.length ? 'page-container page--with-bar' : 'page-container'}>
        <View className='card detail-head'>
          <View className='detail-head__tags'>
            <Text className={statusTagClass(topic.status)}>{topic.statusLabel}</Text>
            <Text className='tag tag--plain'>{topic.categoryLabel}</Text>
          </View>
          <Text className='detail-head__title'>{topic.title}</Text>
          <View className='facts'>
            <Fact label='会议' value={topic.meetingTitle} />
            <Fact label='提出方' value={topic.sideLabel} />
            <Fact label='提出人' value={[topic.proposer.name, topic.proposer.unit].filter(Boolean).join(' · ')} />
            <Fact label='审核单位' value={topic.routedToLabel} />
            <Fact label='提交时间' value={formatDateTimeShortCN(topic.createdAt)} />
            {topic.updatedAt !== topic.createdAt ? <Fact label='最近更新' value={formatDateTimeShortCN(topic.updatedAt)} /> : null}
          </View>
          <OfficeAnswer topic={topic} />
        </View>

        <View className='card'>
          <Section title='背景情况' text={topic.background} />
          <Section title='调研论证' text={topic.research} />
          <Section title='建议与请求' text={topic.request} />
        </View>

        <Chain topic={topic} />

        <View className='card'>
          <View className='card__head'>
            <Text className='card__title'>办理进程</Text>
          </View>
          {topic.timeline.length === 0 ? (
            <StateView kind='empty' compact title='暂无办理记录' />
          ) : (
            <View className='timeline'>
              {[...topic.timeline].reverse().map((t, i) => (
                <View key={`${t.at}-${i}`} className={i === 0 ? 'timeline__item timeline__item--latest' : 'timeline__item'}>
                  <View className='timeline__dot' />
                  <View className='timeline__body'>
                    <View className='timeline__row'>
                      {/* The latest step is marked in words and a calm colour: a step is news, not an alarm. */}
                      <Text className='timeline__label'>
                        {t.label}
                        {i === 0 ? <Text className='timeline__latest'>最新</Text> : null}
                      </Text>
                      <Text className='timeline__time'>{formatDateTimeShortCN(t.at)}</Text>
                    </View>
                    <Text className='timeline__by'>{t.byName}</Text>
                    {t.note ? <Text className='timeline__note'>{t.note}</Text> : null}
                  </View>
                </View>
              ))}
            </View>
          )}
        </View>

        <View className='card'>
          <View className='card__head'>
            <Text className='card__title'>征求意见</Text>
            {topic.opinions.length > 0 ? <Text className='card__more'>{topic.opinions.length} 条</Text> : null}
          </View>
          <Text className='opinions__hint'>议题清单确定前，征求{topic.opinionSideLabel}意见（提出意见，或由其办公室登记“无意见”）</Text>
          {topic.status === 'accepted' ? <Text className='opinions__state'>意见：{topic.opinionStateLabel}</Text> : null}
          {topic.opinions.length === 0 ? (
            topic.opinionState === 'none' ? null : <StateView kind='empty' compact title='暂无意见' />
          ) : (
            topic.opinions.map((o, i) => (
              <View key={`${o.at}-${i}`} className='opinion'>
                <View className='opinion__head'>
                  <Text className='tag tag--plain'>{o.sideLabel}</Text>
                  <Text className='opinion__who'>
                    {o.byName}
                    {o.byUnit ? ` · ${o.byUnit}` : ''}
                  </Text>
                </View>
                <Text className='opinion__text'>{o.text}</Text>
                <Text className='opinion__time'>{formatDateTimeShortCN(o.at)}</Text>
              </View>
            ))
          )}
          {allowed.includes('addOpinion') ? (
            <View className='opinions__action'>
              <Btn kind='outline' block busy={actions.busy === 'addOpinion'} disabled={actions.busy !== null} onClick={() => actions.perform('addOpinion', topic)}>
                发表意见
              </Btn>
            </View>
          ) : null}
          {topic.allowedActions.includes('noOpinion') ? (
            <View className='opinions__action'>
              <Btn kind='outline' block busy={recording !== null} busyText='登记中…' disabled={recording !== null || actions.busy !== null} onClick={() => void noOpinion(topic.id)}>
                本方无意见
              </Btn>
            </View>
          ) : null}
        </View>
      </View>

      {bar.length ? (
        <View className='action-bar'>
          <View className='action-bar__inner'>
            {bar.map((a) => (
              <Btn
                key={a}
                kind={PRIMARY.includes(a) ? 'primary' : a === 'withdraw' || a === 'return' ? 'outline' : 'default'}
                busy={actions.busy === a}
                disabled={actions.busy !== null}
                onClick={() => {
                  if (a === 'update') void Taro.navigateTo({ url: pageUrl(ROUTES.submit, { id: topic.id }) });
                  else actions.perform(a, topic);
                }}
              >
                {ACTION_LABEL[a]}
              </Btn>
            ))}
          </View>
        </View>
      ) : null}

      {actions.dialog}
    </PageShell>
  );
}

function missingId(): ApiError {
  return new ApiError('not_found', '链接缺少议题编号，请从议题列表进入');
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='fact'>
      <Text className='fact__label'>{label}</Text>
      <Text className='fact__value'>{value}</Text>
    </View>
  );
}

function Section({ title, text }: { title: string; text: string }) {
  return (
    <View className='section'>
      <Text className='section__title'>{title}</Text>
      <Text className='section__text' userSelect>
        {text}
      </Text>
    </View>
  );
}
