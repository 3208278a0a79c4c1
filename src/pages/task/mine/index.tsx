// 我的任务 (Art. 11): every task of the implementation checklist I am responsible for, unfinished
// first (overdue, due soon, on track, then done — the server's order), each with its light in a dot
// and a word, the countdown, the meeting and the decided item; a card opens the task. task.list
// scope 'mine' a page at a time (issue #25): 加载更多 or scrolling to the bottom loads the next,
// the counts at the top are the whole list's; coming back and pull-down refresh quietly.
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import type { TaskCardView, TaskListView } from '../../../../domain/schemas/task';
import { PagedListFooter } from '../../../components/ListFooter';
import ListStates from '../../../components/ListStates';
import PageShell from '../../../components/PageShell';
import { usePagedListPage } from '../../../hooks/usePagedList';
import { call } from '../../../services/api';
import { ROUTES, openPage } from '../../../utils/nav';
import { LIGHTS, LIGHT_WORD, Light, TaskCard, needsExplaining } from './kit';
import './index.css';

export default function MyTasks() {
  const fetchPage = useCallback((cursor?: string) => call('task.list', { scope: 'mine', ...(cursor ? { cursor } : {}) }), []);
  const list = usePagedListPage<TaskCardView, TaskListView>(fetchPage);
  const { state } = list;
  // issue #25: the list comes a page at a time; the counts of every light are the whole list's
  const counts = state.kind === 'ready' ? state.page.counts : null;
  const open = counts ? counts.red + counts.yellow + counts.green : 0;
  const toExplain = state.kind === 'ready' ? state.items.filter(needsExplaining).length : 0;
  // overdue tasks come first: once the loaded ones hold every overdue task, the number is exact
  const allRedLoaded = state.kind === 'ready' && counts !== null && state.items.filter((t) => t.light === 'red').length >= counts.red;

  return (
    <PageShell className='tmine'>
      <View className='page-container'>
        <ListStates
          list={list}
          skeleton={[[70, 40, 60, 50], [70, 40, 60, 50]]}
          emptyTitle='暂无落实任务'
          emptyMessage='联席会议议定事项分解到您名下后，任务会显示在这里'
        />
        {state.kind === 'ready' && state.items.length > 0 ? (
          <View>
            <View className='card tmine__summary' role='group' aria-label='任务督办情况'>
              <Text className='tmine__lead'>{open > 0 ? `${open} 项任务未办结` : '全部任务均已办结'}</Text>
              <View className='tmine__lights'>
                {LIGHTS.map((l) => (
                  <View key={l} className='tmine__light'>
                    <Light light={l} label={`${LIGHT_WORD[l]} ${state.page.counts[l]}`} />
                  </View>
                ))}
              </View>
              {toExplain > 0 || (!allRedLoaded && counts && counts.red > 0) ? (
                <Text className='tmine__warn'>
                  {allRedLoaded ? `${toExplain} 项任务已逾期，请` : `${counts?.red ?? 0} 项任务已逾期，尚未说明的请`}在任务中说明未完成原因、下步意见和新的完成时限（第三条第一项）。
                </Text>
              ) : null}
            </View>
            {state.items.map((t) => (
              <TaskCard key={t.id} task={t} onOpen={() => openPage(ROUTES.taskDetail, { id: t.id })} />
            ))}
            <PagedListFooter list={list} />
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
