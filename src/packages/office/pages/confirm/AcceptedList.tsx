// 议题清单 (Art. 6): the accepted topics loaded so far, numbered oldest first — a table at a desk,
// rows on a phone — each with its opinion round in words and, issue #16, 无意见 where the server
// offers it to this side's office; the list's footer (加载更多) below.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ListTopicView } from '../../../../../domain/schemas/topic';
import Btn from '../../../../components/Btn';
import { PagedListFooter } from '../../../../components/ListFooter';
import StateView from '../../../../components/StateView';
import Tap from '../../../../components/Tap';
import type { PageOf, PagedList } from '../../../../hooks/usePagedList';
import { ROUTES, pageUrl } from '../../../../utils/nav';
import { HeadRow, Row, Table, TableLink, Td, Th } from '../../parts/Table';
import { useDeskTable } from '../../parts/useDesk';

export type ListAction = 'confirmList' | 'revokeConfirmation' | 'noOpinionAll' | 'exportReplies' | `noOpinion:${string}`;

function openTopic(id: string): void {
  void Taro.navigateTo({ url: pageUrl(ROUTES.detail, { id }) });
}

/** The opinion round of one topic, in words (the colour only repeats them): 意见：已提 / 无意见（由X办公室登记） / 待提意见. */
function opinionText(topic: ListTopicView): string {
  return `意见：${topic.opinionStateLabel}`;
}

function opinionClass(topic: ListTopicView): string {
  return topic.opinionState === 'pending' ? 'opinion-state' : 'opinion-state opinion-state--given';
}

interface NoOpinionProps {
  busy: ListAction | null;
  onNoOpinion: (topic: ListTopicView) => void;
}

/** Issue #16: the 无意见 button of a topic, only where the server offers it (that side's office). */
function NoOpinionBtn({ topic, busy, onNoOpinion }: { topic: ListTopicView } & NoOpinionProps) {
  if (!topic.allowedActions.includes('noOpinion')) return null;
  return (
    <Btn kind='outline' small busy={busy === `noOpinion:${topic.id}`} busyText='登记中…' disabled={busy !== null} label={`无意见：${topic.title}`} onClick={() => onNoOpinion(topic)}>
      无意见
    </Btn>
  );
}

/** The accepted topics loaded so far, numbered oldest first, with the list's footer. */
export default function AcceptedList<P extends PageOf<ListTopicView>>({ list, items, total, busy, onNoOpinion }: { list: PagedList<ListTopicView, P>; items: ListTopicView[]; total: number } & NoOpinionProps) {
  const desk = useDeskTable();
  return (
    <View className='card accepted'>
      <View className='card__head'>
        <Text className='card__title'>议题清单</Text>
        <Text className='card__more'>共 {total} 项</Text>
      </View>
      {items.length === 0 ? (
        <StateView kind='empty' compact title='暂无已采纳的议题' />
      ) : desk ? (
        <ListTable items={items} busy={busy} onNoOpinion={onNoOpinion} />
      ) : (
        items.map((t, i) => <TopicRow key={t.id} no={i + 1} topic={t} busy={busy} onNoOpinion={onNoOpinion} />)
      )}
      <PagedListFooter list={list} />
    </View>
  );
}

function TopicRow({ no, topic, busy, onNoOpinion }: { no: number; topic: ListTopicView } & NoOpinionProps) {
  return (
    <View className='confirm-row'>
      <Tap role='link' className='list-item' hoverClass='list-item--hover' onTap={() => openTopic(topic.id)}>
        <Text className='list-item__no'>{no}</Text>
        <View className='list-item__main'>
          <Text className='list-item__title'>{topic.title}</Text>
          <Text className='list-item__meta'>
            {topic.categoryLabel} · {topic.sideLabel} · {topic.proposerName} · 征求{topic.opinionSideLabel}意见
          </Text>
          {/* Said in words, not by colour alone. */}
          <Text className={opinionClass(topic)}>{opinionText(topic)}</Text>
        </View>
      </Tap>
      {/* outside the link: a button is never inside another control */}
      {topic.allowedActions.includes('noOpinion') ? (
        <View className='confirm-row__act'>
          <NoOpinionBtn topic={topic} busy={busy} onNoOpinion={onNoOpinion} />
        </View>
      ) : null}
    </View>
  );
}

/** Desk: the list as a table; the title opens the topic. */
function ListTable({ items, busy, onNoOpinion }: { items: ListTopicView[] } & NoOpinionProps) {
  return (
    <Table label='议题清单' className='confirm-table'>
      <HeadRow>
        <Th>序号</Th>
        <Th>议题</Th>
        <Th>类别</Th>
        <Th>提出方</Th>
        <Th>提出人</Th>
        <Th>意见</Th>
      </HeadRow>
      {items.map((t, i) => (
        <Row key={t.id}>
          <Td className='dtable__cell--num'>{i + 1}</Td>
          <Td>
            <TableLink onOpen={() => openTopic(t.id)}>{t.title}</TableLink>
          </Td>
          <Td>{t.categoryLabel}</Td>
          <Td>{t.sideLabel}</Td>
          <Td>{t.proposerName}</Td>
          <Td>
            <Text className={opinionClass(t)}>{opinionText(t)}</Text>
            <NoOpinionBtn topic={t} busy={busy} onNoOpinion={onNoOpinion} />
          </Td>
        </Row>
      ))}
    </Table>
  );
}
