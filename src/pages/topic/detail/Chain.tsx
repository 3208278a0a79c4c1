// Issue #23: what became of the topic, as one timeline — submitted, screened (with the answer), on
// the list, discussed at the meeting on <date>, decided: <item>, the tasks (unit, deadline, light,
// progress notes, done and verified) — or the written reply (退回 / 合并 / 本次会议未议定).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TopicDetailView } from '../../../../domain/schemas/topic';
import Tap from '../../../components/Tap';
import { formatDateCN } from '../../../utils/date';
import '../../task/mine/kit.css';
import './chain.css';

interface Step {
  key: string;
  label: string;
  at?: string;
  lines: string[];
  light?: { light: string; label: string };
}

function stepsOf(t: TopicDetailView): Step[] {
  const { chain } = t;
  const steps: Step[] = [{ key: 'submit', label: '提交议题', at: t.createdAt, lines: [`${t.proposer.name}（${t.proposer.unit}）`] }];
  const screened = [...t.timeline].reverse().find((e) => ['accept', 'return', 'merge'].includes(e.event));
  if (screened) steps.push({ key: 'screen', label: `审核：${screened.label}`, at: screened.at, lines: [screened.note ?? `${t.routedToLabel}已审核`] });
  if (chain.meeting.listed) steps.push({ key: 'listed', label: '列入议题清单', lines: [chain.meeting.title] });
  if (chain.meeting.listed && chain.meeting.heldAt) {
    steps.push({ key: 'held', label: `${formatDateCN(chain.meeting.heldAt)}会议研究`, at: chain.meeting.heldAt, lines: [chain.meeting.title] });
  }
  for (const d of chain.decisions) {
    steps.push({ key: d.id, label: `议定事项${d.n}：${d.title}`, at: chain.meeting.minutesIssuedAt, lines: [d.text, chain.meeting.docNumber ? `会议纪要 ${chain.meeting.docNumber}` : ''] });
  }
  for (const k of chain.tasks) {
    steps.push({
      key: k.id, label: `落实任务：${k.title}`, light: { light: k.light, label: k.lightLabel },
      lines: [
        `责任单位 ${k.unit} · 完成时限 ${k.deadline} · ${k.statusLabel}`,
        ...k.progress.map((p) => `${formatDateCN(p.at)} 进展：${p.text}`),
        ...(k.completion ? [`${formatDateCN(k.completion.at)} 完成：${k.completion.text}${k.completion.evidence.length ? `（附证明材料 ${k.completion.evidence.map((e) => e.typeLabel).join('、')}）` : ''}`] : []),
        ...(k.verifiedAt ? [`${formatDateCN(k.verifiedAt)} 经核验办结`] : []),
      ],
    });
  }
  if (chain.reply) steps.push({ key: 'reply', label: `答复：${chain.reply.kindLabel}`, at: chain.reply.at, lines: [chain.reply.text, `答复人 ${chain.reply.byName}`] });
  return steps;
}

export default function Chain({ topic }: { topic: TopicDetailView }) {
  const steps = stepsOf(topic);
  const { chain } = topic;
  return (
    <View className='card chain' role='group' aria-label='议题落实情况'>
      <View className='card__head'>
        <Text className='card__title'>议题去向与落实</Text>
      </View>
      <View className='timeline'>
        {steps.map((s, i) => (
          <View key={s.key} className={i === steps.length - 1 ? 'timeline__item timeline__item--latest' : 'timeline__item'}>
            <View className='timeline__dot' />
            <View className='timeline__body'>
              <View className='timeline__row'>
                <Text className='timeline__label'>{s.label}</Text>
                {s.at ? <Text className='timeline__time'>{formatDateCN(s.at)}</Text> : null}
              </View>
              {s.light ? (
                <View className={`tk-light tk-light--${s.light.light} chain__light`}>
                  <View className='tk-light__dot' />
                  <Text className='tk-light__label'>{s.light.label}</Text>
                </View>
              ) : null}
              {s.lines.filter(Boolean).map((l, j) => <Text key={j} className='timeline__note chain__line'>{l}</Text>)}
            </View>
          </View>
        ))}
      </View>
      {chain.decisions.length ? (
        <Tap role='link' className='chain__results' onTap={() => void Taro.navigateTo({ url: `/packages/results/pages/index/index?meetingId=${chain.meeting.id}` })}>
          <Text>查看本次会议全部议定事项落实情况 ›</Text>
        </Tap>
      ) : null}
    </View>
  );
}
