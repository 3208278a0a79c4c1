import type { PagedList } from '../../hooks/usePagedList';
import { LoadStates } from '../../kit/PageShell';

export interface ListStatesProps<T> {
  list: PagedList<T>;
  /** one skeleton card per entry, each its line widths in % */
  skeleton: number[][];
  emptyTitle: string;
  emptyMessage?: string;
}

/**
 * A paged list before it has items: a skeleton while loading, the error (what happened, 重试 where
 * it can help, 返回 / 回到首页), or empty — the page kit's states (kit/PageShell).
 */
export default function ListStates<T>({ list, skeleton, emptyTitle, emptyMessage }: ListStatesProps<T>) {
  const { state } = list;
  const empty = state.kind === 'ready' && state.items.length === 0 ? { title: emptyTitle, message: emptyMessage } : null;
  return <LoadStates state={state} skeleton={skeleton} onRetry={() => void list.reload()} empty={empty} />;
}
