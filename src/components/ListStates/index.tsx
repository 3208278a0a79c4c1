import { Text, View } from '@tarojs/components';
import type { PagedList } from '../../hooks/usePagedList';
import Skeleton from '../Skeleton';
import StateView from '../StateView';

export interface ListStatesProps<T> {
  list: PagedList<T>;
  /** one skeleton card per entry, each its line widths in % */
  skeleton: number[][];
  emptyTitle: string;
  emptyMessage?: string;
}

/**
 * A paged list before it has items: a skeleton while loading, the error (what happened, 重试 where
 * it can help, 返回 / 回到首页), or empty.
 */
export default function ListStates<T>({ list, skeleton, emptyTitle, emptyMessage }: ListStatesProps<T>) {
  const { state } = list;
  if (state.kind === 'loading') {
    return (
      <View>
        <Text className='sr-only'>加载中…</Text>
        {skeleton.map((lines, i) => (
          <Skeleton key={i} lines={lines} />
        ))}
      </View>
    );
  }
  if (state.kind === 'error') {
    return <StateView kind='error' error={state.error} onRetry={() => void list.reload()} />;
  }
  return state.items.length === 0 ? <StateView kind='empty' title={emptyTitle} message={emptyMessage} /> : null;
}
