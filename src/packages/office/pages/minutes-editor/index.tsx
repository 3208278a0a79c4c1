// The union office's minutes editor (Art. 9), `?meetingId=`: the office drafts the minutes of a
// held meeting — the text and the decided items (add, remove, reorder) — and every 保存 keeps a new
// version; 提交审核 sends the draft to the union side, then the government side; a return comes
// back with its reason, shown at the top; once both sides approved, 印发 under a 文号 issues the
// 联席会议纪要, whose decided items become the checklist (Art. 11). 下载 .docx previews the document.
// At a desk (≥ 1024 px) two columns: the text and decided items on the left, status, 印发 and the
// versions with their returns on the right; on a phone the same, stacked. Buttons only from
// allowedActions. What is typed is never lost to a failed save: it stays on screen, and is kept on
// the device until it is saved (restored when the page is opened again).
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { MINUTES_LIMITS, MINUTES_MAX_DECISIONS } from '../../../../../domain/limits';
import type { MinutesVersionView, MinutesView } from '../../../../../domain/schemas/minutes';
import Btn from '../../../../components/Btn';
import PageShell, { Refusal } from '../../../../kit/PageShell';
import StateView from '../../../../components/StateView';
import Tap from '../../../../components/Tap';
import { useBusy } from '../../../../hooks/useBusy';
import { useWrite } from '../../../../hooks/useWrite';
import { call, toApiError } from '../../../../services/api';
import { formatDateCN, formatDateTimeShortCN } from '../../../../utils/date';
import { toast } from '../../../../utils/feedback';
import { fieldErrorsOf, lengthError, textLength } from '../../../../utils/form';
import { ROUTES, openPage } from '../../../../utils/nav';
import { minutesTagClass, openDocx, pendingReturn, useMinutesRecord } from '../../../../pages/minutes/kit';
import { MinutesBody, ReviewProgress, VersionList } from '../../../../pages/minutes/parts';
import AttendanceCard, { type AttendanceEntryInput } from '../../../../pages/minutes/AttendanceCard';
import ProceedingsCard from '../../../../pages/minutes/ProceedingsCard';
import { useDesk } from '../../parts/useDesk';
import { DecisionTopics, NotTakenUp } from './TopicLinks';
import '../../../../pages/minutes/kit.css';
import './index.css';

type Busy = 'save' | 'submit' | 'issue' | 'document' | 'attendance';

interface DraftDecision {
  /** a local key, stable while the items are moved */
  key: number;
  title: string;
  text: string;
  /** issue #23: the listed topics it answers */
  topicIds?: string[];
}

interface Draft {
  /** the version the draft started from (0: none yet) */
  base: number;
  text: string;
  decisions: DraftDecision[];
  /** issue #23: listed topics not taken up, with the reason */
  notTakenUp?: Array<{ topicId: string; reason: string }>;
}

/** What is kept on the device until saved. */
interface StoredDraft {
  base: number;
  text: string;
  decisions: Array<{ title: string; text: string }>;
}

type Errors = Record<string, string>;

const STORE_PREFIX = 'minutes_draft_';
const h5 = process.env.TARO_ENV === 'h5';

let keySeq = 0;
const nextKey = () => (keySeq += 1);

function draftOf(current: MinutesVersionView | null): Draft {
  if (!current) return { base: 0, text: '', decisions: [{ key: nextKey(), title: '', text: '' }] };
  return { base: current.n, text: current.text, decisions: current.decisions.map((d) => ({ key: nextKey(), title: d.title, text: d.text, topicIds: d.topicIds ?? [] })), notTakenUp: current.notTakenUp ?? [] };
}

/** Whether the draft differs from the version it started from. */
function changed(d: Draft, current: MinutesVersionView | null): boolean {
  if (!current) return d.text.trim() !== '' || d.decisions.some((x) => x.title.trim() !== '' || x.text.trim() !== '');
  if (d.text !== current.text || d.decisions.length !== current.decisions.length) return true;
  if (JSON.stringify(d.notTakenUp ?? []) !== JSON.stringify(current.notTakenUp ?? [])) return true; // issue #23
  return d.decisions.some((x, i) => x.title !== current.decisions[i].title || x.text !== current.decisions[i].text || (x.topicIds ?? []).join() !== (current.decisions[i].topicIds ?? []).join());
}

function readStored(meetingId: string): StoredDraft | null {
  try {
    const v: unknown = Taro.getStorageSync(STORE_PREFIX + meetingId);
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Partial<StoredDraft>;
    if (typeof o.base !== 'number' || typeof o.text !== 'string' || !Array.isArray(o.decisions)) return null;
    return { base: o.base, text: o.text, decisions: o.decisions.filter((d) => typeof d?.title === 'string' && typeof d?.text === 'string') };
  } catch {
    return null;
  }
}

function writeStored(meetingId: string, d: Draft | null): void {
  try {
    if (d) Taro.setStorageSync(STORE_PREFIX + meetingId, { base: d.base, text: d.text, decisions: d.decisions.map(({ title, text }) => ({ title, text })) });
    else Taro.removeStorageSync(STORE_PREFIX + meetingId);
  } catch {
    // Storage full or off: the draft still stays on screen.
  }
}

/** Art. 9: the text and every decided item within the contract's limits. */
function validate(d: Draft): Errors {
  const e: Errors = {};
  const text = lengthError(MINUTES_LIMITS.text, d.text);
  if (text) e.text = text;
  if (d.decisions.length === 0) e.decisions = '请至少列出一项议定事项';
  if (d.decisions.length > MINUTES_MAX_DECISIONS) e.decisions = `议定事项不能超过 ${MINUTES_MAX_DECISIONS} 项`;
  d.decisions.forEach((x, i) => {
    const t = lengthError(MINUTES_LIMITS.decisionTitle, x.title);
    if (t) e[`d${x.key}.title`] = `第 ${i + 1} 项：${t}`;
    const b = lengthError(MINUTES_LIMITS.decisionText, x.text);
    if (b) e[`d${x.key}.text`] = `第 ${i + 1} 项：${b}`;
  });
  return e;
}

/** Native accessibility props of a form field: aria-label on H5, ariaLabel in WeChat. */
function named(label: string, invalid = false): Record<string, unknown> {
  return h5 ? { nativeProps: { 'aria-label': label, 'aria-invalid': invalid ? 'true' : 'false' } } : { ariaLabel: label };
}

export default function MinutesEditor() {
  const { meetingId, record } = useMinutesRecord();
  const { state } = record;
  const write = useWrite();
  const { busy, run } = useBusy<Busy>();
  const desk = useDesk();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [restored, setRestored] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [docNumber, setDocNumber] = useState('');
  const [docError, setDocError] = useState<string | null>(null);
  const asking = useRef(false);

  const v = state.kind === 'ready' ? state.value : null;
  const current = v?.current ?? null;
  const editable = !!v && v.allowedActions.includes('save');
  const dirty = !!draft && changed(draft, current);

  // The draft starts from the current version (or what was kept on the device for it); a newer
  // version from the server replaces it only while nothing is typed.
  useEffect(() => {
    if (!v) return;
    const n = v.current?.n ?? 0;
    if (draft && (draft.base === n || changed(draft, v.versions.find((x) => x.n === draft.base) ?? null))) return;
    const stored = editable ? readStored(meetingId) : null;
    if (stored && stored.base === n) {
      const d = { base: n, text: stored.text, decisions: stored.decisions.map((x) => ({ key: nextKey(), ...x })) };
      if (changed(d, current)) {
        setDraft(d);
        setRestored(true);
        return;
      }
    }
    setDraft(draftOf(v.current));
    // follows the record, not the draft
  }, [v]);

  // Kept on the device while unsaved (Art. 9: nothing typed for the minutes is lost).
  useEffect(() => {
    if (!draft || !editable) return undefined;
    const t = setTimeout(() => writeStored(meetingId, dirty ? draft : null), 600);
    return () => clearTimeout(t);
  }, [draft, dirty, editable, meetingId]);

  if (state.kind !== 'ready' || !draft) {
    return <PageShell className='medit' state={state.kind === 'ready' ? { kind: 'loading' } : state} skeleton={[[70, 50], [100, 100, 100, 100, 60], [50, 90, 80]]} onRetry={() => void record.reload()} />;
  }

  const m = state.value as MinutesView;
  const d = draft as Draft;
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
      const ok = await Taro.showModal({
        title: '删除议定事项',
        content: `确定删除第 ${i + 1} 项「${it.title.trim() || '未命名'}」吗？保存后才会生成新的一稿。`,
        confirmText: '删除',
        cancelText: '保留',
        confirmColor: '#b71c1c',
      }).then(
        (r) => r.confirm,
        () => false,
      );
      if (!ok) return;
    }
    edit((x) => ({ ...x, decisions: x.decisions.filter((_, k) => k !== i) }));
  };

  /** 保存: a new version; on any failure the draft stays as typed. */
  const save = () =>
    run('save', async () => {
      const found = validate(d);
      setErrors(found);
      if (Object.values(found).some(Boolean)) {
        setRefusal('请按提示修改后再保存');
        return;
      }
      if (!dirty) {
        setRefusal('纪要没有改动，无需保存');
        return;
      }
      setRefusal(null);
      try {
        const saved = await write('minutes.save', {
          meetingId, text: d.text, decisions: d.decisions.map(({ title, text, topicIds }) => ({ title, text, ...(topicIds?.length ? { topicIds } : {}) })),
          ...(d.notTakenUp?.length ? { notTakenUp: d.notTakenUp } : {}), // issue #23
        });
        writeStored(meetingId, null);
        setRestored(false);
        setDraft(draftOf(saved.current));
        record.set(saved);
        toast(`已保存第${saved.current?.n ?? ''}稿`, 'success');
      } catch (e) {
        const err = toApiError(e);
        const fields = fieldErrorsOf(err.details);
        if (fields.text) setErrors((x) => ({ ...x, text: fields.text }));
        if (fields.decisions) setErrors((x) => ({ ...x, decisions: fields.decisions }));
        setRefusal(`未能保存：${err.message}。已填写的内容仍保留在本页，可稍后重试。`);
        toast(err.message);
        if (err.code === 'invalid_transition' || err.code === 'conflict') void record.reload(true);
      }
    });

  /** A confirmation, then one write (never two at once). */
  const confirmThen = async (title: string, content: string, confirmText: string, name: Busy, fn: () => Promise<MinutesView>, done: string) => {
    if (busy || asking.current) return;
    asking.current = true;
    const ok = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#b71c1c' }).then(
      (r) => r.confirm,
      () => false,
    );
    asking.current = false;
    if (!ok) return;
    await run(name, async () => {
      try {
        record.set(await fn());
        setRefusal(null);
        toast(done, 'success');
      } catch (e) {
        const err = toApiError(e);
        const fields = fieldErrorsOf(err.details);
        if (name === 'issue' && fields.docNumber) setDocError(fields.docNumber);
        else setRefusal(err.message);
        toast(err.message);
        if (err.code === 'invalid_transition' || err.code === 'conflict') void record.reload(true);
      }
    });
  };

  const submit = () => {
    if (dirty) {
      setRefusal('有未保存的修改，请先保存为新的一稿，再提交审核');
      return;
    }
    void confirmThen(
      '提交审核',
      `将第${current?.n ?? ''}稿提交工会方审核，工会方审核通过后报政府方审核。审核期间不能修改。`,
      '提交',
      'submit',
      () => write('minutes.submit', { meetingId }),
      '已提交工会方审核',
    );
  };

  const issue = () => {
    const problem = lengthError(MINUTES_LIMITS.docNumber, docNumber);
    if (problem) {
      setDocError(problem);
      return;
    }
    setDocError(null);
    void confirmThen(
      '印发会议纪要',
      `以「${docNumber.trim()}」印发后，纪要和议定事项不能再修改，全体参会人员将收到通知，并按议定事项分解落实任务。`,
      '印发',
      'issue',
      () => write('minutes.issue', { meetingId, docNumber: docNumber.trim() }),
      '会议纪要已印发',
    );
  };

  /** 确认出席情况 (issue #16): before submitting; a correction of the check-in record carries its reason. */
  const confirmAttendance = (entries: AttendanceEntryInput[]) =>
    run('attendance', async () => {
      try {
        record.set(await write('minutes.setAttendance', { meetingId, entries }));
        setRefusal(null);
        toast('出席情况已确认', 'success');
      } catch (e) {
        const err = toApiError(e);
        setRefusal(err.message);
        toast(err.message);
        if (err.code === 'invalid_transition' || err.code === 'conflict') void record.reload(true);
      }
    });

  const download = () =>
    run('document', async () => {
      try {
        await openDocx(await call('minutes.document', { meetingId }));
        if (h5) toast(issued ? '会议纪要已下载' : '纪要预览已下载', 'success');
      } catch (e) {
        toast(toApiError(e).message);
      }
    });

  const editor = editable ? (
    <>
      <View className='card' id='medit-text'>
        <View className='card__head'>
          <Text className='card__title'>纪要正文</Text>
          <Text className='card__more'>{dirty ? '有未保存的修改' : current ? `与第${current.n}稿相同` : '尚未保存'}</Text>
        </View>
        <Text className='medit__hint'>写明会议概况、听取和研究的事项；议定事项在下方逐项列出。</Text>
        <Textarea
          className={errors.text ? 'medit__area medit__area--text medit__area--error' : 'medit__area medit__area--text'}
          value={d.text}
          maxlength={MINUTES_LIMITS.text.max}
          placeholder='会议由……主持。会议听取了……，研究了……。会议认为……'
          placeholderClass='medit__placeholder'
          disabled={busy !== null}
          {...named(MINUTES_LIMITS.text.label, !!errors.text)}
          onInput={(e) => edit((x) => ({ ...x, text: e.detail.value }), 'text')}
        />
        <View className='medit__foot'>
          <Text className='medit__error'>{errors.text ?? ''}</Text>
          <Text className='medit__counter'>
            {textLength(d.text)}/{MINUTES_LIMITS.text.max}
          </Text>
        </View>
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
              <Textarea
                className={textError ? 'medit__area medit__area--decision medit__area--error' : 'medit__area medit__area--decision'}
                value={it.text}
                maxlength={MINUTES_LIMITS.decisionText.max}
                placeholder='事项内容：由谁牵头、做什么、何时完成'
                placeholderClass='medit__placeholder'
                disabled={busy !== null}
                {...named(`第 ${i + 1} 项内容`, !!textError)}
                onInput={(e) => setDecision(it.key, 'text', e.detail.value)}
              />
              <View className='medit__foot'>
                <Text className='medit__error'>{textError ?? ''}</Text>
                <Text className='medit__counter'>
                  {textLength(it.text)}/{MINUTES_LIMITS.decisionText.max}
                </Text>
              </View>
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
        {restored && dirty ? (
          <View className='notice notice--warn'>
            <Text className='notice__text'>已恢复上次在本机未保存的修改，请核对后保存。</Text>
          </View>
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
