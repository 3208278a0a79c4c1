// The press release of a meeting (Art. 10), `?meetingId=`: drafted and approved jointly by the
// government office and the union office. Either office edits the title and text (an edit clears
// both approvals: the new text needs both again); both approvals side by side (政府办公室 /
// 总工会办公室, each ✓ 已审核 with who and when, or 待审核); 审核通过 and 退回修改 with a reason;
// the returns kept as a history. One read (press.get); buttons only from allowedActions. Typed
// text stays on screen when a save fails.
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { PRESS_LIMITS } from '../../../../../domain/limits';
import type { PressApprovalView, PressView } from '../../../../../domain/schemas/press';
import Btn from '../../../../components/Btn';
import ApprovalBar from '../../../../components/ApprovalBar';
import CountedField from '../../../../components/CountedField';
import PageShell, { Refusal } from '../../../../kit/PageShell';
import StateView from '../../../../components/StateView';
// after Skeleton and StateView, as the other pages load them (one CSS order in WeChat's common.wxss)
import { TextDialog } from '../../../../components/Dialog';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { movedOn, useAction } from '../../../../kit/useAction';
import { type ApiError, call } from '../../../../services/api';
import { formatDateTimeShortCN } from '../../../../utils/date';
import { fieldErrorsOf, lengthError } from '../../../../utils/form';
import { missingMeeting, useMeetingParam } from '../../../../pages/minutes/kit';
import { useDesk } from '../../parts/useDesk';
import './index.css';

type Busy = 'draft' | 'approve' | 'return';

interface Form {
  /** the revision the form started from (0: none yet), and its saved title and text */
  base: number;
  savedTitle: string;
  savedText: string;
  title: string;
  text: string;
}

/** Art. 10: the two offices, government first as the rules name them. */
const SIDES: ReadonlyArray<{ key: 'gov' | 'union'; label: string }> = [
  { key: 'gov', label: '政府办公室' },
  { key: 'union', label: '总工会办公室' },
];

export default function PressPage() {
  const meetingId = useMeetingParam();
  const fetchPress = useCallback(() => call('press.get', { meetingId }), [meetingId]);
  const record = useRecordPage(meetingId ? fetchPress : null, missingMeeting);
  const { state } = record;
  const { busy, act, error, clearError } = useAction<Busy>(record.reload);
  const desk = useDesk();
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<{ title?: string; text?: string }>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [open, setOpen] = useState<null | 'return'>(null);

  const p = state.kind === 'ready' ? state.value : null;
  const dirty = !!form && !!p && (form.title !== p.title || form.text !== p.text);

  // The form follows the saved release while nothing is typed; what is typed is kept.
  useEffect(() => {
    if (!p) return;
    setForm((x) => {
      if (x && x.base === p.revision) return x;
      if (x && (x.title !== x.savedTitle || x.text !== x.savedText)) return x;
      return { base: p.revision, savedTitle: p.title, savedText: p.text, title: p.title, text: p.text };
    });
  }, [p]);

  if (state.kind !== 'ready' || !form) {
    return <PageShell className='mpress' state={state.kind === 'ready' ? { kind: 'loading' } : state} skeleton={[[70, 50], [50, 50], [100, 100, 100, 60]]} onRetry={() => void record.reload()} />;
  }

  const v = state.value as PressView;
  const f = form as Form;
  const canDraft = v.allowedActions.includes('draft');
  const canApprove = v.allowedActions.includes('approve');
  const canReturn = v.allowedActions.includes('return');
  const anyApproval = !!(v.approvals.gov || v.approvals.union);

  const set = (field: 'title' | 'text', value: string) => {
    setForm((x) => (x ? { ...x, [field]: value } : x));
    setRefusal(null);
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  /** Art. 10: a new text; both approvals are cleared by the server. */
  const save = () => {
    if (busy) return;
    const found = { title: lengthError(PRESS_LIMITS.title, f.title) ?? undefined, text: lengthError(PRESS_LIMITS.text, f.text) ?? undefined };
    setErrors(found);
    if (found.title || found.text) return setRefusal('请按提示修改后再保存');
    if (v.exists && !dirty) return setRefusal('稿件没有改动，无需保存');
    setRefusal(null);
    void act('draft', (w) => w('press.draft', { meetingId, title: f.title, text: f.text }), {
      apply: (saved) => {
        setForm({ base: saved.revision, savedTitle: saved.title, savedText: saved.text, title: saved.title, text: saved.text });
        record.set(saved);
      },
      done: anyApproval ? '已保存，需双方重新审核' : '稿件已保存',
      onError: (err) => {
        const fields = fieldErrorsOf(err.details);
        setErrors((x) => ({ ...x, ...(fields.title ? { title: fields.title } : {}), ...(fields.text ? { text: fields.text } : {}) }));
        setRefusal(`未能保存：${err.message}。已填写的内容仍保留在本页，可稍后重试。`);
      },
    });
  };

  /** The answer is the release as it is now; the dialog closes on success or when it moved on. */
  const shown = { apply: (x: PressView) => (record.set(x), setOpen(null)), onError: (e: ApiError) => void (movedOn(e.code) && setOpen(null)) };

  const approve = () => {
    if (busy) return;
    if (dirty) return setRefusal('有未保存的修改。请先保存稿件，再审核通过当前稿件。');
    const other = v.approvals.gov || v.approvals.union;
    const confirm = {
      title: '审核通过',
      content: `确认审核通过第${v.revision}稿「${v.title}」？${other ? '双方审核后即可发布。' : '另一方办公室审核后即可发布。'}`,
      confirmText: '审核通过',
    };
    void act('approve', (w) => w('press.approve', { meetingId }), { ...shown, confirm, done: '已审核通过' });
  };

  const approvals = (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>双方审核</Text>
        {v.exists ? <Text className='card__more'>第{v.revision}稿</Text> : null}
      </View>
      <View className='mpress-sides'>
        {SIDES.map((s) => (
          <SideBox key={s.key} label={s.label} approval={v.approvals[s.key]} exists={v.exists} />
        ))}
      </View>
      {v.status === 'approved' ? (
        <Text className='mpress__ok'>✓ 双方已审核第{v.revision}稿，可以发布。如需修改，修改后需双方重新审核。</Text>
      ) : (
        <Text className='mpress__hint'>第十条：宣传报道由政府办公室与总工会共同负责，双方均审核当前稿件后方可发布；稿件修改后需重新审核。</Text>
      )}
      {canApprove || canReturn ? (
        <View className='mpress__buttons'>
          <ApprovalBar
            canReturn={canReturn}
            canApprove={canApprove}
            busy={busy}
            onReturn={() => {
              clearError();
              setOpen('return');
            }}
            onApprove={() => void approve()}
          />
        </View>
      ) : null}
    </View>
  );

  const returns = v.exists ? (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>退回记录</Text>
        {v.returns.length ? <Text className='card__more'>共 {v.returns.length} 次</Text> : null}
      </View>
      {v.returns.length === 0 ? <Text className='mpress__hint'>暂无退回记录</Text> : null}
      {[...v.returns].reverse().map((r, i) => (
        <View key={i} className='mpress-return'>
          <Text className='mpress-return__label'>
            {r.sideLabel} · {r.byName} · {formatDateTimeShortCN(r.at)}
          </Text>
          <Text className='mpress-return__text'>{r.reason}</Text>
        </View>
      ))}
    </View>
  ) : null;

  const editor = canDraft ? (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>{v.exists ? '修改稿件' : '起草稿件'}</Text>
        <Text className='card__more'>{dirty ? '有未保存的修改' : v.exists ? `第${v.revision}稿` : '尚未保存'}</Text>
      </View>
      {v.exists && anyApproval ? <Text className='mpress__hint'>修改并保存后，已有的审核将清除，需双方重新审核。</Text> : null}
      <Text className='mpress__label'>{PRESS_LIMITS.title.label}</Text>
      <CountedField
        block='mpress'
        className='mpress__input'
        errorClass='mpress__input--error'
        label={PRESS_LIMITS.title.label}
        value={f.title}
        max={PRESS_LIMITS.title.max}
        placeholder='如：市政府与市总工会召开职工技能提升专题联席会议'
        error={errors.title}
        disabled={busy !== null}
        onInput={(x) => set('title', x)}
      />
      <Text className='mpress__label'>{PRESS_LIMITS.text.label}</Text>
      <CountedField
        area
        block='mpress'
        className='mpress__area'
        errorClass='mpress__area--error'
        label={PRESS_LIMITS.text.label}
        value={f.text}
        max={PRESS_LIMITS.text.max}
        placeholder='写明会议时间、主持人、出席人员，研究的事项和议定的主要内容。'
        error={errors.text}
        disabled={busy !== null}
        onInput={(x) => set('text', x)}
      />
      <Refusal text={refusal} className='mpress__refusal' />
      <View className='mpress__buttons'>
        <Btn kind='primary' busy={busy === 'draft'} busyText='保存中…' disabled={busy !== null} onClick={() => void save()}>
          保存稿件
        </Btn>
      </View>
    </View>
  ) : v.exists ? (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>稿件</Text>
        <Text className='card__more'>第{v.revision}稿</Text>
      </View>
      <View className='mpress__title' role='heading' aria-level={3}>
        {v.title}
      </View>
      {v.text
        .split(/\n+/)
        .map((x) => x.trim())
        .filter(Boolean)
        .map((x, i) => (
          <Text key={i} className='mpress__p' userSelect>
            {x}
          </Text>
        ))}
      <Refusal text={refusal} className='mpress__refusal' />
    </View>
  ) : (
    <StateView kind='empty' title='宣传稿件尚未起草' message='会议召开后，由政府办公室或总工会办公室起草宣传稿件，双方审核后发布。' />
  );

  return (
    <PageShell className='mpress'>
      <View className='page-container'>
        <View className='card'>
          <View className='mpress__tags'>
            <Text className={v.status === 'approved' ? 'tag tag--accepted' : v.exists ? 'tag tag--submitted' : 'tag tag--plain'}>{v.statusLabel}</Text>
          </View>
          <View className='mpress__meeting' role='heading' aria-level={2}>
            {v.meetingTitle}
          </View>
          <Text className='mpress__hint'>
            宣传报道
            {v.updatedAt && v.updatedByName ? ` · ${v.updatedByName} 最后修改于 ${formatDateTimeShortCN(v.updatedAt)}` : ''}
          </Text>
        </View>
        <View className={desk ? 'mpress__grid mpress__grid--desk' : 'mpress__grid'}>
          <View className='mpress__col mpress__col--main'>
            {desk ? null : approvals}
            {editor}
          </View>
          <View className='mpress__col mpress__col--side'>
            {desk ? approvals : null}
            {returns}
          </View>
        </View>
      </View>

      {open === 'return' ? (
        <TextDialog
          limit={PRESS_LIMITS.reason}
          title='退回修改'
          subtitle={`退回第${v.revision}稿，另一方办公室将收到您的意见；已有的审核将清除。`}
          placeholder='请写明需要修改的内容（必填）'
          confirmText='确认退回'
          busy={busy === 'return'}
          error={error?.message ?? null}
          onCancel={() => !busy && setOpen(null)}
          onSubmit={(reason) => void act('return', (w) => w('press.return', { meetingId, reason }), { ...shown, done: '已退回修改' })}
        />
      ) : null}
    </PageShell>
  );
}

/** One office's approval of the current text: ✓ 已审核 with who and when, or 待审核 (in words, not colour). */
function SideBox({ label, approval, exists }: { label: string; approval: PressApprovalView | null; exists: boolean }) {
  return (
    <View className={approval ? 'mpress-side mpress-side--done' : 'mpress-side'}>
      <Text className='mpress-side__label'>{label}</Text>
      <Text className='mpress-side__state'>{approval ? '✓ 已审核' : exists ? '○ 待审核' : '—'}</Text>
      {approval ? (
        <>
          <Text className='mpress-side__meta'>{approval.byName}</Text>
          <Text className='mpress-side__meta'>{formatDateTimeShortCN(approval.at)}</Text>
        </>
      ) : (
        <Text className='mpress-side__meta'>{exists ? '尚未审核当前稿件' : '稿件尚未起草'}</Text>
      )}
    </View>
  );
}
