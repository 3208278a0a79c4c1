// Home's entries (issue #18): the server sends each as an action of the registry the caller may
// call, with its labels (domain/home.ts); this file renders an entry by its action name — the page
// it opens and the count it shows. No role is tested here: what is offered is the server's answer.
import { Text, View } from '@tarojs/components';
import type { HomeView } from '../../../domain/schemas/account';
import Tap from '../../components/Tap';
import { ROUTES, openPage } from '../../utils/nav';
import { MEETINGS_PAGE } from '../../utils/workbench';

type Entry = HomeView['entries'][number];

/** The entries that sit in the list (topic.submit sits in each collecting meeting's card). */
const IN_LIST = (e: Entry) => e.action !== 'topic.submit';

export default function Entries({ home }: { home: HomeView }) {
  const { counts } = home;
  // The meeting the office screens and confirms for: the one collecting topics, else the next one.
  const listMeeting = home.collectingMeetings[0] ?? home.nextMeeting ?? null;
  const listQuery = listMeeting ? { meetingId: listMeeting.id, meetingTitle: listMeeting.title } : {};
  const entries = home.entries.filter(IN_LIST);
  const topicEntries = entries.filter((e) => e.action.startsWith('topic.'));
  const others = entries.filter((e) => !e.action.startsWith('topic.'));

  const render = (e: Entry) => {
    switch (e.action) {
      case 'topic.accept':
        return (
          <Item key={e.action} e={e} desc={counts.queue ? `${counts.queue} 个议题待审核` : e.hint} badge={counts.queue ?? 0} badgeUnit='个待审核' onTap={() => openPage(ROUTES.queue, listQuery)} />
        );
      case 'topic.addOpinion':
        return (
          <Item
            key={e.action}
            e={e}
            desc={counts.opinions ? `${counts.opinions} 个议题等待本方意见` : e.hint}
            badge={counts.opinions ?? 0}
            badgeUnit='个待提意见'
            onTap={() => openPage(ROUTES.topics, { meetingId: listMeeting?.id, tab: 'opinions' })}
          />
        );
      case 'topic.merge':
        return home.collectingMeetings.map((m) => <Item key={`${e.action}-${m.id}`} e={e} desc={m.title} onTap={() => openPage(ROUTES.topics, { meetingId: m.id })} />);
      case 'topic.confirmList':
        return listMeeting ? <Item key={e.action} e={e} onTap={() => openPage(ROUTES.confirm, listQuery)} /> : null;
      case 'task.exportChecklist':
        return (
          <Item key={e.action} e={e} desc={counts.overdue ? `${counts.overdue} 项任务已逾期，请督办` : e.hint} badge={counts.overdue ?? 0} badgeUnit='项逾期' onTap={() => openPage(ROUTES.checklist)} />
        );
      case 'compliance.org':
        return <Item key={e.action} e={e} onTap={() => openPage(MEETINGS_PAGE)} />;
      case 'compliance.overview':
        return <Item key={e.action} e={e} onTap={() => openPage(ROUTES.compliance)} />;
      case 'people.create':
        return <Item key={e.action} e={e} onTap={() => openPage(ROUTES.people)} />;
      case 'settings.set':
        return <Item key={e.action} e={e} onTap={() => openPage(ROUTES.orgSettings)} />;
      case 'meeting.request':
        return <Item key={e.action} e={e} onTap={() => openPage(ROUTES.meetingRequest)} />;
      default:
        return null; // an entry this app version has no page for
    }
  };

  return (
    <View className='card entries'>
      <Row mark='信' title='消息通知' desc='议题进展、会议通知等消息' badge={counts.unread} badgeUnit='条未读' onTap={() => openPage(ROUTES.inbox)} />
      {topicEntries.map(render)}
      {home.meetings.map((m) => (
        <Row key={`console-${m.id}`} mark='会' title={`会议工作台 · ${m.stateLabel}`} desc={m.nextStep ? `${m.title}｜下一步：${m.nextStep}` : m.title} onTap={() => openPage(ROUTES.meetingConsole, { id: m.id })} />
      ))}
      {others.map(render)}
    </View>
  );
}

interface ItemProps {
  e: Entry;
  desc?: string;
  badge?: number;
  badgeUnit?: string;
  onTap: () => void;
}

/** An entry of the server's: its mark and title as sent, the hint unless a count says more. */
function Item({ e, desc, badge, badgeUnit, onTap }: ItemProps) {
  return <Row mark={e.mark} title={e.title} desc={desc ?? e.hint} badge={badge} badgeUnit={badgeUnit} onTap={onTap} />;
}

interface RowProps {
  mark: string;
  title: string;
  desc: string;
  badge?: number;
  /** what the badge counts, for a screen reader (e.g. 条未读) */
  badgeUnit?: string;
  onTap: () => void;
}

function Row({ mark, title, desc, badge, badgeUnit, onTap }: RowProps) {
  return (
    <Tap role='link' className='entry' hoverClass='entry--hover' onTap={onTap}>
      <Text className='entry__mark' aria-hidden='true'>
        {mark}
      </Text>
      <View className='entry__main'>
        <Text className='entry__title'>{title}</Text>
        <Text className='entry__desc'>{desc}</Text>
      </View>
      {badge ? <Text className='entry__badge'>{badge > 99 ? '99+' : badge}</Text> : null}
      {badge && badgeUnit ? <Text className='sr-only'>{badgeUnit}</Text> : null}
      <Text className='entry__go' aria-hidden='true'>
        ›
      </Text>
    </Tap>
  );
}
