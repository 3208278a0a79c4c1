// One meeting's dossier (issue #19): where each of its records is kept — the console, the notice and
// its history (issue #16), the topics, and once held the minutes with their versions, the checklist
// with its lights and the press release. Only what the meeting's state has.
import { Text, View } from '@tarojs/components';
import type { MeetingCardView } from '../../../../../domain/schemas/meeting';
import { hasFlag } from '../../../../../domain/workflow';
import { type MeetingStatus, meetingWorkflow } from '../../../../../domain/workflows/meeting';
import Tap from '../../../../components/Tap';
import { ROUTES, openPage } from '../../../../utils/nav';
import { MEETING_PAGES } from '../../../../pages/meeting/detail/kit';

export function dossierLinks(m: MeetingCardView): Array<{ label: string; hint: string; open: () => void }> {
  const state = m.state as MeetingStatus;
  const held = hasFlag(meetingWorkflow, state, 'was_held');
  // called off once under way (a 取消通知 may exist), not declined at the request
  const cancelledAfterCollection = hasFlag(meetingWorkflow, state, 'called_off') && !hasFlag(meetingWorkflow, state, 'before_collection');
  return [
    { label: '会议工作台', hint: '进展、参会名单与回复、签到', open: () => openPage(ROUTES.meetingConsole, { id: m.id }) },
    ...(hasFlag(meetingWorkflow, state, 'list_final') || cancelledAfterCollection ? [{ label: '会议通知', hint: '现行通知及历次变更通知', open: () => openPage(MEETING_PAGES.notice, { id: m.id }) }] : []),
    ...(!hasFlag(meetingWorkflow, state, 'before_collection') ? [{ label: '会议议题', hint: '议题清单与征求意见情况', open: () => openPage(ROUTES.topics, { meetingId: m.id, meetingTitle: m.title }) }] : []),
    ...(held
      ? [
          { label: '会议纪要', hint: '纪要正文、审核进度与各版本', open: () => openPage(ROUTES.minutes, { meetingId: m.id }) },
          { label: '落实清单', hint: '议定事项的责任单位、时限与红黄绿灯', open: () => openPage(ROUTES.checklist, { meetingId: m.id }) },
          { label: '新闻通稿', hint: '双方办公室审定的新闻稿', open: () => openPage(ROUTES.press, { meetingId: m.id }) },
        ]
      : []),
  ];
}

export default function Dossier({ m }: { m: MeetingCardView }) {
  return (
    <View className='mlist__dossier' role='group' aria-label={`${m.title}的档案`}>
      {dossierLinks(m).map((l) => (
        <Tap key={l.label} role='link' className='mlist__link' hoverClass='mlist__link--hover' onTap={l.open}>
          <View className='mlist__link-main'>
            <Text className='mlist__link-label'>{l.label}</Text>
            <Text className='mlist__link-hint'>{l.hint}</Text>
          </View>
          <Text className='mlist__link-go' aria-hidden='true'>
            ›
          </Text>
        </Tap>
      ))}
    </View>
  );
}
