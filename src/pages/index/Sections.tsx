// Home's cards: the count tiles, a section of items (my topics, invitations), my tasks with their
// lights (Art. 11) and the minutes waiting for me (Art. 9); each shows a few, the counts tell the rest.
import { Text, View } from '@tarojs/components';
import type { HomeView } from '../../../domain/schemas/account';
import { availableEvents } from '../../../domain/workflow';
import { MINUTES_DRAFTERS, MINUTES_STATES, minutesWorkflow } from '../../../domain/workflows/minutes';
import StateView from '../../components/StateView';
import Tap from '../../components/Tap';
import { ROUTES, openPage } from '../../utils/nav';
import { statusTagClass } from '../../utils/topic';
import { Countdown, Light, isLight } from '../task/mine/kit';

type HomeItem = HomeView['topics'][number];

/** How many items each section shows; the counts tell the rest. */
const SECTION_LIMIT = 5;

export function CountTile({ label, count, onTap }: { label: string; count: number; onTap: () => void }) {
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

export function ItemSection({ id, title, items, total, empty, onMore, onItem }: ItemSectionProps) {
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
export /** Art. 11: my open tasks, nearest deadline first, each with its light (dot and word) and countdown. */
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
export function MinutesSection({ items }: { items: HomeItem[] }) {
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
