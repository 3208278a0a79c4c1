// The console's wide column (Art. 5): 回复情况 — replies at a glance (已确认 / 请假 / 代会 / 未回复,
// 已签到), each a filter of the list — and 参会名单 with its buttons (导出参会名单, 导出签到表 / 归档下载,
// 邀请参会人员, 设定主持人, each only when offered) and the list itself: a table at a desk, cards on a phone.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AttendanceRowView } from '../../../../../domain/schemas/meeting';
import Btn from '../../../../components/Btn';
import StateView from '../../../../components/StateView';
import Tap from '../../../../components/Tap';
import DocumentButtons from './DocumentButtons';
import { AttendanceTable, PersonCard } from './AttendanceList';
import { AFTER_MEETING } from './SideCards';
import type { Console, ConsoleModel } from './useConsole';

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

interface Props {
  loaded: Console;
  desk: boolean;
  /** 登记签到 is offered (the meeting day, the door open, 'checkIn' allowed) */
  canMark: boolean;
  c: ConsoleModel;
}

export default function AttendanceCards({ loaded, desk, canMark, c }: Props) {
  const [filter, setFilter] = useState<Filter>('all');
  const { meeting: m, attendance, attendanceError } = loaded;
  const { busy } = c;
  const allowed = (a: string) => m.allowedActions.includes(a);
  const counts = attendance?.counts ?? (m.replies ? { invited: m.replies.attend + m.replies.decline + m.replies.substitute + m.replies.none, ...m.replies } : null);
  const rows = attendance ? attendance.rows.filter((r) => matches(r, filter)) : [];
  const listed = !!attendance && attendance.rows.length > 0;
  const stale = () => void c.record.reload(true);
  return (
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
          {listed ? (
            <Btn kind='outline' small busy={busy === 'export'} busyText='导出中…' disabled={busy !== null} onClick={c.exportList}>
              导出参会名单
            </Btn>
          ) : null}
          {listed ? <DocumentButtons meetingId={m.id} held={AFTER_MEETING.includes(m.state)} disabled={busy !== null} /> : null}
          {allowed('invite') ? (
            <Btn kind='default' small disabled={busy !== null} onClick={() => c.openDialog('invite')}>
              邀请参会人员
            </Btn>
          ) : null}
          {allowed('setPresiding') ? (
            <Btn kind='default' small disabled={busy !== null} onClick={() => c.openDialog('setPresiding')}>
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
            onRetry={() => void c.record.reload()}
            exits={false}
          />
        ) : null}
        {attendance && attendance.rows.length === 0 ? <StateView kind='empty' compact title={allowed('invite') ? '尚未邀请参会人员' : '暂无参会人员'} /> : null}
        {listed && rows.length === 0 ? <StateView kind='empty' compact title='没有符合条件的人员' /> : null}
        {rows.length > 0 ? (
          desk ? (
            <AttendanceTable rows={rows} canMark={canMark} busy={busy} meetingId={m.id} onStale={stale} onMark={c.markPresent} onUninvite={c.uninvite} onUndo={c.askUndo} />
          ) : (
            <View className='mconsole__people'>
              {rows.map((r) => (
                <PersonCard key={r.personId} row={r} canMark={canMark} busy={busy} meetingId={m.id} onStale={stale} onMark={() => c.markPresent(r)} onUninvite={() => c.uninvite(r)} onUndo={() => c.askUndo(r)} />
              ))}
            </View>
          )
        ) : null}
      </View>
    </View>
  );
}
