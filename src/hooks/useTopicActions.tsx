// The actions a topic offers (its `allowedActions`), with their confirmations and dialogs, shared
// by the topic page and the office's queue. The page renders `dialog` and calls `perform`.
import { type ReactNode, useCallback, useRef, useState } from 'react';
import type { TopicCardView } from '../../domain/schemas/topic';
import { TextDialog } from '../components/Dialog';
import MergeDialog from '../components/MergeDialog';
import { type Confirm, movedOn, useAction } from '../kit/useAction';
import { TOPIC_LIMITS } from '../utils/topic';

export type TopicAction = 'update' | 'withdraw' | 'resubmit' | 'accept' | 'return' | 'merge' | 'addOpinion';

export const ACTION_LABEL: Record<TopicAction, string> = {
  update: '修改',
  withdraw: '撤回',
  resubmit: '重新提交',
  accept: '采纳',
  return: '退回',
  merge: '合并',
  addOpinion: '发表意见',
};

const DONE_TOAST: Record<Exclude<TopicAction, 'update'>, string> = {
  withdraw: '已撤回',
  resubmit: '已重新提交',
  accept: '已采纳',
  return: '已退回',
  merge: '已合并',
  addOpinion: '意见已发表',
};

const CONFIRM: Partial<Record<TopicAction, Confirm>> = {
  withdraw: { title: '撤回议题', content: '撤回后该议题不再参与审核，且不能恢复。确定撤回吗？', confirmText: '撤回' },
  resubmit: { title: '重新提交', content: '将议题重新提交给办公室审核。', confirmText: '重新提交' },
  accept: { title: '采纳议题', content: '采纳后议题列入本次会议的议题清单，并通知提出人。', confirmText: '采纳' },
};

type Subject = Pick<TopicCardView, 'id' | 'meetingId' | 'title'>;
type Open = { kind: 'return' | 'addOpinion' | 'merge'; topic: Subject } | null;
/** What an action sends besides the topic's id. */
type Extra = { reason: string } | { text: string } | { intoId: string; note?: string } | Record<string, never>;

export function isTopicAction(a: string): a is TopicAction {
  return a in ACTION_LABEL;
}

export interface TopicActions {
  /** the action whose call is running, for disabling buttons */
  busy: TopicAction | null;
  /** run an action: a confirmation or a dialog first where it needs one */
  perform(action: Exclude<TopicAction, 'update'>, topic: Subject): void;
  /** the open dialog, if any; render it at the end of the page */
  dialog: ReactNode;
}

/** `onDone` runs after a successful call (reload, or drop the card); `onStale` after a conflict. */
export function useTopicActions(onDone: (action: TopicAction, topic: Subject) => void, onStale?: () => void): TopicActions {
  // no re-read of its own: onDone re-reads the page (or drops the card), onStale when it moved on
  const { busy, act } = useAction<TopicAction>();
  const [open, setOpen] = useState<Open>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const done = useRef(onDone);
  done.current = onDone;
  const stale = useRef(onStale);
  stale.current = onStale;

  const send = useCallback(
    (action: Exclude<TopicAction, 'update'>, topic: Subject, extra: Extra, inDialog: boolean) =>
      act(
        action,
        (w) => {
          setDialogError(null);
          // A retry of the same action with the same content goes under the same key (useWrite).
          return w(`topic.${action}` as const, { id: topic.id, ...extra });
        },
        {
          confirm: inDialog ? undefined : CONFIRM[action],
          refresh: false,
          apply: () => {
            setOpen(null);
            done.current(action, topic);
          },
          done: DONE_TOAST[action],
          onError: (error) => {
            if (inDialog) setDialogError(error.message);
            if (movedOn(error.code)) {
              setOpen(null);
              stale.current?.();
            }
          },
        },
      ),
    [act],
  );

  const perform = useCallback(
    (action: Exclude<TopicAction, 'update'>, topic: Subject) => {
      if (busy) return;
      if (action === 'return' || action === 'addOpinion' || action === 'merge') {
        setDialogError(null);
        setOpen({ kind: action, topic });
        return;
      }
      void send(action, topic, {}, false);
    },
    [busy, send],
  );

  const close = () => {
    if (!busy) setOpen(null);
  };

  let dialog: ReactNode = null;
  if (open?.kind === 'return') {
    dialog = (
      <TextDialog
        limit={TOPIC_LIMITS.reason}
        title='退回议题'
        subtitle={`退回「${open.topic.title}」，提出人修改后可重新提交。`}
        placeholder='请写明退回理由和修改建议（必填）'
        confirmText='确认退回'
        busy={busy === 'return'}
        error={dialogError}
        onCancel={close}
        onSubmit={(reason) => void send('return', open.topic, { reason }, true)}
      />
    );
  } else if (open?.kind === 'addOpinion') {
    dialog = (
      <TextDialog
        limit={TOPIC_LIMITS.opinion}
        title='发表意见'
        subtitle='会前征求意见：您的意见将附在议题上，供双方商议议题清单时参考。'
        placeholder='请输入对该议题的意见'
        confirmText='提交意见'
        busy={busy === 'addOpinion'}
        error={dialogError}
        onCancel={close}
        onSubmit={(text) => void send('addOpinion', open.topic, { text }, true)}
      />
    );
  } else if (open?.kind === 'merge') {
    dialog = (
      <MergeDialog
        topic={open.topic}
        busy={busy === 'merge'}
        error={dialogError}
        onCancel={close}
        onSubmit={(intoId, note) => void send('merge', open.topic, note ? { intoId, note } : { intoId }, true)}
      />
    );
  }

  return { busy, perform, dialog };
}
