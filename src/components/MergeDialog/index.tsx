import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { TopicCardView } from '../../../domain/schemas/topic';
import { hasFlag } from '../../../domain/workflow';
import { topicWorkflow } from '../../../domain/workflows/topic';
import { call, toApiError } from '../../services/api';
import { textLength } from '../../utils/form';
import { TOPIC_LIMITS, statusTagClass } from '../../utils/topic';
import Dialog from '../Dialog';
import StateView from '../StateView';

const MAX_PAGES = 5;

type Candidates = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; items: TopicCardView[] };

export interface MergeDialogProps {
  topic: Pick<TopicCardView, 'id' | 'meetingId' | 'title'>;
  busy?: boolean;
  error?: string | null;
  onSubmit: (intoId: string, note: string) => void;
  onCancel: () => void;
}

/** Pick the topic of the same meeting to merge into (合并同类议题), with an optional note. */
export default function MergeDialog({ topic, busy, error, onSubmit, onCancel }: MergeDialogProps) {
  const [candidates, setCandidates] = useState<Candidates>({ kind: 'loading' });
  const [intoId, setIntoId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setCandidates({ kind: 'loading' });
    (async () => {
      const items: TopicCardView[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < MAX_PAGES; i++) {
        const page = await call('topic.list', {
          scope: 'meeting',
          meetingId: topic.meetingId,
          ...(cursor ? { cursor } : {}),
        });
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return items.filter((t) => t.id !== topic.id && hasFlag(topicWorkflow, t.status, 'merge_target'));
    })().then(
      (items) => live && setCandidates({ kind: 'ready', items }),
      (e: unknown) => live && setCandidates({ kind: 'error', message: toApiError(e).message }),
    );
    return () => {
      live = false;
    };
  }, [topic.id, topic.meetingId, attempt]);

  const { max } = TOPIC_LIMITS.note;
  return (
    <Dialog
      title='合并议题'
      subtitle={`将「${topic.title}」并入同一会议的另一议题，提出人将收到通知。`}
      confirmText='确认合并'
      busy={busy}
      confirmDisabled={!intoId}
      error={error}
      onCancel={onCancel}
      onConfirm={() => intoId && onSubmit(intoId, note.trim())}
    >
      <Text className='dialog__label'>并入的议题</Text>
      {candidates.kind === 'loading' ? <StateView kind='loading' compact title='正在加载可合并的议题…' /> : null}
      {candidates.kind === 'error' ? (
        <StateView kind='error' title={candidates.message} actionText='重试' onAction={() => setAttempt((n) => n + 1)} exits={false} />
      ) : null}
      {candidates.kind === 'ready' && candidates.items.length === 0 ? (
        <StateView kind='empty' compact title='本次会议暂无可并入的议题' />
      ) : null}
      {candidates.kind === 'ready'
        ? candidates.items.map((t) => (
            <View
              key={t.id}
              className={intoId === t.id ? 'choice choice--on' : 'choice'}
              role='radio'
              aria-checked={intoId === t.id}
              onClick={() => !busy && setIntoId(t.id)}
            >
              <View className='choice__radio' />
              <View className='choice__main'>
                <Text className='choice__title'>{t.title}</Text>
                <Text className='choice__meta'>
                  {t.proposer.name} · {t.categoryLabel}
                </Text>
              </View>
              <Text className={statusTagClass(t.status)}>{t.statusLabel}</Text>
            </View>
          ))
        : null}
      <Text className='dialog__label'>合并说明（选填）</Text>
      <Textarea
        className='dialog__textarea dialog__textarea--short'
        value={note}
        maxlength={max}
        placeholder='说明合并的理由，提出人可以看到'
        placeholderClass='dialog__placeholder'
        disabled={busy}
        onInput={(e) => setNote(e.detail.value)}
      />
      <View className='dialog__counter'>
        <Text />
        <Text>
          {textLength(note)}/{max}
        </Text>
      </View>
    </Dialog>
  );
}
