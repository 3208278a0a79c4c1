// The sheets of one task and their writes, through the page kit (kit/useAction: one write at a
// time, each under its idempotency key, the refresh rule of kit/rules.ts). What is typed lives here
// on the page, not in a sheet: a failed call, a closed sheet or a refresh never loses it; it is
// cleared only by the write it was for. On success the page shows the task the server answers (no
// re-read); a refusal is said at the field it names, else above the sheet's buttons (or as a toast).
import { useState } from 'react';
import { TASK_LIMITS, type TextLimit } from '../../../../domain/limits';
import type { TaskView } from '../../../../domain/schemas/task';
import type { Write } from '../../../hooks/useWrite';
import type { Action, Confirm } from '../../../kit/useAction';
import { lengthError } from '../../../utils/form';
import { deadlineCN, refusalFields, todayCN } from '../mine/kit';
import type { DeadlineAct } from './DeadlineCard';
import { type EvidenceFiles, useEvidence } from './useEvidence';

export type TaskAct = 'report' | 'complete' | 'explain' | 'verify' | 'sendBack' | 'evidence' | DeadlineAct;
export type Sheet = 'report' | 'complete' | 'explain' | 'sendBack';

export interface Drafts {
  report: string;
  complete: string;
  explanation: string;
  opinion: string;
  newDeadline: string;
  reason: string;
}

const EMPTY: Drafts = { report: '', complete: '', explanation: '', opinion: '', newDeadline: '', reason: '' };

/** The fields the sheets show, where a refusal naming one of them is said. */
const SHOWN_FIELDS = ['text', 'evidence', 'explanation', 'opinion', 'newDeadline', 'reason'];

export const REPORT_LIMIT: TextLimit = { ...TASK_LIMITS.text, label: '进展情况' };
export const COMPLETE_LIMIT: TextLimit = { ...TASK_LIMITS.text, label: '完成情况' };

/** The explanation sheet's own checks, and whether its date asks for a later deadline (issue #16). */
export function explainCheck(t: TaskView, d: Drafts) {
  const today = todayCN();
  const pending = t.deadlineRequests[0]?.state === 'pending' ? t.deadlineRequests[0] : null;
  const errors = {
    explanation: lengthError(TASK_LIMITS.explanation, d.explanation),
    opinion: lengthError(TASK_LIMITS.opinion, d.opinion),
    newDeadline: !d.newDeadline
      ? '请选择新的完成时限'
      : d.newDeadline < today
        ? '新的完成时限不能早于今天'
        : d.newDeadline < t.deadline
          ? `新的完成时限不能早于现行完成时限（${deadlineCN(t.deadline)}）`
          : pending && d.newDeadline !== t.deadline && d.newDeadline !== pending.newDeadline
            ? `已申请延至 ${deadlineCN(pending.newDeadline)}，请等待审批后再申请其他时限`
            : null,
  };
  // a later date than the deadline in force is a request to the keeping office
  const asksLater = !!d.newDeadline && d.newDeadline > t.deadline && d.newDeadline !== pending?.newDeadline;
  return { errors, asksLater, today };
}

export interface TaskSheets {
  sheet: Sheet | null;
  drafts: Drafts;
  draft(key: keyof Drafts): (v: string) => void;
  sheetError: string | null;
  fieldErrors: Record<string, string>;
  /** the error of a field: the server's, else (after a try) the form's own */
  err(field: string, own: string | null): string | null;
  evidence: EvidenceFiles;
  open(s: Sheet): void;
  close(): void;
  submitReport(t: TaskView): void;
  submitComplete(t: TaskView): void;
  submitExplain(t: TaskView): void;
  submitSendBack(t: TaskView): void;
  verify(t: TaskView): void;
}

export function useTaskSheets(kit: Action<TaskAct>, onSaved: (t: TaskView) => void): TaskSheets {
  const { busy } = kit;
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [drafts, setDrafts] = useState<Drafts>(EMPTY);
  const [sheetError, setSheetError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);
  const evidence = useEvidence(busy !== null);

  const open = (s: Sheet) => {
    if (busy) return;
    setSheetError(null);
    setFieldErrors({});
    setTouched(false);
    evidence.clearPickError();
    setSheet(s);
  };
  const close = () => {
    if (!busy) setSheet(null);
  };

  /** One write: the answer is shown and the draft it used is cleared; a refusal keeps the draft. */
  const act = (name: TaskAct, fn: (w: Write) => Promise<TaskView>, done: string, clear: Array<keyof Drafts> = [], confirm?: Confirm) => {
    setSheetError(null);
    setFieldErrors({});
    return kit.act(name, fn, {
      confirm,
      done,
      apply: (task) => {
        onSaved(task);
        setDrafts((d) => ({ ...d, ...Object.fromEntries(clear.map((k) => [k, EMPTY[k]])) }));
        if (name === 'complete') evidence.clear();
        setSheet(null);
      },
      onError: (error) => {
        const fields = refusalFields(error);
        setFieldErrors(fields);
        // said at the field when the sheet shows that field, else above the buttons
        setSheetError(Object.keys(fields).some((f) => SHOWN_FIELDS.includes(f)) ? null : error.message);
        return sheet !== null;
      },
    });
  };

  const submitReport = (t: TaskView) => {
    setTouched(true);
    if (lengthError(REPORT_LIMIT, drafts.report)) return;
    void act('report', (w) => w('task.report', { taskId: t.id, text: drafts.report.trim() }), '进展已报告', ['report']);
  };

  const submitComplete = (t: TaskView) => {
    setTouched(true);
    if (lengthError(COMPLETE_LIMIT, drafts.complete)) return;
    if (evidence.uploading) return setSheetError('请等待证明材料上传完成');
    if (evidence.failed.length) return setSheetError('有证明材料未上传成功，请重试或移除后再提交');
    const files = evidence.payload();
    void act('complete', (w) => w('task.complete', { taskId: t.id, text: drafts.complete.trim(), ...(files.length ? { evidence: files } : {}) }), '已标记完成，等待核验', ['complete']);
  };

  const submitExplain = (t: TaskView) => {
    setTouched(true);
    const { errors, asksLater } = explainCheck(t, drafts);
    if (errors.explanation || errors.opinion || errors.newDeadline) return;
    void act(
      'explain',
      (w) => w('task.explain', { taskId: t.id, explanation: drafts.explanation.trim(), opinion: drafts.opinion.trim(), newDeadline: drafts.newDeadline }),
      asksLater ? '情况说明已提交，延期申请等待审批' : '情况说明已提交',
      ['explanation', 'opinion', 'newDeadline'],
    );
  };

  const submitSendBack = (t: TaskView) => {
    setTouched(true);
    if (lengthError(TASK_LIMITS.reason, drafts.reason)) return;
    void act('sendBack', (w) => w('task.sendBack', { taskId: t.id, reason: drafts.reason.trim() }), '已退回继续落实', ['reason']);
  };

  const verify = (t: TaskView) => {
    const confirm = { title: '核验办结', content: `确认「${t.title}」已落实完成？核验后任务办结，并通知${t.ownerName}。`, confirmText: '核验办结' };
    void act('verify', (w) => w('task.verify', { taskId: t.id }), '已核验办结', [], confirm);
  };

  return {
    sheet,
    drafts,
    draft: (key) => (v) => setDrafts((d) => ({ ...d, [key]: v })),
    sheetError,
    fieldErrors,
    err: (field, own) => fieldErrors[field] ?? (touched ? own : null),
    evidence,
    open,
    close,
    submitReport,
    submitComplete,
    submitExplain,
    submitSendBack,
    verify,
  };
}
