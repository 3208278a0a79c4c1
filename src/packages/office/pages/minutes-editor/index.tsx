// The union office's minutes editor (Art. 9), `?meetingId=`: the office drafts the minutes of a
// held meeting — the text and the decided items (add, remove, reorder) — and every 保存 keeps a new
// version; 提交审核 sends the draft to the union side, then the government side; a return comes
// back with its reason, shown at the top; once both sides approved, 印发 under a 文号 issues the
// 联席会议纪要, whose decided items become the checklist (Art. 11). 下载 .docx previews the document.
// At a desk (≥ 1024 px) two columns: the text and decided items on the left, status, 印发 and the
// versions with their returns on the right; on a phone the same, stacked. Buttons only from
// allowedActions. What is typed is never lost to a failed save: it stays on screen, and is kept on
// the device per meeting and person until it is saved, offered back after a reload (恢复草稿, issue
// #19), and a changed draft is saved as a version by a timer.
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MINUTES_LIMITS, MINUTES_MAX_DECISIONS } from '../../../../../domain/limits';
import type { MinutesView } from '../../../../../domain/schemas/minutes';
import Btn from '../../../../components/Btn';
import CountedField, { named } from '../../../../components/CountedField';
import PageShell, { Refusal } from '../../../../kit/PageShell';
import StateView from '../../../../components/StateView';
import Tap from '../../../../components/Tap';
import DraftBar from '../../../../components/DraftBar';
import { useLocalDraft } from '../../../../hooks/useLocalDraft';
import { ask, fileDone, useAction } from '../../../../kit/useAction';
import { call } from '../../../../services/api';
import { formatDateCN, formatDateTimeShortCN } from '../../../../utils/date';
import { fieldErrorsOf, lengthError, textLength } from '../../../../utils/form';
import { ROUTES, openPage } from '../../../../utils/nav';
import { minutesTagClass, openDocx, pendingReturn, useMinutesRecord } from '../../../../pages/minutes/kit';
import { MinutesBody, ReviewProgress, VersionList } from '../../../../pages/minutes/parts';
import AttendanceCard, { type AttendanceEntryInput } from '../../../../pages/minutes/AttendanceCard';
import ProceedingsCard from '../../../../pages/minutes/ProceedingsCard';
import { useDesk } from '../../parts/useDesk';
import { AUTOSAVE_MS, type Draft, type Errors, changed, draftOf, nextKey, sameDraft, shouldAutosave, validate } from './model';
import { usePersonId } from './usePersonId';
import { DecisionTopics, NotTakenUp } from './TopicLinks';
import '../../../../pages/minutes/kit.css';
import './index.css';

type Busy = 'save' | 'submit' | 'issue' | 'document' | 'attendance';

const EMPTY_DRAFT: Draft = { base: 0, text: '', decisions: [] };

export default function MinutesEditor() {
  const { meetingId, record } = useMinutesRecord();
  const { state } = record;
  const { busy, act } = useAction<Busy>(record.reload);
  const desk = useDesk();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [docNumber, setDocNumber] = useState('');
  const [docError, setDocError] = useState<string | null>(null);
  const [autosavedAt, setAutosavedAt] = useState<string | null>(null);
  const personId = usePersonId();

  const v = state.kind === 'ready' ? state.value : null;
  const current = v?.current ?? null;
  const editable = !!v && v.allowedActions.includes('save');
  const dirty = !!draft && changed(draft, current);

  // The draft starts from the current version; a newer version from the server replaces it only
  // while nothing is typed.
  useEffect(() => {
    if (!v) return;
    const n = v.current?.n ?? 0;
    if (draft && (draft.base === n || changed(draft, v.versions.find((x) => x.n === draft.base) ?? null))) return;
    setDraft(draftOf(v.current));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follows the record, not the draft
  }, [v]);

  // issue #19: kept on the device per meeting and person (the one draft helper the topic form uses
  // too), offered back after a reload (恢复草稿), a warning before leaving while unsaved.
  const hasDraft = draft !== null;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the base moves with the record and when a draft starts, not with each keystroke
  const base = useMemo(() => (draft ? draftOf(current) : null), [current, hasDraft]);
  const local = useLocalDraft(editable && personId ? `minutes_${meetingId}_${personId}` : null, draft ?? EMPTY_DRAFT, base, sameDraft);

  /** 保存: a new version; on any failure the draft stays as typed. `auto`: the timer's, said quietly. */
  const save = (auto = false) => {
    if (busy || !draft) return;
    const found = validate(draft);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return setRefusal('请按提示修改后再保存');
    if (!dirty) return setRefusal('纪要没有改动，无需保存');
    setRefusal(null);
    const d = draft;
    void act('save', (w) => w('minutes.save', {
      meetingId, text: d.text, decisions: d.decisions.map(({ title, text, topicIds }) => ({ title, text, ...(topicIds?.length ? { topicIds } : {}) })),
      ...(d.notTakenUp?.length ? { notTakenUp: d.notTakenUp } : {}), // issue #23
    }), {
      apply: (saved) => {
        setDraft(draftOf(saved.current));
        record.set(saved);
        setAutosavedAt(auto ? new Date().toISOString() : null);
      },
      done: auto ? undefined : '已保存',
      onError: (err) => {
        const fields = fieldErrorsOf(err.details);
        if (fields.text) setErrors((x) => ({ ...x, text: fields.text }));
        if (fields.decisions) setErrors((x) => ({ ...x, decisions: fields.decisions }));
        setRefusal(`未能保存：${err.message}。已填写的内容仍保留在本页，可稍后重试。`);
        return auto;
      },
    });
  };

  // issue #19: a changed draft is saved as a version by the timer (the real minutes.save), never an unchanged one
  const saveRef = useRef(save);
  saveRef.current = save;
  const autosave = !!draft && shouldAutosave({ editable, dirty, busy: busy !== null, offerPending: !!local.offer, errors: validate(draft) });
  useEffect(() => {
    if (!autosave) return undefined;
    const t = setTimeout(() => saveRef.current(true), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [autosave, draft]);

  if (state.kind !== 'ready' || !draft) {
    return <PageShell className='medit' state={state.kind === 'ready' ? { kind: 'loading' } : state} skeleton={[[70, 50], [100, 100, 100, 100, 60], [50, 90, 80]]} onRetry={() => void record.reload()} />;
  }

  const m = state.value as MinutesView;
  const d = draft;
  const allowed = (a: string) => m.allowedActions.includes(a);
  const issued = m.status === 'issued';
  const returned = pendingReturn(m);
  const nextN = (m.versions[0]?.n ?? 0) + 1;

  const edit = (fn: (x: Draft) => Draft, clear?: string) => {
    setDraft((x) => (x ? fn(x) : x));
    setRefusal(null);
    if (clear && errors[clear]) setErrors((e) => ({ ...e, [clear]: '' }));
  };
  const setDecision = (key: number, field: 'title' | 'text', value: string) =>
    edit((x) => ({ ...x, decisions: x.decisions.map((it) => (it.key === key ? { ...it, [field]: value } : it)) }), `d${key}.${field}`);
  const move = (i: number, by: -1 | 1) =>
    edit((x) => {
      const j = i + by;
      if (j < 0 || j >= x.decisions.length) return x;
      const list = x.decisions.slice();
      [list[i], list[j]] = [list[j], list[i]];
      return { ...x, decisions: list };
    });
  const add = () => edit((x) => ({ ...x, decisions: [...x.decisions, { key: nextKey(), title: '', text: '' }] }), 'decisions');
  const remove = async (i: number) => {
    const it = d.decisions[i];
    if (it.title.trim() || it.text.trim()) {
      const ok = await ask({ title: '删除议定事项', content: `确定删除第 ${i + 1} 项「${it.title.trim() || '未命名'}」吗？保存后才会生成新的一稿。`, confirmText: '删除' });
      if (!ok) return;
    }
    edit((x) => ({ ...x, decisions: x.decisions.filter((_, k) => k !== i) }));
  };

  /** The answer is the minutes as they are now. */
  const shown = { apply: (x: MinutesView) => (record.set(x), setRefusal(null)) };

  const submit = () => {
    if (dirty) return setRefusal('有未保存的修改，请先保存为新的一稿，再提交审核');
    void act('submit', (w) => w('minutes.submit', { meetingId }), {
      ...shown,
      confirm: { title: '提交审核', content: `将第${current?.n ?? ''}稿提交工会方审核，工会方审核通过后报政府方审核。审核期间不能修改。`, confirmText: '提交' },
      done: '已提交工会方审核',
      onError: (err) => void setRefusal(err.message),
    });
  };

  const issue = () => {
    const problem = lengthError(MINUTES_LIMITS.docNumber, docNumber);
    if (problem) return setDocError(problem);
    setDocError(null);
    void act('issue', (w) => w('minutes.issue', { meetingId, docNumber: docNumber.trim() }), {
      ...shown,
      confirm: { title: '印发会议纪要', content: `以「${docNumber.trim()}」印发后，纪要和议定事项不能再修改，全体参会人员将收到通知，并按议定事项分解落实任务。`, confirmText: '印发' },
      done: '会议纪要已印发',
      onError: (err) => {
        const fields = fieldErrorsOf(err.details);
        if (fields.docNumber) setDocError(fields.docNumber);
        else setRefusal(err.message);
      },
    });
  };

  /** 确认出席情况 (issue #16): before submitting; a correction of the check-in record carries its reason. */
  const confirmAttendance = (entries: AttendanceEntryInput[]) =>
    act('attendance', (w) => w('minutes.setAttendance', { meetingId, entries }), { ...shown, done: '出席情况已确认', onError: (err) => void setRefusal(err.message) });

  const download = () => act('document', async () => openDocx(await call('minutes.document', { meetingId })), fileDone(issued ? '会议纪要' : '纪要预览'));

  const editor = editable ? (
    <>
      <View className='card' id='medit-text'>
        <View className='card__head'>
          <Text className='card__title'>纪要正文</Text>
          <Text className='card__more'>{dirty ? '有未保存的修改' : autosavedAt && current ? `已自动保存为第${current.n}稿 ${formatDateTimeShortCN(autosavedAt)}` : current ? `与第${current.n}稿相同` : '尚未保存'}</Text>
        </View>
        <Text className='medit__hint'>写明会议概况、听取和研究的事项；议定事项在下方逐项列出。</Text>
        <CountedField
          area
          block='medit'
          className='medit__area medit__area--text'
          errorClass='medit__area--error'
          label={MINUTES_LIMITS.text.label}
          value={d.text}
          max={MINUTES_LIMITS.text.max}
          placeholder='会议由……主持。会议听取了……，研究了……。会议认为……'
          error={errors.text}
          disabled={busy !== null}
          onInput={(x) => edit((y) => ({ ...y, text: x }), 'text')}
        />
      </View>

      <View className='card'>
        <View className='card__head'>
          <Text className='card__title'>议定事项（{d.decisions.length} 项）</Text>
        </View>
        <Text className='medit__hint'>每项议定事项印发后分解为落实任务（第十一条），请一项一事，写明牵头单位和要求。</Text>
        {errors.decisions ? (
          <View className='medit__error medit__error--block' role='alert'>
            {errors.decisions}
          </View>
        ) : null}
        {d.decisions.map((it, i) => {
          const titleError = errors[`d${it.key}.title`];
          const textError = errors[`d${it.key}.text`];
          return (
            <View key={it.key} className='medit-decision' role='group' aria-label={`议定事项第 ${i + 1} 项`}>
              <View className='medit-decision__head'>
                <Text className='medit-decision__n'>第 {i + 1} 项</Text>
                <View className='medit-decision__tools'>
                  <Btn kind='default' small label={`上移第 ${i + 1} 项`} disabled={busy !== null || i === 0} onClick={() => move(i, -1)}>
                    上移
                  </Btn>
                  <Btn kind='default' small label={`下移第 ${i + 1} 项`} disabled={busy !== null || i === d.decisions.length - 1} onClick={() => move(i, 1)}>
                    下移
                  </Btn>
                  <Btn kind='outline' small label={`删除第 ${i + 1} 项`} disabled={busy !== null || d.decisions.length <= 1} onClick={() => void remove(i)}>
                    删除
                  </Btn>
                </View>
              </View>
              <Input
                className={titleError ? 'medit__input medit__input--error' : 'medit__input'}
                value={it.title}
                maxlength={MINUTES_LIMITS.decisionTitle.max}
                placeholder='事项标题，如：开展职工技能提升行动'
                placeholderClass='medit__placeholder'
                disabled={busy !== null}
                {...named(`第 ${i + 1} 项标题`, !!titleError)}
                onInput={(e) => setDecision(it.key, 'title', e.detail.value)}
              />
              {titleError ? <Text className='medit__error medit__error--block'>{titleError}</Text> : null}
              <CountedField
                area
                block='medit'
                className='medit__area medit__area--decision'
                errorClass='medit__area--error'
                label={`第 ${i + 1} 项内容`}
                value={it.text}
                max={MINUTES_LIMITS.decisionText.max}
                placeholder='事项内容：由谁牵头、做什么、何时完成'
                error={textError}
                disabled={busy !== null}
                onInput={(x) => setDecision(it.key, 'text', x)}
              />
              <DecisionTopics
                n={i + 1} topics={m.listedTopics ?? []} value={it.topicIds ?? []} disabled={busy !== null}
                elsewhere={new Set([...d.decisions.filter((x) => x.key !== it.key).flatMap((x) => x.topicIds ?? []), ...(d.notTakenUp ?? []).map((x) => x.topicId)])}
                onChange={(ids) => edit((x) => ({ ...x, decisions: x.decisions.map((y) => (y.key === it.key ? { ...y, topicIds: ids } : y)), notTakenUp: (x.notTakenUp ?? []).filter((s) => !ids.includes(s.topicId)) }))}
              />
            </View>
          );
        })}
        <View className='medit__add'>
          <Btn kind='default' block disabled={busy !== null || d.decisions.length >= MINUTES_MAX_DECISIONS} onClick={add}>
            ＋ 添加议定事项
          </Btn>
        </View>
      </View>
      <NotTakenUp
        topics={m.listedTopics ?? []} answered={new Set(d.decisions.flatMap((x) => x.topicIds ?? []))} value={d.notTakenUp ?? []} disabled={busy !== null}
        onChange={(v) => edit((x) => ({ ...x, notTakenUp: v }))}
      />

      <Refusal text={refusal} />
      <View className='medit__actions'>
        <Btn kind='primary' busy={busy === 'save'} busyText='保存中…' disabled={busy !== null} onClick={() => void save()}>
          保存为第{nextN}稿
        </Btn>
        {allowed('submit') ? (
          <Btn kind='outline' busy={busy === 'submit'} busyText='提交中…' disabled={busy !== null} onClick={submit}>
            提交审核
          </Btn>
        ) : null}
      </View>
      {current && !m.attendanceList.confirmed ? <Text className='medit__hint'>请先在下方确认出席情况，再提交审核。</Text> : null}
    </>
  ) : (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>{current ? (issued ? '纪要正文' : `纪要正文（第${current.n}稿）`) : '纪要正文'}</Text>
      </View>
      {current ? (
        <>
          <Text className='medit__hint'>
            {current.savedByName} 保存于 {formatDateTimeShortCN(current.savedAt)}
            {issued ? '' : m.status === 'approved' ? '。双方已审核，不能再修改，待印发。' : `。纪要${m.statusLabel}，审核期间不能修改；被退回后可修改。`}
          </Text>
          <MinutesBody text={current.text} decisions={issued && m.decisions.length ? m.decisions : current.decisions} />
        </>
      ) : (
        <StateView kind='empty' compact title='纪要尚未起草' />
      )}
    </View>
  );

  const status = (
    <View className='card'>
      <View className='mmin-head__tags'>
        <Text className={minutesTagClass(m.status)}>{m.statusLabel}</Text>
        {current ? <Text className='tag tag--plain'>共 {m.versions.length} 稿</Text> : null}
      </View>
      <View className='mmin-head__title' role='heading' aria-level={2}>
        {m.meetingTitle}
      </View>
      <Text className='mmin-hint'>会议纪要{m.heldAt ? ` · ${formatDateCN(m.heldAt)}召开` : ''}</Text>
      {m.nextStep ? <Text className='mmin-next'>{m.nextStep}</Text> : null}
      {m.exists ? <ReviewProgress v={m} /> : null}
      {m.allowedActions.includes('document') ? (
        <View className='medit__buttons'>
          <Btn kind='default' block busy={busy === 'document'} busyText='正在生成…' disabled={busy !== null} onClick={() => void download()}>
            {issued ? '下载纪要（.docx）' : '下载 .docx 预览'}
          </Btn>
        </View>
      ) : null}
      <View className='mmin-links'>
        <Tap role='link' className='mmin-link' hoverClass='mmin-link--hover' onTap={() => openPage(ROUTES.minutes, { meetingId })}>
          <Text>审核人看到的页面 ›</Text>
        </Tap>
        {issued ? (
          <Tap role='link' className='mmin-link' hoverClass='mmin-link--hover' onTap={() => openPage(ROUTES.checklist, { meetingId })}>
            <Text>落实清单 ›</Text>
          </Tap>
        ) : null}
      </View>
    </View>
  );

  const issueCard = allowed('issue') ? (
    <View className='card' id='medit-issue'>
      <View className='card__head'>
        <Text className='card__title'>印发纪要</Text>
      </View>
      <Text className='medit__hint'>双方已审核第{current?.n ?? ''}稿。填写文号后以联席会议纪要形式印发（第九条）。</Text>
      <Text className='medit__label'>
        文号<Text className='medit__required'> *</Text>
      </Text>
      <Input
        className={docError ? 'medit__input medit__input--error' : 'medit__input'}
        value={docNumber}
        maxlength={MINUTES_LIMITS.docNumber.max}
        placeholder={`如：巴工联纪〔${new Date().getFullYear()}〕1号`}
        placeholderClass='medit__placeholder'
        disabled={busy !== null}
        {...named(MINUTES_LIMITS.docNumber.label, !!docError)}
        onInput={(e) => {
          setDocNumber(e.detail.value);
          if (docError) setDocError(null);
        }}
      />
      <View className='medit__foot'>
        {docError ? (
          <View className='medit__error' role='alert'>
            {docError}
          </View>
        ) : (
          <Text className='medit__error' />
        )}
        <Text className='medit__counter'>
          {textLength(docNumber)}/{MINUTES_LIMITS.docNumber.max}
        </Text>
      </View>
      <View className='medit__buttons'>
        <Btn kind='primary' block busy={busy === 'issue'} busyText='印发中…' disabled={busy !== null} onClick={issue}>
          印发纪要
        </Btn>
      </View>
    </View>
  ) : issued ? (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>已印发</Text>
      </View>
      <View className='mmin-docnumber'>
        <Text className='mmin-docnumber__label'>文号</Text>
        <Text className='mmin-docnumber__value' userSelect>
          {m.docNumber ?? ''}
        </Text>
      </View>
      {m.issuedAt ? (
        <View className='mmin-docnumber'>
          <Text className='mmin-docnumber__label'>印发日期</Text>
          <Text className='mmin-docnumber__value'>{formatDateCN(m.issuedAt)}</Text>
        </View>
      ) : null}
      <Text className='medit__hint'>议定事项 {m.decisions.length} 项，已分解落实任务 {m.decisions.reduce((a, x) => a + x.taskCount, 0)} 项。</Text>
    </View>
  ) : null;

  const versions =
    m.versions.length > 0 ? (
      <View className='card'>
        <View className='card__head'>
          <Text className='card__title'>历次版本</Text>
          <Text className='card__more'>共 {m.versions.length} 稿</Text>
        </View>
        <VersionList v={m} />
      </View>
    ) : null;

  return (
    <PageShell className='medit'>
      <View className='page-container'>
        {returned ? (
          <View className='notice notice--error medit__returned' role='alert'>
            <Text className='notice__title'>
              第{returned.version}稿被退回修改（{returned.stageLabel}）
            </Text>
            <Text className='notice__text medit__returned-reason'>{returned.reason}</Text>
            <Text className='notice__text'>
              {returned.byName} · {formatDateTimeShortCN(returned.at)}。修改后保存为新的一稿，再提交审核，双方重新审核。
            </Text>
          </View>
        ) : null}
        {local.offer ? (
          <DraftBar
            savedAt={local.offer.savedAt}
            onDiscard={local.discard}
            onRestore={() => {
              const kept = local.restore();
              if (kept) setDraft({ ...kept, base: current?.n ?? 0 });
            }}
          />
        ) : null}
        <View className={desk ? 'medit__grid medit__grid--desk' : 'medit__grid'}>
          <View className='medit__col medit__col--main'>
            {desk ? null : status}
            {editor}
            {m.exists ? <AttendanceCard v={m} busy={busy === 'attendance'} onConfirm={(entries) => void confirmAttendance(entries)} /> : null}
          </View>
          <View className='medit__col medit__col--side'>
            {desk ? status : null}
            {issueCard}
            <ProceedingsCard v={m} />
            {versions}
          </View>
        </View>
      </View>
    </PageShell>
  );
}
