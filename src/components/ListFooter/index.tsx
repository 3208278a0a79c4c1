import { Text, View } from '@tarojs/components';
import type { PagedList } from '../../hooks/usePagedList';
import Btn from '../Btn';

export interface ListFooterProps {
  hasMore: boolean;
  loadingMore: boolean;
  error: string | null;
  count: number;
  onMore: () => void;
}

/** The end of a paged list: a 加载更多 button (also reached by scrolling), its error, or the end. */
export default function ListFooter({ hasMore, loadingMore, error, count, onMore }: ListFooterProps) {
  if (!hasMore) {
    // The end is worth saying only when the list was long enough to scroll.
    return count > 5 ? (
      <View className='list-footer'>
        <Text>没有更多了</Text>
      </View>
    ) : null;
  }
  return (
    <View className='list-footer'>
      {error ? <Text className='list-footer__error'>{error}　</Text> : null}
      <Btn small busy={loadingMore} busyText='加载中…' onClick={onMore}>
        {error ? '重试' : '加载更多'}
      </Btn>
    </View>
  );
}

/** The footer of a paged list, read from the list itself. */
export function PagedListFooter<T>({ list }: { list: PagedList<T> }) {
  const { state } = list;
  if (state.kind !== 'ready') return null;
  return (
    <ListFooter
      hasMore={Boolean(state.nextCursor)}
      loadingMore={state.loadingMore}
      error={state.moreError}
      count={state.items.length}
      onMore={() => void list.loadMore()}
    />
  );
}
