// Issue #19: every meeting of the org (held and cancelled ones too), by year and state, searchable
// by title (meeting.list { year, status, q }); a card opens the meeting's dossier in place. Home's
// work queue and 我的 link here, with `?status=` / `?year=` / `?orgId=` (a county's, read only).
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { MeetingCardView } from '../../../../../domain/schemas/meeting';
import { MEETING_STATES, type MeetingStatus } from '../../../../../domain/workflows/meeting';
import { PagedListFooter } from '../../../../components/ListFooter';
import ListStates from '../../../../components/ListStates';
import PageShell from '../../../../components/PageShell';
import Tap from '../../../../components/Tap';
import { usePagedListPage } from '../../../../hooks/usePagedList';
import { call } from '../../../../services/api';
import { formatDateTimeCN } from '../../../../utils/date';
import { queryValue } from '../../../../utils/nav';
import { stateClass } from '../../../../pages/meeting/detail/kit';
import Dossier from './Dossier';
import Filters, { type MeetingFilter } from './Filters';
import '../../../../pages/meeting/detail/kit.css';
import './index.css';

const isStatus = (s: string): s is MeetingStatus => (MEETING_STATES as readonly string[]).includes(s);

export default function Meetings() {
  const { params } = useRouter();
  const orgId = queryValue(params, 'orgId');
  const [filter, setFilter] = useState<MeetingFilter>(() => {
    const status = queryValue(params, 'status');
    const year = Number.parseInt(queryValue(params, 'year'), 10);
    return { q: '', ...(isStatus(status) ? { status } : {}), ...(year ? { year } : {}) };
  });
  // the search waits for the typing to pause
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(filter.q.trim()), filter.q ? 300 : 0);
    return () => clearTimeout(t);
  }, [filter.q]);
  const [openId, setOpenId] = useState<string | null>(null);

  const fetchPage = useCallback(
    (cursor?: string) =>
      call('meeting.list', {
        scope: 'org',
        ...(orgId ? { orgId } : {}),
        ...(filter.year ? { year: filter.year } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(q ? { q } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [orgId, filter.year, filter.status, q],
  );
  const list = usePagedListPage<MeetingCardView>(fetchPage);
  const { state } = list;

  return (
    <PageShell className='mlist'>
      <View className='page-container'>
        <Filters value={filter} onChange={setFilter} />
        <ListStates list={list} skeleton={[[70, 50], [70, 50], [70, 50]]} emptyTitle='没有符合条件的会议' emptyMessage='可换一个年份或状态，或清除搜索词' />
        {state.kind === 'ready' && state.items.length > 0 ? (
          <View className='mlist__items'>
            {state.items.map((m) => {
              const open = openId === m.id;
              return (
                <View key={m.id} className='card mlist__card'>
                  <Tap role='button' className='mlist__head' hoverClass='mlist__head--hover' label={`${m.title}，${m.stateLabel}，${open ? '收起档案' : '展开档案'}`} onTap={() => setOpenId(open ? null : m.id)}>
                    <View className='mlist__title-row'>
                      <Text className='mlist__title'>{m.title}</Text>
                      <Text className={stateClass(m.state)}>{m.stateLabel}</Text>
                    </View>
                    <Text className='mlist__meta'>
                      {formatDateTimeCN(m.plannedAt)} · {m.kindLabel}
                      {m.place ? ` · ${m.place}` : ''}
                    </Text>
                    <Text className='mlist__toggle'>{open ? '收起档案 ▴' : '查看档案 ▾'}</Text>
                  </Tap>
                  {open ? <Dossier m={m} /> : null}
                </View>
              );
            })}
            <PagedListFooter list={list} />
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
