import { Button, Text, View } from '@tarojs/components';
import './index.css';

export type StateKind = 'loading' | 'empty' | 'error' | 'notice';

export interface StateViewProps {
  kind: StateKind;
  /** the headline; defaults per kind */
  title?: string;
  /** a second, quieter line */
  message?: string;
  /** shows a button when both are given (e.g. 重试) */
  actionText?: string;
  onAction?: () => void;
  /** a one-line hint inside a card instead of a full-area state */
  compact?: boolean;
}

const DEFAULT_TITLE: Record<StateKind, string> = {
  loading: '加载中…',
  empty: '暂无内容',
  error: '加载失败',
  notice: '提示',
};

const ICON: Record<StateKind, string> = { loading: '…', empty: '○', error: '!', notice: 'i' };

/** Loading, empty, error and notice states with one look across pages. */
export default function StateView({ kind, title, message, actionText, onAction, compact }: StateViewProps) {
  if (compact) {
    return (
      <View className={`state-view state-view--compact state-view--${kind}`}>
        <Text className='state-view__title'>{title ?? DEFAULT_TITLE[kind]}</Text>
      </View>
    );
  }
  return (
    <View className={`state-view state-view--${kind}`} aria-live={kind === 'error' ? 'assertive' : 'polite'}>
      <View className='state-view__icon'>
        <Text>{ICON[kind]}</Text>
      </View>
      <Text className='state-view__title'>{title ?? DEFAULT_TITLE[kind]}</Text>
      {message ? <Text className='state-view__message'>{message}</Text> : null}
      {actionText && onAction ? (
        <Button className='state-view__action' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}
