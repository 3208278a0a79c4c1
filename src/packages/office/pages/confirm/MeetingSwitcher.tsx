// Issue #19: every meeting collecting topics is reachable from the confirmation page. When more than
// one of the org's meetings accepts topics (the workflow's `accepts_topics` flag, never a spelled
// state), a switcher names them all and opens the list of the one picked; with one, nothing shows.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { hasFlag } from '../../../../../domain/workflow';
import { MEETING_STATES, meetingWorkflow } from '../../../../../domain/workflows/meeting';
import type { MeetingCardView } from '../../../../../domain/schemas/meeting';
import Tap from '../../../../components/Tap';
import { call } from '../../../../services/api';
import { formatDateCN } from '../../../../utils/date';
import { ROUTES, pageUrl } from '../../../../utils/nav';

const COLLECTING = MEETING_STATES.filter((s) => hasFlag(meetingWorkflow, s, 'accepts_topics'));

/** The org's meetings that accept topics now, soonest first (every page of each state). */
async function collecting(): Promise<MeetingCardView[]> {
  const all: MeetingCardView[] = [];
  for (const status of COLLECTING) {
    let cursor: string | undefined;
    do {
      const page = await call('meeting.list', { scope: 'org', status, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return all.sort((a, b) => a.plannedAt.localeCompare(b.plannedAt));
}

export default function MeetingSwitcher({ meetingId }: { meetingId: string }) {
  const [meetings, setMeetings] = useState<MeetingCardView[]>([]);
  useEffect(() => {
    let live = true;
    collecting().then(
      (list) => live && setMeetings(list),
      () => undefined, // the page's own list still shows; the switcher is a way to the others
    );
    return () => {
      live = false;
    };
  }, []);
  if (meetings.length < 2) return null;
  const go = (id: string) => {
    if (id !== meetingId) void Taro.redirectTo({ url: pageUrl(ROUTES.confirm, { meetingId: id }) });
  };
  return (
    <View className='card confirm-switch' role='navigation' aria-label='征集议题中的会议'>
      <Text className='confirm-switch__title'>{`${meetings.length} 个会议正在征集议题`}</Text>
      <View className='confirm-switch__list'>
        {meetings.map((m) => {
          const on = m.id === meetingId;
          return (
            <Tap
              key={m.id}
              role='link'
              className={on ? 'confirm-switch__item confirm-switch__item--on' : 'confirm-switch__item'}
              hoverClass='confirm-switch__item--hover'
              current={on}
              onTap={() => go(m.id)}
            >
              <Text className='confirm-switch__name'>{m.title}</Text>
              <Text className='confirm-switch__date'>{`计划 ${formatDateCN(m.plannedAt)}`}</Text>
            </Tap>
          );
        })}
      </View>
    </View>
  );
}
