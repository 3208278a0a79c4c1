// The console's 下一步 card (Art. 4, 5, 7, 8): the next step and who takes it (from the workflow's
// edges out of the meeting's state, in words), the step buttons the server allows this caller
// (allowedActions, in a fixed order), and the links to the meeting's other pages.
import { Text, View } from '@tarojs/components';
import { MAY_PRESIDE } from '../../../../../domain/meeting-rules';
import type { MeetingView } from '../../../../../domain/schemas/meeting';
import { ROLE_INFO } from '../../../../../domain/roles';
import { hasFlag } from '../../../../../domain/workflow';
import { meetingWorkflow, type MeetingStatus } from '../../../../../domain/workflows/meeting';
import Btn from '../../../../components/Btn';
import Tap from '../../../../components/Tap';
import { ROUTES, openPage } from '../../../../utils/nav';
import { MEETING_PAGES, openOrBack } from '../../../../pages/meeting/detail/kit';
import type { Act } from './AttendanceList';

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

function PageLink({ label, onTap }: { label: string; onTap: () => void }) {
  return (
    <Tap role='link' className='mconsole__link' hoverClass='mconsole__link--hover' onTap={onTap}>
      <Text>{label}</Text>
    </Tap>
  );
}

interface Props {
  m: MeetingView;
  draftsMinutes: boolean;
  busy: Act | null;
  onStep: (a: Act) => void;
}

export default function StepCard({ m, draftsMinutes, busy, onStep }: Props) {
  const allowed = (a: string) => m.allowedActions.includes(a);
  const steps = STEP_ACTIONS.filter((s) => allowed(s.act));
  const state = m.state as MeetingStatus;
  const topicsOpen = !hasFlag(meetingWorkflow, state, 'before_collection');
  return (
    <View className='card mconsole__next'>
      <View className='card__head'>
        <Text className='card__title'>下一步</Text>
      </View>
      <Text className='mconsole__step'>{m.nextStep ?? (hasFlag(meetingWorkflow, state, 'called_off') ? '会议不再召开' : '暂无待办')}</Text>
      {whoTakes(m.state).map((line) => (
        <Text key={line} className='mconsole__who'>
          {line}
        </Text>
      ))}
      {steps.length > 0 ? (
        <View className='mconsole__buttons'>
          {steps.map((s) => (
            <Btn key={s.act} kind={s.kind} busy={busy === s.act} disabled={busy !== null} onClick={() => onStep(s.act)}>
              {s.label}
            </Btn>
          ))}
        </View>
      ) : m.nextStep ? (
        // issue #19: the union office's own minutes step is done in the editor, not here
        <Text className='mconsole__hint'>{draftsMinutes && hasFlag(meetingWorkflow, state, 'was_held') && !hasFlag(meetingWorkflow, state, 'minutes_out') ? '请在下方「会后工作」中起草、提交会议纪要。' : '这一步不由您办理，您可在此查看进展。'}</Text>
      ) : null}
      <View className='mconsole__links'>
        {topicsOpen ? <PageLink label='会议议题 ›' onTap={() => openPage(ROUTES.topics, { meetingId: m.id, meetingTitle: m.title })} /> : null}
        {m.docNumber || hasFlag(meetingWorkflow, state, 'list_final') ? <PageLink label={m.docNumber ? '会议通知 ›' : '预览会议通知 ›'} onTap={() => openOrBack(MEETING_PAGES.notice, { id: m.id })} /> : null}
        {allowed('setSeating') ? <PageLink label='会场座次与桌签 ›' onTap={() => openOrBack(MEETING_PAGES.seating, { id: m.id })} /> : null}
        {allowed('doorToken') || allowed('advanceAgenda') ? <PageLink label='会议投屏 ›' onTap={() => openOrBack(MEETING_PAGES.screen, { id: m.id })} /> : null}
        <PageLink label='参会人员看到的页面 ›' onTap={() => openOrBack(MEETING_PAGES.detail, { id: m.id })} />
      </View>
    </View>
  );
}
