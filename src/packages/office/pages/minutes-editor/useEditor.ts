// The minutes editor's state and writes (Art. 9; issue #19, split from index.tsx). The draft starts
// from the current version and is kept on the device per meeting and person until it is saved
// (hooks/useLocalDraft: offered back after a reload or 返回 as 恢复草稿, never applied unasked, a
// warning before leaving while unsaved); a changed, valid draft is saved as a version by a timer.
// Every write goes through the page kit (kit/useAction): one at a time, 提交审核 and 印发 asked
// first, each answer the minutes as they are now; what is typed is never lost to a refusal.
import { useEffect, useMemo, useRef, useState } from 'react';
import { MINUTES_LIMITS } from '../../../../../domain/limits';
import type { MinutesView } from '../../../../../domain/schemas/minutes';
import { useLocalDraft } from '../../../../hooks/useLocalDraft';
import { ask, fileDone, useAction } from '../../../../kit/useAction';
import { call } from '../../../../services/api';
import { fieldErrorsOf, lengthError } from '../../../../utils/form';
import { openDocx, useMinutesRecord } from '../../../../pages/minutes/kit';
import type { AttendanceEntryInput } from '../../../../pages/minutes/AttendanceCard';
import { AUTOSAVE_MS, type Draft, type Errors, changed, draftOf, nextKey, sameDraft, shouldAutosave, validate } from './model';
import { usePersonId } from './usePersonId';

export type Busy = 'save' | 'submit' | 'issue' | 'document' | 'attendance';

const EMPTY_DRAFT: Draft = { base: 0, text: '', decisions: [] };

export function useEditor() {
  const { meetingId, record } = useMinutesRecord();
  const { state } = record;
  const { busy, act } = useAction<Busy>(record.reload);
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

  /** A change to the draft: the refusal goes, and the message of the field it touched. */
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
  /** 删除: asked first when the item has anything typed in it. */
  const remove = async (i: number) => {
    const it = draft?.decisions[i];
    if (!it) return;
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
    void act('attendance', (w) => w('minutes.setAttendance', { meetingId, entries }), { ...shown, done: '出席情况已确认', onError: (err) => void setRefusal(err.message) });

  const download = () => void act('document', async () => openDocx(await call('minutes.document', { meetingId })), fileDone(v?.status === 'issued' ? '会议纪要' : '纪要预览'));

  /** 恢复草稿: the kept draft, on top of the version now current. */
  const restore = () => {
    const kept = local.restore();
    if (kept) setDraft({ ...kept, base: current?.n ?? 0 });
  };

  /** The 文号 as typed; its message goes with the next keystroke. */
  const typeDocNumber = (value: string) => {
    setDocNumber(value);
    if (docError) setDocError(null);
  };

  return {
    meetingId, record, state, busy, draft, errors, refusal, docNumber, docError, autosavedAt, editable, dirty, current,
    /** a kept draft waiting for 恢复 / 放弃 */
    offer: local.offer, discard: local.discard, restore,
    save: () => save(), submit, issue, confirmAttendance, download, typeDocNumber,
    edit, setDecision, move, add, remove: (i: number) => void remove(i),
  };
}

export type Editor = ReturnType<typeof useEditor>;
