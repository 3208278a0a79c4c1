// Section 1 of the agenda reports on the previous meeting's checklist (Art. 3 (1), Art. 8 (1),
// Art. 11): each task with its light (a dot and the word: 逾期 / 临期 / 正常 / 已办结, never colour
// alone), its state and unit, and for an unfinished one the explanation, opinion and new deadline —
// or 待说明. UnexplainedCard lists the unfinished tasks still waiting for that explanation.
import { Text, View } from '@tarojs/components';
import type { AgendaItemView, AgendaSectionView } from '../../../../../domain/schemas/meeting';

type AgendaTask = NonNullable<AgendaItemView['task']>;

/** A checklist deadline (YYYY-MM-DD, a Shanghai calendar day) as 2026年10月15日, without time zones. */
export function deadlineCN(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** Art. 11: the light as a coloured dot and its word (逾期 / 临期 / 正常 / 已办结). */
export function TaskLight({ task }: { task: Pick<AgendaTask, 'light' | 'lightLabel'> }) {
  return (
    <View className={`mlight mlight--${task.light}`}>
      <View className='mlight__dot' aria-hidden='true' />
      <Text className='mlight__label'>{task.lightLabel}</Text>
    </View>
  );
}

/** Art. 3 (1): an unfinished task is reported with its explanation, opinion and new deadline. */
function TaskExplanation({ task }: { task: AgendaTask }) {
  if (task.done) return null;
  if (!task.explanation) {
    return (
      <View className='magenda__explain magenda__explain--missing'>
        <Text className='magenda__explain-missing'>待说明</Text>
        <Text className='magenda__explain-text'>责任单位尚未说明未完成原因、下步意见和新的完成时限</Text>
      </View>
    );
  }
  const e = task.explanation;
  return (
    <View className='magenda__explain'>
      <Text className='magenda__explain-text'>未完成原因：{e.explanation}</Text>
      <Text className='magenda__explain-text'>下步意见：{e.opinion}</Text>
      <Text className='magenda__explain-text'>现行完成时限：{deadlineCN(e.newDeadline)}</Text>
    </View>
  );
}

/** One task of the previous checklist in agenda section 1. */
export function TaskLine({ item, task }: { item: AgendaItemView; task: AgendaTask }) {
  return (
    <View className='magenda__task'>
      <View className='magenda__task-head'>
        <Text className='magenda__line-title'>{item.title}</Text>
        <TaskLight task={task} />
      </View>
      <Text className='magenda__task-meta'>
        {task.statusLabel} · {task.unit} {task.ownerName} · 期限 {deadlineCN(task.deadline)}
        {item.minutes ? ` · ${item.minutes} 分钟` : ''}
      </Text>
      <TaskExplanation task={task} />
    </View>
  );
}

/**
 * 待说明的事项 (Art. 3 (1)): the previous checklist's unfinished tasks with no explanation yet —
 * what the office chases before the meeting reports on them. Nothing when section 1 has no tasks.
 */
export function UnexplainedCard({ sections }: { sections: AgendaSectionView[] }) {
  const tasks = (sections.find((s) => s.key === 'previous')?.items ?? []).filter((i) => i.task);
  if (tasks.length === 0) return null;
  const waiting = tasks.filter((i) => i.task && !i.task.done && !i.task.explanation);
  return (
    <View className='card munexplained'>
      <View className='card__head'>
        <Text className='card__title'>待说明的事项</Text>
        <Text className='card__more'>{waiting.length ? `${waiting.length} 项` : '无'}</Text>
      </View>
      <Text className='mconsole__hint munexplained__intro'>上次会议议定事项中未完成、责任单位尚未说明原因和新时限的任务（第三条第一项）。</Text>
      {waiting.length === 0 ? <Text className='mconsole__hint'>未完成的事项均已说明。</Text> : null}
      {waiting.map((i) => (
        <View key={i.id} className='munexplained__row'>
          <View className='magenda__task-head'>
            <Text className='magenda__line-title'>{i.title}</Text>
            {i.task ? <TaskLight task={i.task} /> : null}
          </View>
          {i.task ? (
            <Text className='magenda__task-meta'>
              {i.task.unit} {i.task.ownerName} · {i.task.statusLabel} · 期限 {deadlineCN(i.task.deadline)}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
