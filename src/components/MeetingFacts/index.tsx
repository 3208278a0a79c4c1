// What the meeting pages (an invitee's detail, the offices' console) both show of a meeting: the
// notices for a cancelled or declined meeting, and the facts block (time, place, who presides, the
// notice's 文号 and date, who convenes, the reason, the rules it runs under). Styles:
// pages/meeting/detail/kit.css; the rules line in ./index.css.
import { Text, View } from '@tarojs/components';
import type { MeetingView } from '../../../domain/schemas/meeting';
import { formatDateCN, formatDateTimeCN } from '../../utils/date';
import './index.css';

/** 会议已取消 / 政府方未同意召开, with the reason given; nothing in any other state. */
export function MeetingEndNotices({ m }: { m: MeetingView }) {
  return (
    <>
      {m.state === 'cancelled' ? (
        <View className='notice notice--error' role='alert'>
          <Text className='notice__title'>会议已取消</Text>
          {m.cancelReason ? <Text className='notice__text'>取消原因：{m.cancelReason}</Text> : null}
        </View>
      ) : null}
      {m.state === 'declined' ? (
        <View className='notice notice--error'>
          <Text className='notice__title'>政府方未同意召开</Text>
          {m.declineReason ? <Text className='notice__text'>理由：{m.declineReason}</Text> : null}
        </View>
      ) : null}
    </>
  );
}

interface MeetingFactsProps {
  m: MeetingView;
  /** what 通知文号 says before the notice is issued */
  noDocNumber: string;
  /** the values can be selected (and copied) */
  selectable?: boolean;
}

export default function MeetingFacts({ m, noDocNumber, selectable }: MeetingFactsProps) {
  return (
    <View className='mfacts'>
      <Fact label='时间' value={formatDateTimeCN(m.plannedAt)} strong selectable={selectable} />
      <Fact label='地点' value={m.place ?? '待定'} strong selectable={selectable} />
      <Fact label='主持' value={m.presiding ? `${m.presiding.name}（${m.presiding.title}）` : '待定'} selectable={selectable} />
      <Fact label='通知文号' value={m.docNumber ?? noDocNumber} selectable={selectable} />
      {m.noticeIssuedAt ? <Fact label='印发日期' value={formatDateCN(m.noticeIssuedAt)} selectable={selectable} /> : null}
      <Fact label='召集' value={`${m.orgName}人民政府、${m.orgName}总工会`} selectable={selectable} />
      {m.reason ? <Fact label='会议事由' value={m.reason} selectable={selectable} /> : null}
      {/* Art. 13: the rules document and the parameter version the meeting runs under */}
      {m.rules ? (
        <Text className='mfacts__rules'>{`依据《联席会议工作规则》（${m.rules.source}），参数自 ${formatDateCN(m.rules.effectiveFrom)} 起施行`}</Text>
      ) : null}
    </View>
  );
}

function Fact({ label, value, strong, selectable }: { label: string; value: string; strong?: boolean; selectable?: boolean }) {
  return (
    <View className='mfact'>
      <Text className='mfact__label'>{label}</Text>
      {selectable ? (
        <Text className={strong ? 'mfact__value mfact__value--strong' : 'mfact__value'} userSelect>
          {value}
        </Text>
      ) : (
        <Text className={strong ? 'mfact__value mfact__value--strong' : 'mfact__value'}>{value}</Text>
      )}
    </View>
  );
}
