// The meetings page's filters (issue #19): the year planned, the state, words of the title.
import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { MEETING_STATES, type MeetingStatus, meetingWorkflow } from '../../../../../domain/workflows/meeting';
import { MEETING_QUERY_MAX } from '../../../../../domain/workbench';
import Tap from '../../../../components/Tap';

export interface MeetingFilter {
  year?: number;
  status?: MeetingStatus;
  q: string;
}

/** This year and the two before it (a meeting is looked up by the year it was held). */
export function recentYears(now = new Date()): number[] {
  const y = now.getFullYear();
  return [y + 1, y, y - 1, y - 2];
}

export default function Filters({ value, onChange }: { value: MeetingFilter; onChange: (f: MeetingFilter) => void }) {
  return (
    <View className='card mlist__filters'>
      <Input
        className='mlist__search'
        value={value.q}
        maxlength={MEETING_QUERY_MAX}
        placeholder='按会议名称搜索'
        placeholderClass='mlist__placeholder'
        aria-label='按会议名称搜索'
        onInput={(e) => onChange({ ...value, q: e.detail.value })}
      />
      <Row label='年份'>
        <Chip on={value.year === undefined} text='全部年份' onTap={() => onChange({ ...value, year: undefined })} />
        {recentYears().map((y) => (
          <Chip key={y} on={value.year === y} text={`${y}年`} onTap={() => onChange({ ...value, year: y })} />
        ))}
      </Row>
      <Row label='状态'>
        <Chip on={value.status === undefined} text='全部状态' onTap={() => onChange({ ...value, status: undefined })} />
        {MEETING_STATES.map((s) => (
          <Chip key={s} on={value.status === s} text={meetingWorkflow.states[s].label} onTap={() => onChange({ ...value, status: s })} />
        ))}
      </Row>
    </View>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='mlist__row' role='group' aria-label={`按${label}筛选`}>
      <Text className='mlist__row-label' aria-hidden='true'>
        {label}
      </Text>
      <View className='mlist__chips'>{children}</View>
    </View>
  );
}

function Chip({ on, text, onTap }: { on: boolean; text: string; onTap: () => void }) {
  return (
    <Tap role='button' className={on ? 'mlist__chip mlist__chip--on' : 'mlist__chip'} label={on ? `${text}（已选）` : undefined} onTap={onTap}>
      <Text>{text}</Text>
    </Tap>
  );
}
