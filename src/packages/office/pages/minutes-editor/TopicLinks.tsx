// Issue #23: while drafting, the union office names the listed topics each decided item answers
// (a multi-select of the meeting's list, the topics not yet answered suggested first), and gives
// the reason for a listed topic the meeting did not take up — the proposer reads both.
import { Text, Textarea, View } from '@tarojs/components';
import { NOT_TAKEN_UP_REASON } from '../../../../../domain/chain-rules';
import Tap from '../../../../components/Tap';
import './topic-links.css';

export interface ListedTopic {
  id: string;
  title: string;
  sideLabel: string;
}

/** The topics one decided item answers: every listed topic as a chip, those answered elsewhere marked. */
export function DecisionTopics(props: {
  n: number;
  topics: readonly ListedTopic[];
  value: readonly string[];
  /** topics already answered by another decided item or recorded as not taken up */
  elsewhere: ReadonlySet<string>;
  disabled?: boolean;
  onChange: (ids: string[]) => void;
}) {
  const { n, topics, value, elsewhere, disabled, onChange } = props;
  if (!topics.length) return null;
  // suggested: what no decided item answers yet first, in the list's order
  const ordered = [...topics].sort((a, b) => Number(elsewhere.has(a.id) || value.includes(a.id)) - Number(elsewhere.has(b.id) || value.includes(b.id)));
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((x) => x !== id) : [...value, id]);
  return (
    <View className='tlinks' role='group' aria-label={`第 ${n} 项对应的议题`}>
      <Text className='tlinks__label'>对应议题（议题提出人可看到落实情况）</Text>
      <View className='tlinks__chips'>
        {ordered.map((t) => {
          const on = value.includes(t.id);
          return (
            <Tap key={t.id} role='switch' checked={on} disabled={disabled} className={on ? 'tlinks__chip tlinks__chip--on' : 'tlinks__chip'} onTap={() => toggle(t.id)}>
              <Text>{on ? '✓ ' : ''}{t.title}</Text>
              {!on && !elsewhere.has(t.id) ? <Text className='tlinks__hint'>（建议）</Text> : null}
            </Tap>
          );
        })}
      </View>
    </View>
  );
}

/** Listed topics no decided item answers: each may be recorded as not taken up, with the reason. */
export function NotTakenUp(props: {
  topics: readonly ListedTopic[];
  answered: ReadonlySet<string>;
  value: ReadonlyArray<{ topicId: string; reason: string }>;
  disabled?: boolean;
  onChange: (v: Array<{ topicId: string; reason: string }>) => void;
}) {
  const { topics, answered, value, disabled, onChange } = props;
  const open = topics.filter((t) => !answered.has(t.id));
  if (!open.length) return null;
  const reasonOf = (id: string) => value.find((x) => x.topicId === id)?.reason;
  const set = (id: string, reason: string | null) =>
    onChange(reason === null ? value.filter((x) => x.topicId !== id) : [...value.filter((x) => x.topicId !== id), { topicId: id, reason }]);
  return (
    <View className='card tlinks-skip' role='group' aria-label='本次会议未议定的议题'>
      <Text className='card__title'>未形成议定事项的议题（{open.length} 项）</Text>
      <Text className='tlinks__label'>写明原因的，印发后作为答复告知议题提出人。</Text>
      {open.map((t) => {
        const reason = reasonOf(t.id);
        return (
          <View key={t.id} className='tlinks-skip__row'>
            <Tap role='switch' checked={reason !== undefined} disabled={disabled} className='tlinks-skip__title' onTap={() => set(t.id, reason === undefined ? '' : null)}>
              <Text>{reason !== undefined ? '☑' : '☐'} 本次会议未议定：{t.title}</Text>
            </Tap>
            {reason !== undefined ? (
              <Textarea
                className='tlinks-skip__reason'
                value={reason}
                maxlength={NOT_TAKEN_UP_REASON.max}
                placeholder='原因，如：会议决定先行调研，提交下次会议研究'
                disabled={disabled}
                onInput={(e) => set(t.id, e.detail.value)}
              />
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
