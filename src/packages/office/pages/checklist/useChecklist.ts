// The checklist board's data (index.tsx): the list and, for a meeting, its minutes, read together;
// the org's overdue tasks come a page at a time (issue #25): loadMore (加载更多, or scrolling to the
// bottom) reads the next page, and a reload (after an action, a pull) drops the pages loaded after the old one.
import { useReachBottom } from '@tarojs/taro';
import { useCallback, useMemo, useState } from 'react';
import type { MinutesView } from '../../../../../domain/schemas/minutes';
import type { TaskCardView, TaskListView } from '../../../../../domain/schemas/task';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { ApiError, call, toApiError } from '../../../../services/api';

export interface Board {
  list: TaskListView;
  /** meeting scope: the minutes with their decided items; null when they could not be read */
  minutes: MinutesView | null;
  minutesError: ApiError | null;
  /** the whole checklist is the caller's to follow: export it, see its decided items (the server says) */
  office: boolean;
}

/** Issue #25: the pages after the first (the org's overdue tasks come a page at a time), for one board. */
interface More {
  of: Board;
  items: TaskCardView[];
  cursor?: string;
  loading: boolean;
  error: string | null;
}

export function useChecklist(meetingId: string) {
  const fetchBoard = useCallback(async (): Promise<Board> => {
    const [list, minutes] = await Promise.allSettled([
      call('task.list', meetingId ? { scope: 'meeting', meetingId } : { scope: 'overdue' }),
      meetingId ? call('minutes.get', { meetingId }) : Promise.resolve(null),
    ]);
    if (list.status === 'rejected') throw list.reason;
    return {
      list: list.value,
      minutes: minutes.status === 'fulfilled' ? minutes.value : null,
      minutesError: minutes.status === 'rejected' ? toApiError(minutes.reason) : null,
      office: list.value.allowedActions.includes('exportChecklist'),
    };
  }, [meetingId]);
  const record = useRecordPage(fetchBoard, noBoard);
  const { state } = record;
  const [more, setMore] = useState<More | null>(null);
  const board = state.kind === 'ready' ? state.value : null;
  // a reload (after an action, a pull) answers a new first page: the pages loaded after the old one go
  const extra = more && board && more.of === board ? more : null;
  const cursor = extra ? extra.cursor : board?.list.nextCursor;
  const loadMore = useCallback(async () => {
    if (!board || !cursor || extra?.loading) return;
    setMore({ of: board, items: extra?.items ?? [], cursor, loading: true, error: null });
    try {
      const page = await call('task.list', meetingId ? { scope: 'meeting', meetingId, cursor } : { scope: 'overdue', cursor });
      setMore((m) => (m && m.of === board ? { ...m, items: [...m.items, ...page.items], cursor: page.nextCursor, loading: false } : m));
    } catch (e) {
      setMore((m) => (m && m.of === board ? { ...m, loading: false, error: toApiError(e).message } : m));
    }
  }, [board, cursor, extra, meetingId]);
  useReachBottom(() => void loadMore());

  const items = useMemo(() => (board ? [...board.list.items, ...(extra?.items ?? [])] : []), [board, extra]);
  const units = useMemo(() => Array.from(new Set(items.map((t) => t.unit))), [items]);
  return { record, state, board, extra, cursor, loadMore, items, units };
}

/** Never shown: the board always has something to read (a meeting's list, or the org's overdue tasks). */
function noBoard(): ApiError {
  return new ApiError('not_found', '落实清单不存在');
}
