import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { canGoBack, goBack, goHome } from '../../utils/nav';
import Btn from '../Btn';
import './index.css';

export type StateKind = 'loading' | 'empty' | 'error' | 'notice';

/** What failed, as ApiError carries it (services/api.ts); only code and message are read. */
export interface StateError {
  code: string;
  message: string;
}

export interface StateViewProps {
  kind: StateKind;
  /** the headline; defaults per kind, for an error per its code (无权查看 / 内容不存在 / 网络异常) */
  title?: string;
  /** a second, quieter line; for an error defaults to the error's message */
  message?: string;
  /** shows a button when both are given (e.g. 重试) */
  actionText?: string;
  onAction?: () => void;
  /** a one-line hint inside a card instead of a full-area state */
  compact?: boolean;
  /** the error shown (kind 'error'): its code decides the title and whether 重试 can help */
  error?: StateError;
  /** retry the failed load; shown as 重试 where retrying can help (not for 无权查看 / 内容不存在) */
  onRetry?: () => void;
  /**
   * the ways out under an error or notice: 返回 (or 回到首页 when there is no page to go back to)
   * and 回到首页. Default: on for errors. Home passes false.
   */
  exits?: boolean;
}

const DEFAULT_TITLE: Record<StateKind, string> = {
  loading: '加载中…',
  empty: '暂无内容',
  error: '加载失败',
  notice: '提示',
};

const ERROR_TITLE: Record<string, string> = {
  forbidden: '无权查看',
  not_found: '内容不存在',
  network: '网络异常',
  unauthenticated: '请先登录',
  rate_limited: '操作过于频繁',
  internal: '系统繁忙',
};

/** Codes where trying the same load again cannot help. */
const FINAL_CODES = new Set(['forbidden', 'not_found', 'validation_error']);

const ICON: Record<StateKind, string> = { loading: '…', empty: '○', error: '!', notice: 'i' };

/**
 * The code of an error known only by its message (pages that pass `message` alone): the client's
 * network sentence and the server's not-found / forbidden wording.
 */
export function errorCodeOf(message?: string): string | null {
  if (!message) return null;
  if (message.startsWith('网络异常')) return 'network';
  if (message.includes('不存在')) return 'not_found';
  if (message.includes('无权') || message.includes('没有权限')) return 'forbidden';
  return null;
}

/** The headline of an error state by its code. */
export function errorTitle(code: string | null | undefined): string {
  return (code && ERROR_TITLE[code]) || DEFAULT_TITLE.error;
}

/** Loading, empty, error and notice states with one look across pages. */
export default function StateView(props: StateViewProps) {
  const { kind, title, message, actionText, onAction, compact, error, onRetry } = props;
  const code = kind === 'error' ? (error?.code ?? errorCodeOf(message)) : null;
  const shownTitle = title ?? (kind === 'error' ? errorTitle(code) : DEFAULT_TITLE[kind]);
  const shownMessage = message ?? error?.message;
  const exits = props.exits ?? kind === 'error';
  // Read once per render of the state: whether this page was opened on top of another.
  const back = useMemo(() => exits && canGoBack(), [exits]);

  if (compact) {
    return (
      <View className={`state-view state-view--compact state-view--${kind}`}>
        <Text className='state-view__title'>{shownTitle}</Text>
      </View>
    );
  }

  const final = code !== null && FINAL_CODES.has(code);
  // 重试 only where it can help; a caller's own action other than 重试 is always shown.
  const retry = onRetry ?? (actionText === '重试' ? onAction : undefined);
  const custom = actionText && actionText !== '重试' && onAction ? { text: actionText, run: onAction } : null;
  const buttons: Array<{ text: string; run: () => void }> = [];
  if (custom) buttons.push(custom);
  if (retry && !final) buttons.push({ text: '重试', run: retry });
  if (exits) {
    if (back) buttons.push({ text: '返回', run: goBack });
    buttons.push({ text: '回到首页', run: goHome });
  }

  return (
    <View
      className={`state-view state-view--${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      aria-live={kind === 'error' ? 'assertive' : 'polite'}
    >
      <View className='state-view__icon' aria-hidden='true'>
        <Text>{ICON[kind]}</Text>
      </View>
      <Text className='state-view__title'>{shownTitle}</Text>
      {shownMessage && shownMessage !== shownTitle ? <Text className='state-view__message'>{shownMessage}</Text> : null}
      {buttons.length > 0 ? (
        <View className='state-view__actions'>
          {buttons.map((b, i) => (
            <Btn key={b.text} kind={i === 0 ? 'primary' : 'outline'} block className='state-view__action' onClick={b.run}>
              {b.text}
            </Btn>
          ))}
        </View>
      ) : null}
    </View>
  );
}
