// The offices' meeting console (issue #8, Art. 4, 5, 7, 8), `?id=`: the meeting's state, the next
// step and who takes it, replies at a glance (已确认 / 请假 / 代会 / 未回复, 已签到), the attendance
// list (a table at a desk, cards on a phone) with its export, the door's check-in code, and the
// actions the server allows this caller (allowedActions), among them the union office's agenda
// editor (AgendaCard.tsx, 'updateAgenda') and 取消邀请 on each row the server marks 'uninvite'.
// Agenda section 1 reports on the previous checklist with each task's light, and 待说明的事项 lists
// the unfinished tasks not yet explained (Art. 3 (1)). Once the meeting is held: 会后工作 — the
// minutes (Art. 9; the union office's editor, everyone else's reading page), the checklist
// (Art. 11) and the press release (Art. 10).
// Issue #19: the load and every write are useConsole.ts (through the page kit); the cards are
// StepCard, SideCards, AgendaCard, AttendanceCards and the dialogs ConsoleDialogs.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { hasFlag } from '../../../../../domain/workflow';
import { meetingWorkflow, type MeetingStatus } from '../../../../../domain/workflows/meeting';
import MeetingFacts, { MeetingEndNotices } from '../../../../components/MeetingFacts';
import PageShell from '../../../../kit/PageShell';
// after Skeleton and StateView (PageShell), as the other pages load them (one CSS order in WeChat's common.wxss)
import ConsoleDialogs from './ConsoleDialogs';
import { queryValue } from '../../../../utils/nav';
import { isMeetingDayCN, stateClass } from '../../../../pages/meeting/detail/kit';
import AgendaCard from './AgendaCard';
import { UnexplainedCard } from './AgendaTasks';
import MaterialAttach from './MaterialAttach';
import MaterialsCard from '../../../../components/MaterialsCard';
import StepCard from './StepCard';
import { AfterCard, CheckInCodeCard } from './SideCards';
import AttendanceCards from './AttendanceCards';
import { useConsole } from './useConsole';
import { useDesk } from './useDesk';
import '../../../../pages/meeting/detail/kit.css';
import './index.css';

export default function MeetingConsole() {
  const { params } = useRouter();
  const c = useConsole(queryValue(params, 'id') || queryValue(params, 'meetingId'));
  const desk = useDesk();
  const { state, busy, open } = c;

  if (state.kind !== 'ready') return <PageShell className='mconsole' state={state} skeleton={[[90, 60, 70], [40, 100], [100, 100, 100]]} onRetry={() => void c.record.reload()} />;

  const loaded = state.value;
  const { meeting: m, draftsMinutes } = loaded;
  const doorOpen = hasFlag(meetingWorkflow, m.state as MeetingStatus, 'door_open') && isMeetingDayCN(m.plannedAt);

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

            <StepCard m={m} draftsMinutes={draftsMinutes} busy={busy} onStep={c.step} />
            <AfterCard m={m} draftsMinutes={draftsMinutes} />
            <CheckInCodeCard m={m} code={c.code} doorOpen={doorOpen} busy={busy} onShow={c.showCode} />

            <MaterialsCard m={m}>
              <MaterialAttach m={m} onAttached={c.attached} reload={c.record.reload} />
            </MaterialsCard>

            <UnexplainedCard sections={m.agenda.sections} />

            {m.agenda.sections.length > 0 || open === 'agenda' ? (
              <AgendaCard
                sections={m.agenda.sections}
                canEdit={m.allowedActions.includes('updateAgenda')}
                editing={open === 'agenda'}
                busy={busy === 'updateAgenda'}
                locked={busy !== null}
                error={open === 'agenda' ? c.dialogError : null}
                onEdit={() => c.openDialog('agenda')}
                onCancel={c.close}
                onSave={c.saveAgenda}
              />
            ) : null}
          </View>

          <AttendanceCards loaded={loaded} desk={desk} canMark={doorOpen && m.allowedActions.includes('checkIn')} c={c} />
        </View>
      </View>

      <ConsoleDialogs loaded={loaded} c={c} />
    </PageShell>
  );
}
