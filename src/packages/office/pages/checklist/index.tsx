// The offices' checklist board (Art. 11, 督办): `?meetingId=` shows that meeting's implementation
// checklist; without it, the org's overdue tasks (task.list scope 'overdue'). At the top the count
// of each light (逾期 / 临期 / 正常 / 已办结), each also a filter; a filter by responsible unit;
// the tasks overdue first (the server's order) — a table at a desk (≥ 1024 px), cards on a phone —
// each opening the task, where the keeping office verifies or sends it back, and decides a request
// for a new deadline (issue #16: 延期申请 on the row, a filter with their count). 导出清单 downloads the
// xlsx (task.exportChecklist). For the offices, the decided items of the issued minutes
// (minutes.get) each with 分解任务 (task.assign, AssignDialog.tsx).
// Reads sent together: the list and the minutes (meeting scope). What the caller may do comes from
// the server: 'exportChecklist' on the list, 'assign' on each decided item. The org's overdue tasks
// come a page at a time (issue #25): 加载更多 or scrolling to the bottom loads the next page.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import OfficeNav from '../../../../components/OfficeNav';
import { useState } from 'react';
import type { DecisionView } from '../../../../../domain/schemas/minutes';
import type { TaskLight } from '../../../../../domain/task-rules';
import Btn from '../../../../components/Btn';
import ListFooter from '../../../../components/ListFooter';
import PageShell from '../../../../kit/PageShell';
import StateView from '../../../../components/StateView';
import Tap from '../../../../components/Tap';
// its Dialog after Skeleton and StateView and before the task kit, as the task page loads them (one
// CSS order in WeChat's common.wxss)
import AssignDialog, { type AssignDraft, checkAssign, emptyAssignDraft } from './AssignDialog';
import { fileDone, useAction } from '../../../../kit/useAction';
import { call } from '../../../../services/api';
import { ROUTES, openPage, queryValue } from '../../../../utils/nav';
import { openExport } from '../../../../pages/meeting/detail/kit';
import { LIGHTS, LIGHT_WORD, Light, TaskCard, refusalFields, todayCN } from '../../../../pages/task/mine/kit';
import ChecklistTable from './ChecklistTable';
import { useChecklist } from './useChecklist';
import { useDeskTable } from '../../parts/useDesk';
import '../../../../pages/task/mine/kit.css';
import './index.css';

type Act = 'export' | 'assign';
type LightFilter = 'all' | TaskLight;

export default function ChecklistBoard() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'meetingId') || queryValue(params, 'id');
  const { record, state, extra, cursor, loadMore, items, units } = useChecklist(meetingId);
  const desk = useDeskTable();
  const { busy, act } = useAction<Act>(record.reload);
  const [light, setLight] = useState<LightFilter>('all');
  const [unit, setUnit] = useState('');
  // issue #16: only the tasks whose responsible person asked for a new deadline
  const [requested, setRequested] = useState(false);
  const [assigning, setAssigning] = useState<DecisionView | null>(null);
  const [drafts, setDrafts] = useState<Record<string, AssignDraft>>({});
  const [assignErrors, setAssignErrors] = useState<Record<string, string>>({});
  const [assignError, setAssignError] = useState<string | null>(null);

  const shown = items.filter((t) => (light === 'all' || t.light === light) && (!unit || t.unit === unit) && (!requested || t.deadlineRequested !== null));

  if (state.kind !== 'ready') return <PageShell className='clboard' state={state} skeleton={[[60, 90], [100, 100, 100], [80, 60]]} onRetry={() => void record.reload()} />;

  const { list, minutes, minutesError, office } = state.value;
  const { counts } = list;
  // the whole list's, however much of it is loaded (the org's overdue tasks: all red)
  const total = LIGHTS.reduce((n, l) => n + counts[l], 0);
  // issue #16: the requests among the loaded tasks (a meeting's checklist comes whole)
  const pending = items.filter((t) => t.deadlineRequested !== null).length;
  const title = meetingId ? (minutes?.meetingTitle ?? list.items[0]?.meetingTitle ?? '会议落实清单') : '本级逾期任务';
  const decisions = minutes?.status === 'issued' ? minutes.decisions : [];

  const exportList = () =>
    act('export', async () => openExport(await call('task.exportChecklist', { meetingId })), fileDone('落实清单'));

  const openAssign = (d: DecisionView) => {
    if (busy) return;
    setAssignErrors({});
    setAssignError(null);
    if (!drafts[d.id]) setDrafts((all) => ({ ...all, [d.id]: emptyAssignDraft(d) }));
    setAssigning(d);
  };

  const submitAssign = (d: DecisionView) => {
    const draft = drafts[d.id] ?? emptyAssignDraft(d);
    const checked = checkAssign(draft, todayCN());
    if (!checked.ok) {
      setAssignErrors(checked.errors);
      return;
    }
    setAssignErrors({});
    setAssignError(null);
    void act('assign', async (w) => {
      await w('task.assign', { decisionId: d.id, title: checked.title, ownerId: checked.ownerId, deadline: checked.deadline });
      setDrafts(({ [d.id]: _sent, ...rest }) => rest);
      setAssigning(null);
    }, {
      done: '任务已交办',
      onError: (error) => {
        const fields = refusalFields(error);
        setAssignErrors(fields);
        setAssignError(['title', 'ownerId', 'deadline'].some((f) => f in fields) ? null : error.message);
        return true;
      },
    });
  };

  return (
    <PageShell className='clboard' aside={meetingId ? undefined : <OfficeNav current='overdue' />}>
      <View className='page-container'>
        <View className='card clboard__head'>
          <View className='clboard__head-main'>
            <View className='clboard__title' role='heading' aria-level={2}>
              {title}
            </View>
            <Text className='clboard__sub'>
              {meetingId
                ? `议定事项落实清单，共 ${total} 项${minutes?.docNumber ? `（${minutes.docNumber}）` : ''}`
                : `本级已超过完成时限、尚未办结的任务，共 ${total} 项`}
            </Text>
          </View>
          {meetingId && office ? (
            <Btn kind='outline' busy={busy === 'export'} busyText='导出中…' disabled={busy !== null} onClick={() => void exportList()}>
              导出清单
            </Btn>
          ) : null}
        </View>

        {/* The org's overdue tasks are all red: the counts per light belong to a meeting's checklist. */}
        {meetingId ? (
          <View className='clboard__lights' role='tablist' aria-label='按督办状态筛选'>
            <Tap role='tab' current={light === 'all'} className={light === 'all' ? 'clboard__tile clboard__tile--on' : 'clboard__tile'} onTap={() => setLight('all')}>
              <Text className='clboard__tile-count'>{total}</Text>
              <Text className='clboard__tile-label'>全部</Text>
            </Tap>
            {LIGHTS.map((l) => (
              <Tap
                key={l}
                role='tab'
                current={light === l}
                className={light === l ? `clboard__tile clboard__tile--${l} clboard__tile--on` : `clboard__tile clboard__tile--${l}`}
                onTap={() => setLight(light === l ? 'all' : l)}
              >
                <Text className='clboard__tile-count'>{counts[l]}</Text>
                <Light light={l} label={LIGHT_WORD[l]} />
              </Tap>
            ))}
          </View>
        ) : null}

        {pending > 0 ? (
          <View className='clboard__requests'>
            <Tap
              role='switch'
              checked={requested}
              className={requested ? 'clboard__unit clboard__unit--on clboard__request-filter' : 'clboard__unit clboard__request-filter'}
              label={`只看延期申请（${pending} 项待审批${cursor ? '，已加载的任务中' : ''}）`}
              onTap={() => setRequested(!requested)}
            >
              <Text>延期申请待审批 {pending} 项{cursor ? '（已加载的任务中）' : ''}{requested ? ' · 已筛选' : ''}</Text>
            </Tap>
          </View>
        ) : null}

        {units.length > 1 ? (
          <View className='clboard__units' role='tablist' aria-label='按责任单位筛选'>
            {['', ...units].map((u) => (
              <Tap key={u || 'all'} role='tab' current={unit === u} className={unit === u ? 'clboard__unit clboard__unit--on' : 'clboard__unit'} onTap={() => setUnit(u)}>
                <Text>{u || '全部单位'}</Text>
              </Tap>
            ))}
          </View>
        ) : null}

        {total === 0 ? (
          <StateView
            kind='empty'
            title={meetingId ? '暂无落实任务' : '暂无逾期任务'}
            message={meetingId ? '纪要印发后，办公室将议定事项分解为落实任务' : '本级所有任务均在完成时限内或已办结'}
          />
        ) : shown.length === 0 ? (
          <StateView kind='empty' compact title='没有符合筛选条件的任务' />
        ) : desk ? (
          <ChecklistTable items={shown} withMeeting={!meetingId} />
        ) : (
          <View>
            {shown.map((t) => (
              <TaskCard key={t.id} task={t} showOwner onOpen={() => openPage(ROUTES.taskDetail, { id: t.id })} />
            ))}
          </View>
        )}

        {/* a meeting's checklist comes whole; the org's overdue tasks a page at a time */}
        {cursor || (!meetingId && total > 0) ? (
          <ListFooter hasMore={Boolean(cursor)} loadingMore={extra?.loading ?? false} error={extra?.error ?? null} count={items.length} onMore={() => void loadMore()} />
        ) : null}

        {meetingId && office ? (
          <View className='card clboard__decisions'>
            <View className='card__head'>
              <Text className='card__title'>议定事项分解</Text>
            </View>
            {minutesError ? <StateView kind='error' compact title={minutesError.message} /> : null}
            {minutes && minutes.status !== 'issued' ? (
              <Text className='clboard__hint'>会议纪要「{minutes.statusLabel}」，印发后才能分解落实任务。</Text>
            ) : null}
            {minutes?.status === 'issued' && decisions.length === 0 ? <StateView kind='empty' compact title='纪要中没有议定事项' /> : null}
            {decisions.map((d) => (
              <View key={d.id} className='clboard__decision'>
                <View className='clboard__decision-main'>
                  <Text className='clboard__decision-title'>
                    {d.n}. {d.title}
                  </Text>
                  <Text className='clboard__decision-text'>{d.text}</Text>
                  <Text className='clboard__decision-count'>{d.taskCount > 0 ? `已分解 ${d.taskCount} 项任务` : '尚未分解'}</Text>
                </View>
                {d.allowedActions.includes('assign') ? (
                  <Btn small kind='outline' label={`分解任务：${d.title}`} disabled={busy !== null} onClick={() => openAssign(d)}>
                    分解任务
                  </Btn>
                ) : null}
              </View>
            ))}
          </View>
        ) : null}
      </View>

      {assigning ? (
        <AssignDialog
          meetingId={meetingId}
          decision={assigning}
          draft={drafts[assigning.id] ?? emptyAssignDraft(assigning)}
          onDraft={(d) => setDrafts((all) => ({ ...all, [assigning.id]: d }))}
          busy={busy === 'assign'}
          errors={assignErrors}
          error={assignError}
          onSubmit={() => submitAssign(assigning)}
          onCancel={() => busy !== 'assign' && setAssigning(null)}
        />
      ) : null}
    </PageShell>
  );
}
