// Issue #19, the page kit: one page shell. The frame (components/PageShell: top bar, 长辈版, desk
// column) with the states of the page's load drawn the same way everywhere: a skeleton while it
// loads, the error by its code (StateView: 无权查看 / 内容不存在 / 网络异常, 重试 where it can help),
// or empty. `<PageShell state={state} …>` draws the state until it is ready, then the children.
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import Frame, { type PageShellProps as FrameProps } from '../components/PageShell';
import Skeleton from '../components/Skeleton';
import StateView, { type StateError } from '../components/StateView';
import { shownState } from './rules';

export interface LoadStatesProps {
  /** the load: 'loading', 'error' (with its error) or anything else for loaded */
  state: { kind: string; error?: StateError };
  /** one skeleton card per entry, each its line widths in %; the first has a header block */
  skeleton?: number[][];
  /** 重试 for a failed load (not shown where the code says retrying cannot help) */
  onRetry?: () => void;
  /** loaded with nothing to show: this empty state instead of the children */
  empty?: { title: string; message?: string } | false | null;
  /** false: the error offers no ways out (返回 / 首页), e.g. on home itself */
  exits?: boolean;
}

/** The state of a load in place (inside a card or a page), or null when there is content to show. */
export function LoadStates({ state, skeleton = [[60, 90], [100, 100, 100]], onRetry, empty, exits }: LoadStatesProps): ReactNode {
  const shown = shownState(state.kind, !!empty);
  if (shown === 'loading') {
    return (
      <View>
        <Text className='sr-only'>加载中…</Text>
        {skeleton.map((lines, i) => (
          <Skeleton key={i} block={i === 0} lines={lines} />
        ))}
      </View>
    );
  }
  if (shown === 'error') {
    return <StateView kind='error' error={state.error ?? { code: 'internal', message: '加载失败' }} onRetry={onRetry} exits={exits} />;
  }
  if (shown === 'empty' && empty) return <StateView kind='empty' title={empty.title} message={empty.message} />;
  return null;
}

export type PageShellProps = FrameProps & Partial<LoadStatesProps>;

/** A page: its frame, and until its load is ready the state of it in the page's container. */
export default function PageShell({ state, skeleton, onRetry, empty, exits, children, ...frame }: PageShellProps) {
  if (!state || shownState(state.kind, !!empty) === 'ready') return <Frame {...frame}>{children}</Frame>;
  return (
    <Frame {...frame}>
      <View className='page-container'>
        <LoadStates state={state} skeleton={skeleton} onRetry={onRetry} empty={empty} exits={exits} />
      </View>
    </Frame>
  );
}

/** Why a write was refused, above the buttons that sent it (what was typed stays in the form). */
export function Refusal({ text, className }: { text: string | null | undefined; className?: string }) {
  if (!text) return null;
  return (
    <View className={`notice notice--error${className ? ` ${className}` : ''}`} role='alert'>
      <Text className='notice__text'>{text}</Text>
    </View>
  );
}
