// The offices' meeting console (issue #8, Art. 4, 5, 7, 8), `?id=`: the meeting's state, the next
// step and who takes it, replies at a glance (已确认 / 请假 / 代会 / 未回复, 已签到), the attendance
// list (a table at a desk, cards on a phone) with its export, the door's check-in code, and the
// actions the server allows this caller (allowedActions), among them the union office's agenda
// editor (AgendaCard.tsx, 'updateAgenda') and 取消邀请 on each row the server marks 'uninvite'.
// Agenda section 1 reports on the previous checklist with each task's light, and 待说明的事项 lists
// the unfinished tasks not yet explained (Art. 3 (1)). Once the meeting is held: 会后工作 — the
// minutes (Art. 9; the union office's editor, everyone else's reading page), the checklist
// (Art. 11) and the press release (Art. 10).
// Two reads, sent together: meeting.get (state, allowedActions) and meeting.attendance (the list) —
// no single action answers both; the meeting's view says whether the caller drafts the minutes.
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { MEETING_LIMITS } from '../../../../../domain/limits';
import type { AttendanceRowView, AttendanceView, CheckInCodeView, MeetingView } from '../../../../../domain/schemas/meeting';
import { ROLE_INFO } from '../../../../../domain/roles';
import { MEETING_STATES, meetingWorkflow, type MeetingStatus } from '../../../../../domain/workflows/meeting';
import { hasFlag } from '../../../../../domain/workflow';
import { MAY_PRESIDE } from '../../../../../domain/meeting-rules';
import Btn from '../../../../components/Btn';
import MeetingFacts, { MeetingEndNotices } from '../../../../components/MeetingFacts';
import PageShell from '../../../../kit/PageShell';
import StateView from '../../../../components/StateView';
// after Skeleton and StateView, as the other pages load them (one CSS order in WeChat's common.wxss)
import { TextDialog } from '../../../../components/Dialog';
import Tap from '../../../../components/Tap';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { movedOn, useAction } from '../../../../kit/useAction';
import { ApiError, call, toApiError } from '../../../../services/api';
import { formatDateCN } from '../../../../utils/date';
import { toast } from '../../../../utils/feedback';
import { ROUTES, openPage, queryValue } from '../../../../utils/nav';
import { MEETING_PAGES, isMeetingDayCN, openExport, openOrBack, stateClass } from '../../../../pages/meeting/detail/kit';
import AgendaCard, { type AgendaPlan, UnexplainedCard } from './AgendaCard';
import DocumentButtons from './DocumentButtons';
import RescheduleDialog from './RescheduleDialog';
import MaterialAttach from './MaterialAttach';
import MaterialsCard from '../../../../components/MaterialsCard';
import InviteDialog from './InviteDialog';
import PresidingDialog from './PresidingDialog';
import { AttendanceTable, PersonCard, type Act } from './AttendanceList';
import { useDesk } from './useDesk';
import '../../../../pages/meeting/detail/kit.css';
import './index.css';

interface Console {
  meeting: MeetingView;
  /** null when it could not be read (then `attendanceError` says why) */
  attendance: AttendanceView | null;
  attendanceError: ApiError | null;
  /** Art. 9: the union office drafts the minutes (false when unknown: the reading page is offered) */
  draftsMinutes: boolean;
}

/** Art. 9, 10, 11: states after the meeting was held, when its minutes, checklist and press release are worked on. */
const AFTER_MEETING: readonly string[] = MEETING_STATES.filter((s) => hasFlag(meetingWorkflow, s, 'was_held'));



/** The step buttons, in this order, each shown only when allowedActions has it. */
const STEP_ACTIONS: ReadonlyArray<{ act: Act; label: string; kind: 'primary' | 'outline' | 'default' }> = [
  { act: 'accept', label: '同意召开', kind: 'primary' },
  { act: 'decline', label: '不同意召开', kind: 'outline' },
  { act: 'openCollection', label: '启动议题征集', kind: 'primary' },
  { act: 'issueNotice', label: '印发会议通知', kind: 'primary' },
  { act: 'start', label: '宣布开会', kind: 'primary' },
  { act: 'advanceAgenda', label: '下一项议程', kind: 'outline' },
  { act: 'adjourn', label: '宣布散会', kind: 'primary' },
  { act: 'reschedule', label: '调整时间地点', kind: 'default' },
  { act: 'cancel', label: '取消会议', kind: 'outline' },
];

const CONFIRM: Partial<Record<Act, { title: string; content: string; confirmText: string; done: string }>> = {
  accept: { title: '同意召开', content: '同意后总工会办公室将收到通知，并可启动议题征集。', confirmText: '同意', done: '已同意召开' },
  openCollection: { title: '启动议题征集', content: '启动后本级各部门和职工代表可以提交议题。', confirmText: '启动', done: '议题征集已启动' },
  start: { title: '宣布开会', content: '开会后参会人员不能再修改回复。', confirmText: '宣布开会', done: '会议已开始' },
  adjourn: { title: '宣布散会', content: '散会后由总工会办公室起草会议纪要。', confirmText: '宣布散会', done: '会议已结束' },
};

type Filter = 'all' | 'attend' | 'decline' | 'substitute' | 'none' | 'present';

const FILTERS: ReadonlyArray<{ key: Filter; label: string }> = [
  { key: 'attend', label: '已确认' },
  { key: 'decline', label: '请假' },
  { key: 'substitute', label: '代会' },
  { key: 'none', label: '未回复' },
  { key: 'present', label: '已签到' },
];

function matches(row: AttendanceRowView, f: Filter): boolean {
  if (f === 'all') return true;
  if (f === 'present') return row.present;
  if (f === 'none') return row.answer === null;
  return row.answer === f;
}

type Open = null | 'decline' | 'cancel' | 'reschedule' | 'invite' | 'setPresiding' | 'agenda';

export default function MeetingConsole() {
  const { params } = useRouter();
  const id = queryValue(params, 'id') || queryValue(params, 'meetingId');
  const fetchConsole = useCallback(async (): Promise<Console> => {
    const [meeting, attendance] = await Promise.allSettled([call('meeting.get', { meetingId: id }), call('meeting.attendance', { meetingId: id })]);
    if (meeting.status === 'rejected') throw meeting.reason;
    // Art. 9: who drafts the minutes matters only once the meeting is held
    const draftsMinutes = meeting.value.draftsMinutes;
    return {
      meeting: meeting.value,
      attendance: attendance.status === 'fulfilled' ? attendance.value : null,
      attendanceError: attendance.status === 'rejected' ? toApiError(attendance.reason) : null,
      draftsMinutes,
    };
  }, [id]);
  const record = useRecordPage(id ? fetchConsole : null, missingId);
  const { state } = record;
  const kit = useAction<Act>(record.reload);
  const { busy, write, clearError } = kit;
  const dialogError = kit.error?.message ?? null;
  const [open, setOpen] = useState<Open>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [code, setCode] = useState<CheckInCodeView | null>(null);
  const [undoing, setUndoing] = useState<AttendanceRowView | null>(null);
  const desk = useDesk();

  const current = state.kind === 'ready' ? state.value : null;

  // issue #22: the door's code changes every 30 seconds; while it is shown the next one is fetched quietly
  const codeMeeting = code && current ? current.meeting.id : null;
  useEffect(() => {
    if (!codeMeeting) return undefined;
    const timer = setInterval(() => {
      write('meeting.checkInCode', { meetingId: codeMeeting }).then(setCode, () => undefined);
    }, 25_000);
    return () => clearInterval(timer);
  }, [codeMeeting, write]);

  /** Runs one write; shows its answer at once (the other read catches up quietly, the kit's rule). */
  const act = (name: Act, fn: () => Promise<Partial<Console> | void>, done?: string) =>
    kit.act(name, async () => {
      const changed = await fn();
      if (changed && current) record.set({ ...current, ...changed });
      setOpen(null);
    }, { done, refresh: name === 'checkInCode' ? false : undefined, onError: (e) => void (movedOn(e.code) && setOpen(null)) });

  const stepAction = (a: Act, m: MeetingView) => {
    if (busy) return;
    if (a === 'issueNotice') {
      openOrBack(MEETING_PAGES.notice, { id: m.id });
      return;
    }
    if (a === 'decline' || a === 'cancel' || a === 'reschedule') {
      clearError();
      setOpen(a);
      return;
    }
    if (a === 'advanceAgenda') {
      void act(a, async () => {
        const next = await write('meeting.advanceAgenda', { meetingId: m.id });
        const now = next.proceedings[next.proceedings.length - 1];
        if (now) toast(`进入：${now.title}`, 'success');
        return { meeting: next };
      });
      return;
    }
    const ask = CONFIRM[a];
    if (!ask) return;
    const verb = a as 'accept' | 'openCollection' | 'start' | 'adjourn';
    void Taro.showModal({ title: ask.title, content: ask.content, confirmText: ask.confirmText, cancelText: '取消', confirmColor: '#b71c1c' }).then((r) => {
      if (r.confirm) void act(a, async () => ({ meeting: await write(`meeting.${verb}`, { meetingId: m.id }) }), ask.done);
    });
  };

  if (state.kind !== 'ready') return <PageShell className='mconsole' state={state} skeleton={[[90, 60, 70], [40, 100], [100, 100, 100]]} onRetry={() => void record.reload()} />;

  const { meeting: m, attendance, attendanceError, draftsMinutes } = state.value;
  const allowed = (a: string) => m.allowedActions.includes(a);
  const steps = STEP_ACTIONS.filter((s) => allowed(s.act));
  const doorOpen = hasFlag(meetingWorkflow, m.state as MeetingStatus, 'door_open') && isMeetingDayCN(m.plannedAt);
  const canMark = doorOpen && allowed('checkIn');
  const counts = attendance?.counts ?? (m.replies ? { invited: m.replies.attend + m.replies.decline + m.replies.substitute + m.replies.none, ...m.replies } : null);
  const rows = attendance ? attendance.rows.filter((r) => matches(r, filter)) : [];
  const topicsOpen = !hasFlag(meetingWorkflow, m.state as MeetingStatus, 'before_collection');

  const markPresent = (row: AttendanceRowView) =>
    act('checkIn', async () => {
      const res = await write('meeting.checkIn', { meetingId: m.id, personId: row.personId });
      if (!attendance) return {};
      const rowsNow = attendance.rows.map((r) => (r.personId === row.personId ? { ...r, present: true, presentAt: res.presentAt } : r));
      return { attendance: { ...attendance, rows: rowsNow, counts: { ...attendance.counts, present: rowsNow.filter((r) => r.present).length } } };
    }, `${row.name} 已登记签到`);

  const showCode = () =>
    act('checkInCode', async () => {
      setCode(await write('meeting.checkInCode', { meetingId: m.id }));
    });

  const saveAgenda = (sections: AgendaPlan) =>
    act('updateAgenda', async () => ({ meeting: await write('meeting.updateAgenda', { meetingId: m.id, sections }) }), '议程已保存');

  /** 取消邀请: asks first; the answer is the list as it is now. */
  const uninvite = (row: AttendanceRowView) => {
    if (busy) return;
    void Taro.showModal({
      title: '取消邀请',
      content: `确定取消对${row.name}（${[row.unit, row.title].filter(Boolean).join(' ')}）的邀请吗？取消后其不再列入参会名单。`,
      confirmText: '取消邀请',
      cancelText: '保留',
      confirmColor: '#b71c1c',
    }).then((r) => {
      if (r.confirm) void act('uninvite', async () => ({ attendance: await write('meeting.uninvite', { meetingId: m.id, personId: row.personId }) }), `已取消对${row.name}的邀请`);
    });
  };

  /** 撤销签到 (issue #16): a mistaken check-in, undone with a reason before the meeting is adjourned. */
  const askUndo = (row: AttendanceRowView) => {
    if (busy) return;
    clearError();
    setUndoing(row);
  };

  const exportList = () =>
    act('export', async () => {
      await openExport(await call('meeting.exportAttendance', { meetingId: m.id }));
    }, process.env.TARO_ENV === 'h5' ? '参会名单已下载' : undefined);

  return (
    <PageShell className='mconsole'>
      <View className='page-container'>
        <MeetingEndNotices m={m} />
        {m.lateCollection ? (
          <View className='notice notice--warn'>
            <Text className='notice__title'>议题征集启动较晚</Text>
            <Text className='notice__text'>本次例会的议题征集晚于规定的提前期（一般为会前两个月）启动，请抓紧审核议题。</Text>
          </View>
        ) : null}

        <View className={desk ? 'mconsole__grid mconsole__grid--desk' : 'mconsole__grid'}>
          <View className='mconsole__col'>
            <View className='card'>
              <View className='mconsole__tags'>
                <Text className={stateClass(m.state)}>{m.stateLabel}</Text>
                <Text className='tag tag--plain'>{m.kindLabel}</Text>
                {m.scheduleVersion > 1 ? <Text className='tag tag--plain'>已调整 {m.scheduleVersion - 1} 次</Text> : null}
              </View>
              <View className='mconsole__title' role='heading' aria-level={2}>
                {m.title}
              </View>
              <MeetingFacts m={m} noDocNumber='尚未印发' />
            </View>

            <View className='card mconsole__next'>
              <View className='card__head'>
                <Text className='card__title'>下一步</Text>
              </View>
              <Text className='mconsole__step'>{m.nextStep ?? (hasFlag(meetingWorkflow, m.state as MeetingStatus, 'called_off') ? '会议不再召开' : '暂无待办')}</Text>
              {whoTakes(m.state).map((line) => (
                <Text key={line} className='mconsole__who'>
                  {line}
                </Text>
              ))}
              {steps.length > 0 ? (
                <View className='mconsole__buttons'>
                  {steps.map((s) => (
                    <Btn key={s.act} kind={s.kind} busy={busy === s.act} disabled={busy !== null} onClick={() => stepAction(s.act, m)}>
                      {s.label}
                    </Btn>
                  ))}
                </View>
              ) : m.nextStep ? (
                // issue #19: the union office's own minutes step is done in the editor, not here
                <Text className='mconsole__hint'>{draftsMinutes && m.state === 'held' ? '请在下方「会后工作」中起草、提交会议纪要。' : '这一步不由您办理，您可在此查看进展。'}</Text>
              ) : null}
              <View className='mconsole__links'>
                {topicsOpen ? (
                  <Tap role='link' className='mconsole__link' hoverClass='mconsole__link--hover' onTap={() => openPage(ROUTES.topics, { meetingId: m.id, meetingTitle: m.title })}>
                    <Text>会议议题 ›</Text>
                  </Tap>
                ) : null}
                {m.docNumber || m.state === 'list_fixed' ? (
                  <Tap role='link' className='mconsole__link' hoverClass='mconsole__link--hover' onTap={() => openOrBack(MEETING_PAGES.notice, { id: m.id })}>
                    <Text>{m.docNumber ? '会议通知 ›' : '预览会议通知 ›'}</Text>
                  </Tap>
                ) : null}
                {allowed('setSeating') ? (
                  <Tap role='link' className='mconsole__link' hoverClass='mconsole__link--hover' onTap={() => openOrBack(MEETING_PAGES.seating, { id: m.id })}>
                    <Text>会场座次与桌签 ›</Text>
                  </Tap>
                ) : null}
                {allowed('doorToken') || allowed('advanceAgenda') ? (
                  <Tap role='link' className='mconsole__link' hoverClass='mconsole__link--hover' onTap={() => openOrBack(MEETING_PAGES.screen, { id: m.id })}>
                    <Text>会议投屏 ›</Text>
                  </Tap>
                ) : null}
                <Tap role='link' className='mconsole__link' hoverClass='mconsole__link--hover' onTap={() => openOrBack(MEETING_PAGES.detail, { id: m.id })}>
                  <Text>参会人员看到的页面 ›</Text>
                </Tap>
              </View>
            </View>

            {AFTER_MEETING.includes(m.state) ? (
              <View className='card mconsole__after'>
                <View className='card__head'>
                  <Text className='card__title'>会后工作</Text>
                </View>
                <AfterLink
                  label='会议纪要'
                  hint={draftsMinutes ? '起草、提交审核、印发（第九条）' : '审阅纪要、查看审核进度（第九条）'}
                  onTap={() => openPage(draftsMinutes ? ROUTES.minutesEditor : ROUTES.minutes, { meetingId: m.id })}
                />
                <AfterLink label='落实清单' hint='议定事项的责任单位、完成时限和落实情况（第十一条）' onTap={() => openPage(ROUTES.checklist, { meetingId: m.id })} />
                <AfterLink label='宣传报道' hint='双方办公室共同起草、审核宣传稿件（第十条）' onTap={() => openPage(ROUTES.press, { meetingId: m.id })} />
              </View>
            ) : null}

            {allowed('checkInCode') ? (
              <View className='card mconsole__code'>
                <View className='card__head'>
                  <Text className='card__title'>会场签到</Text>
                </View>
                {code ? (
                  <View className='mconsole__qr'>
                    <Image className='mconsole__qr-image' src={code.qr} ariaLabel='签到二维码' />
                    <Text className='mconsole__qr-label'>签到码</Text>
                    <Text className='mconsole__qr-code' aria-label={`签到码 ${code.code.split('').join(' ')}`}>
                      {code.code}
                    </Text>
                    <Text className='mconsole__hint'>每 30 秒自动更换，截图转发无效；仅限 {code.validOn} 会议当天签到。参会人员用微信扫码，或在会议详情页输入签到码。</Text>
                  </View>
                ) : (
                  <View>
                    <Text className='mconsole__hint'>
                      {doorOpen ? '今天是会议当天，请在会场入口出示签到二维码（每 30 秒更换）。' : `签到仅在会议当天（${formatDateCN(m.plannedAt)}）开放；二维码每 30 秒更换，不能打印张贴，请在会场入口用手机或屏幕出示。`}
                    </Text>
                    <View className='mconsole__buttons'>
                      <Btn kind='primary' busy={busy === 'checkInCode'} busyText='生成中…' disabled={busy !== null} onClick={() => void showCode()}>
                        显示签到二维码
                      </Btn>
                      {allowed('doorToken') ? (
                        <Btn kind='default' disabled={busy !== null} onClick={() => openOrBack(MEETING_PAGES.door, { id: m.id })}>
                          打开签到大屏
                        </Btn>
                      ) : null}
                    </View>
                  </View>
                )}
              </View>
            ) : null}

            <MaterialsCard m={m}>
              <MaterialAttach m={m} onAttached={(next) => current && record.set({ ...current, meeting: next })} />
            </MaterialsCard>

            <UnexplainedCard sections={m.agenda.sections} />

            {m.agenda.sections.length > 0 || open === 'agenda' ? (
              <AgendaCard
                sections={m.agenda.sections}
                canEdit={allowed('updateAgenda')}
                editing={open === 'agenda'}
                busy={busy === 'updateAgenda'}
                locked={busy !== null}
                error={open === 'agenda' ? dialogError : null}
                onEdit={() => {
                  clearError();
                  setOpen('agenda');
                }}
                onCancel={() => !busy && setOpen(null)}
                onSave={(sections) => void saveAgenda(sections)}
              />
            ) : null}
          </View>

          <View className='mconsole__col mconsole__col--wide'>
            <View className='card'>
              <View className='card__head'>
                <Text className='card__title'>回复情况</Text>
                {counts ? <Text className='card__more'>应邀 {counts.invited} 人</Text> : null}
              </View>
              {counts ? (
                <View className='mconsole__tiles' role='tablist' aria-label='按回复筛选参会名单'>
                  {FILTERS.map((f) => {
                    const n = counts[f.key as keyof typeof counts] as number;
                    const on = filter === f.key;
                    return (
                      <Tap
                        key={f.key}
                        role='tab'
                        current={on}
                        label={`${f.label} ${n} 人`}
                        className={`mconsole__tile mconsole__tile--${f.key}${on ? ' mconsole__tile--on' : ''}`}
                        hoverClass='mconsole__tile--hover'
                        onTap={() => setFilter(on ? 'all' : f.key)}
                      >
                        <Text className='mconsole__tile-n' aria-hidden='true'>
                          {n}
                        </Text>
                        <Text className='mconsole__tile-label' aria-hidden='true'>
                          {f.label}
                        </Text>
                      </Tap>
                    );
                  })}
                </View>
              ) : (
                <Text className='mconsole__hint'>暂无回复数据</Text>
              )}
            </View>

            <View className='card'>
              <View className='card__head'>
                <Text className='card__title'>参会名单{filter !== 'all' ? `（${FILTERS.find((f) => f.key === filter)?.label}）` : ''}</Text>
                {filter !== 'all' ? (
                  <Tap role='button' className='mconsole__clear' hoverClass='mconsole__link--hover' onTap={() => setFilter('all')}>
                    <Text>显示全部</Text>
                  </Tap>
                ) : null}
              </View>
              <View className='mconsole__buttons mconsole__buttons--list'>
                {attendance && attendance.rows.length > 0 ? (
                  <Btn kind='outline' small busy={busy === 'export'} busyText='导出中…' disabled={busy !== null} onClick={() => void exportList()}>
                    导出参会名单
                  </Btn>
                ) : null}
                {attendance && attendance.rows.length > 0 ? (
                  <DocumentButtons meetingId={m.id} held={AFTER_MEETING.includes(m.state)} disabled={busy !== null} />
                ) : null}
                {allowed('invite') ? (
                  <Btn kind='default' small disabled={busy !== null} onClick={() => setOpen('invite')}>
                    邀请参会人员
                  </Btn>
                ) : null}
                {allowed('setPresiding') ? (
                  <Btn kind='default' small disabled={busy !== null} onClick={() => setOpen('setPresiding')}>
                    设定主持人
                  </Btn>
                ) : null}
              </View>
              {attendanceError ? (
                <StateView
                  kind='error'
                  compact={attendanceError.code === 'forbidden'}
                  title={attendanceError.code === 'forbidden' ? '参会名单仅本级办公室可查看' : undefined}
                  error={attendanceError}
                  onRetry={() => void record.reload()}
                  exits={false}
                />
              ) : null}
              {attendance && attendance.rows.length === 0 ? (
                <StateView kind='empty' compact title={allowed('invite') ? '尚未邀请参会人员' : '暂无参会人员'} />
              ) : null}
              {attendance && attendance.rows.length > 0 && rows.length === 0 ? <StateView kind='empty' compact title='没有符合条件的人员' /> : null}
              {rows.length > 0 ? (
                desk ? (
                  <AttendanceTable rows={rows} canMark={canMark} busy={busy} meetingId={m.id} onStale={() => void record.reload(true)} onMark={(r) => void markPresent(r)} onUninvite={uninvite} onUndo={askUndo} />
                ) : (
                  <View className='mconsole__people'>
                    {rows.map((r) => (
                      <PersonCard key={r.personId} row={r} canMark={canMark} busy={busy} meetingId={m.id} onStale={() => void record.reload(true)} onMark={() => void markPresent(r)} onUninvite={() => uninvite(r)} onUndo={() => askUndo(r)} />
                    ))}
                  </View>
                )
              ) : null}
            </View>
          </View>
        </View>
      </View>

      {open === 'decline' ? (
        <TextDialog
          limit={MEETING_LIMITS.reason}
          title='不同意召开'
          subtitle={`说明不同意召开「${m.title}」的理由，总工会办公室将收到通知。`}
          placeholder='请写明理由（必填）'
          confirmText='确认'
          busy={busy === 'decline'}
          error={dialogError}
          onCancel={() => !busy && setOpen(null)}
          onSubmit={(reason) => void act('decline', async () => ({ meeting: await write('meeting.decline', { meetingId: m.id, reason }) }), '已答复不同意召开')}
        />
      ) : null}
      {open === 'cancel' ? (
        <TextDialog
          limit={MEETING_LIMITS.reason}
          title='取消会议'
          subtitle='取消后不能恢复，参会人员将看到取消原因。'
          placeholder='请写明取消原因（必填）'
          confirmText='确认取消会议'
          busy={busy === 'cancel'}
          error={dialogError}
          onCancel={() => !busy && setOpen(null)}
          onSubmit={(reason) => void act('cancel', async () => ({ meeting: await write('meeting.cancel', { meetingId: m.id, reason }) }), '会议已取消')}
        />
      ) : null}
      {open === 'reschedule' ? (
        <RescheduleDialog
          meeting={m}
          busy={busy === 'reschedule'}
          error={dialogError}
          onCancel={() => !busy && setOpen(null)}
          onSubmit={(change) => void act('reschedule', async () => ({ meeting: await write('meeting.reschedule', { meetingId: m.id, ...change }) }), m.notices.length ? '变更通知已印发，参会人员将收到通知' : '已调整，参会人员将收到通知')}
        />
      ) : null}
      {undoing ? (
        <TextDialog
          limit={MEETING_LIMITS.undoReason}
          title='撤销签到'
          subtitle={`撤销${undoing.name}（${[undoing.unit, undoing.title].filter(Boolean).join(' ')}）的签到。撤销记录连同理由留存备查。`}
          placeholder='请写明撤销理由（必填），如：误点了他人签到'
          confirmText='撤销签到'
          busy={busy === 'undoCheckIn'}
          error={dialogError}
          onCancel={() => !busy && setUndoing(null)}
          onSubmit={(reason) =>
            void act('undoCheckIn', async () => {
              const attendanceNow = await write('meeting.undoCheckIn', { meetingId: m.id, personId: undoing.personId, reason });
              setUndoing(null);
              return { attendance: attendanceNow };
            }, `已撤销${undoing.name}的签到`)
          }
        />
      ) : null}
      {open === 'invite' ? (
        <InviteDialog
          meeting={{ id: m.id, plannedAt: m.plannedAt }}
          invited={new Set((attendance?.rows ?? []).map((r) => r.personId))}
          busy={busy === 'invite'}
          error={dialogError}
          onCancel={() => !busy && setOpen(null)}
          onSubmit={(invitees) =>
            void act('invite', async () => ({ attendance: await write('meeting.invite', { meetingId: m.id, invitees }) }), `已邀请 ${invitees.length} 人`)
          }
        />
      ) : null}
      {open === 'setPresiding' ? (
        <PresidingDialog
          current={m.presiding ? { id: m.presiding.id, name: m.presiding.name } : null}
          busy={busy === 'setPresiding'}
          error={dialogError}
          onCancel={() => !busy && setOpen(null)}
          onSubmit={(personId) => void act('setPresiding', async () => ({ meeting: await write('meeting.setPresiding', { meetingId: m.id, personId }) }), '已设定主持人')}
        />
      ) : null}
    </PageShell>
  );
}

function missingId(): ApiError {
  return new ApiError('not_found', '缺少会议编号，请从首页的会议列表进入');
}

/** Edges that are not the meeting's next step (cancelling, withdrawing a confirmation). */
const ASIDE_EVENTS = ['cancel', 'reopenList'];
/** Art. 8: the leaders on the start/adjourn edges act as the presiding person. */
const PRESIDING_ROLES: readonly string[] = MAY_PRESIDE;

/** Who takes the next step, from the workflow's edges out of this state, in words. */
function whoTakes(state: string): string[] {
  return meetingWorkflow.edges
    .filter((e) => !ASIDE_EVENTS.includes(e.event) && (typeof e.from === 'string' ? e.from === state : (e.from as readonly string[]).includes(state)))
    .map((e) => {
      const names = e.roles.map((r) => (PRESIDING_ROLES.includes(r) && (e.event === 'start' || e.event === 'adjourn') ? '会议主持人' : ROLE_INFO[r].label));
      return `${e.label}：${[...new Set(names)].join('、')}`;
    });
}


/** One of the after-meeting pages: a link row with what is done there. */
function AfterLink({ label, hint, onTap }: { label: string; hint: string; onTap: () => void }) {
  return (
    <Tap role='link' className='mconsole__after-link' hoverClass='mconsole__link--hover' onTap={onTap}>
      <View className='mconsole__after-main'>
        <Text className='mconsole__after-label'>{label}</Text>
        <Text className='mconsole__after-hint'>{hint}</Text>
      </View>
      <Text className='mconsole__after-arrow' aria-hidden='true'>
        ›
      </Text>
    </Tap>
  );
}
