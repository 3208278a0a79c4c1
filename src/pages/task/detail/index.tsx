// One task of the implementation checklist (Art. 11), `?id=`: its light and countdown, the decided
// item it carries out, the unit and person responsible, the history (progress, explanations,
// send-backs, completion, verification) and the evidence (opened through task.evidence). The
// buttons are exactly the server's allowedActions:
// - the owner reports progress (报告进展) and marks the task done with the big tick (标记完成: a
//   sheet with 完成情况 and evidence files, uploaded as they are picked, services/upload.ts);
// - the owner or the keeping office explains an unfinished task — 未完成原因, 下步意见, 新的完成时限
//   — for the next meeting's first agenda section (Art. 3 (1)); a new deadline there is a request
//   the keeping office decides (issue #16);
// - the deadline (DeadlineCard.tsx, issue #16): its history, 申请延期 for the owner, 同意 / 不同意 and
//   调整期限 for the keeping office;
// - the keeping office verifies (核验办结) or sends it back with a reason (退回).
// What is typed lives on the page, not in the sheet: a failed call, a closed sheet or a refresh
// never loses it; it is cleared only by the write it was for. One write at a time (useBusy), each
// under its idempotency key (useWrite).
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ChangeEvent, useCallback, useEffect, useRef, useState } from 'react';
import { TASK_LIMITS, type TextLimit } from '../../../../domain/limits';
import type { EvidenceView, TaskView } from '../../../../domain/schemas/task';
import Btn from '../../../components/Btn';
import PageShell from '../../../kit/PageShell';
import StateView from '../../../components/StateView';
// after Skeleton and StateView, as the other pages load them (one CSS order in WeChat's common.wxss)
import Dialog from '../../../components/Dialog';
import Tap from '../../../components/Tap';
import ChaseButton from '../../../components/ChaseButton';
import { useRecordPage } from '../../../hooks/useRecordPage';
import { useAction } from '../../../kit/useAction';
import { call, toApiError } from '../../../services/api';
import { askConsent, usePrimeConsent } from '../../../services/subscribe';
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_FILES,
  type PickedFile,
  evidenceProblem,
  fileSizeText,
  fromBrowserFiles,
  openEvidence,
  pickInWeapp,
  releasePreview,
  uploadEvidence,
} from '../../../services/upload';
import { formatDateTimeShortCN } from '../../../utils/date';
import { lengthError } from '../../../utils/form';
import { queryValue } from '../../../utils/nav';
import { Countdown, DateField, Light, TextField, deadlineCN, missingTaskId, needsExplaining, refusalFields, todayCN } from '../mine/kit';
import DeadlineCard, { type DeadlineAct } from './DeadlineCard';
import './index.css';

type Act = 'report' | 'complete' | 'explain' | 'verify' | 'sendBack' | 'evidence' | DeadlineAct;
type Sheet = null | 'report' | 'complete' | 'explain' | 'sendBack';

/** A picked evidence file and how its upload goes. */
interface Evidence extends PickedFile {
  state: 'uploading' | 'done' | 'failed';
  percent: number;
  fileId?: string;
  error?: string;
}

interface Drafts {
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

const REPORT_LIMIT: TextLimit = { ...TASK_LIMITS.text, label: '进展情况' };
const COMPLETE_LIMIT: TextLimit = { ...TASK_LIMITS.text, label: '完成情况' };

export default function TaskDetail() {
  const { params } = useRouter();
  const id = queryValue(params, 'id') || queryValue(params, 'taskId');
  const fetchTask = useCallback(() => call('task.get', { taskId: id }), [id]);
  const record = useRecordPage(id ? fetchTask : null, missingTaskId);
  const { state } = record;
  const kit = useAction<Act>(record.reload);
  const { busy, write } = kit;
  const [sheet, setSheet] = useState<Sheet>(null);
  const [drafts, setDrafts] = useState<Drafts>(EMPTY);
  const [files, setFiles] = useState<Evidence[]>([]);
  const [pickError, setPickError] = useState<string | null>(null);
  const [sheetError, setSheetError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);
  const filesRef = useRef(files);
  filesRef.current = files;
  usePrimeConsent(state.kind === 'ready' && state.value.allowedActions.some((a) => a === 'complete' || a === 'report'));

  // The thumbnails made for this page are freed when it closes.
  useEffect(() => () => filesRef.current.forEach(releasePreview), []);

  const draft = (key: keyof Drafts) => (v: string) => setDrafts((d) => ({ ...d, [key]: v }));

  const openSheet = (s: Exclude<Sheet, null>) => {
    if (busy) return;
    setSheetError(null);
    setFieldErrors({});
    setTouched(false);
    setPickError(null);
    setSheet(s);
  };
  const closeSheet = () => {
    if (!busy) setSheet(null);
  };

  /**
   * One write: on success the page shows the task the server answers and the draft it used is
   * cleared; on a refusal the reason is said at the field it names (or above the buttons), and
   * the draft stays.
   */
  const act = (name: Act, fn: () => Promise<TaskView>, done: string, clear: Array<keyof Drafts> = []) => {
    setSheetError(null);
    setFieldErrors({});
    return kit.act(name, fn, {
      done,
      apply: (task) => {
        record.set(task);
        setDrafts((d) => ({ ...d, ...Object.fromEntries(clear.map((k) => [k, EMPTY[k]])) }));
        if (name === 'complete') {
          files.forEach(releasePreview);
          setFiles([]);
        }
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

  // ---- evidence: picked, checked, uploaded at once, each with its progress ----

  const uploadOne = (f: Evidence, ownerId: string) => {
    const patch = (p: Partial<Evidence>) => setFiles((all) => all.map((x) => (x.key === f.key ? { ...x, ...p } : x)));
    patch({ state: 'uploading', percent: 0, error: undefined });
    uploadEvidence(f, ownerId, (percent) => patch({ percent })).then(
      (up) => patch({ state: 'done', percent: 100, fileId: up.fileId }),
      (e: unknown) => patch({ state: 'failed', error: toApiError(e).message }),
    );
  };

  const addFiles = (picked: PickedFile[], ownerId: string) => {
    const room = EVIDENCE_MAX_FILES - filesRef.current.length;
    const problems = picked.map(evidenceProblem).filter((p): p is string => p !== null);
    const good = picked.filter((f) => !evidenceProblem(f));
    const taken = good.slice(0, Math.max(0, room));
    good.slice(taken.length).forEach(releasePreview);
    picked.filter((f) => evidenceProblem(f)).forEach(releasePreview);
    if (good.length > taken.length) problems.push(`证明材料最多 ${EVIDENCE_MAX_FILES} 个，多选的 ${good.length - taken.length} 个未添加`);
    setPickError(problems.length ? problems.join('；') : null);
    const added: Evidence[] = taken.map((f) => ({ ...f, state: 'uploading', percent: 0 }));
    setFiles((all) => [...all, ...added]);
    added.forEach((f) => uploadOne(f, ownerId));
  };

  const pick = (ownerId: string) => {
    if (busy) return;
    if (filesRef.current.length >= EVIDENCE_MAX_FILES) {
      setPickError(`证明材料最多 ${EVIDENCE_MAX_FILES} 个`);
      return;
    }
    if (process.env.TARO_ENV === 'h5') {
      input.current?.click();
      return;
    }
    void Taro.showActionSheet({ itemList: ['拍照或从相册选择', '从微信聊天选择 PDF 或图片'] }).then(
      (r) =>
        pickInWeapp(r.tapIndex === 0 ? 'photo' : 'chat', EVIDENCE_MAX_FILES - filesRef.current.length).then(
          (picked) => addFiles(picked, ownerId),
          (e: unknown) => setPickError(toApiError(e).message),
        ),
      () => undefined, // the sheet was dismissed
    );
  };

  const onBrowserFiles = (e: ChangeEvent<HTMLInputElement>, ownerId: string) => {
    const el = e.target;
    const chosen = el.files ? Array.from(el.files) : [];
    // the same file may be picked again after it was removed
    el.value = '';
    if (chosen.length) void fromBrowserFiles(chosen).then((picked) => addFiles(picked, ownerId));
  };

  const removeFile = (key: string) => {
    if (busy) return;
    const f = filesRef.current.find((x) => x.key === key);
    if (f) releasePreview(f);
    setFiles((all) => all.filter((x) => x.key !== key));
    setPickError(null);
  };

  if (state.kind !== 'ready') return <PageShell className='tdetail' state={state} skeleton={[[90, 50, 70], [100, 100, 60], [40, 80]]} onRetry={() => void record.reload()} />;

  const t = state.value;
  const allowed = (a: string) => t.allowedActions.includes(a);
  const canVerify = allowed('verify');
  const canSendBack = allowed('sendBack');
  const bar = canVerify || canSendBack;
  const lastSendBack = t.sendBacks.length ? t.sendBacks[t.sendBacks.length - 1] : null;
  const pendingRequest = t.deadlineRequests[0]?.state === 'pending' ? t.deadlineRequests[0] : null;
  const today = todayCN();

  // ---- the writes ----

  const submitReport = () => {
    setTouched(true);
    if (lengthError(REPORT_LIMIT, drafts.report)) return;
    void act('report', () => write('task.report', { taskId: t.id, text: drafts.report.trim() }), '进展已报告', ['report']);
  };

  const uploading = files.some((f) => f.state === 'uploading');
  const failed = files.filter((f) => f.state === 'failed');
  const submitComplete = () => {
    setTouched(true);
    if (lengthError(COMPLETE_LIMIT, drafts.complete)) return;
    if (uploading) return setSheetError('请等待证明材料上传完成');
    if (failed.length) return setSheetError('有证明材料未上传成功，请重试或移除后再提交');
    // the picked name travels with the id: a WeChat cloud path keeps only ASCII
    const evidence = files.flatMap((f) => (f.fileId ? [{ fileId: f.fileId, ...(f.name.trim() ? { fileName: f.name.trim().slice(0, 80) } : {}) }] : []));
    void act(
      'complete',
      () => write('task.complete', { taskId: t.id, text: drafts.complete.trim(), ...(evidence.length ? { evidence } : {}) }),
      '已标记完成，等待核验',
      ['complete'],
    );
  };

  const explainErrors = {
    explanation: lengthError(TASK_LIMITS.explanation, drafts.explanation),
    opinion: lengthError(TASK_LIMITS.opinion, drafts.opinion),
    newDeadline: !drafts.newDeadline
      ? '请选择新的完成时限'
      : drafts.newDeadline < today
        ? '新的完成时限不能早于今天'
        : drafts.newDeadline < t.deadline
          ? `新的完成时限不能早于现行完成时限（${deadlineCN(t.deadline)}）`
          : pendingRequest && drafts.newDeadline !== t.deadline && drafts.newDeadline !== pendingRequest.newDeadline
            ? `已申请延至 ${deadlineCN(pendingRequest.newDeadline)}，请等待审批后再申请其他时限`
            : null,
  };
  // issue #16: a later date than the deadline in force is a request to the keeping office
  const asksLater = !!drafts.newDeadline && drafts.newDeadline > t.deadline && drafts.newDeadline !== pendingRequest?.newDeadline;
  const submitExplain = () => {
    setTouched(true);
    if (explainErrors.explanation || explainErrors.opinion || explainErrors.newDeadline) return;
    void act(
      'explain',
      () => write('task.explain', { taskId: t.id, explanation: drafts.explanation.trim(), opinion: drafts.opinion.trim(), newDeadline: drafts.newDeadline }),
      asksLater ? '情况说明已提交，延期申请等待审批' : '情况说明已提交',
      ['explanation', 'opinion', 'newDeadline'],
    );
  };

  const submitSendBack = () => {
    setTouched(true);
    if (lengthError(TASK_LIMITS.reason, drafts.reason)) return;
    void act('sendBack', () => write('task.sendBack', { taskId: t.id, reason: drafts.reason.trim() }), '已退回继续落实', ['reason']);
  };

  const verify = () => {
    if (busy) return;
    void Taro.showModal({
      title: '核验办结',
      content: `确认「${t.title}」已落实完成？核验后任务办结，并通知${t.ownerName}。`,
      confirmText: '核验办结',
      cancelText: '取消',
      confirmColor: '#b71c1c',
    }).then((r) => {
      if (r.confirm) void act('verify', () => write('task.verify', { taskId: t.id }), '已核验办结');
    });
  };

  const openFile = (f: EvidenceView) =>
    kit.act('evidence', async () => openEvidence(await call('task.evidence', { taskId: t.id, fileId: f.fileId }), f.contentType), { refresh: false });

  /** The error of a field: the server's, else (after a try) the form's own. */
  const err = (field: string, own: string | null) => fieldErrors[field] ?? (touched ? own : null);

  return (
    <PageShell className='tdetail'>
      <View className={bar ? 'page-container page--with-bar' : 'page-container'}>
        <View className='card tdetail__head'>
          <View className='tdetail__tags'>
            <Light light={t.light} label={t.lightLabel} large />
            <Text className={t.status === 'awaiting_verification' ? 'tag tag--merged' : t.status === 'done' ? 'tag tag--plain' : 'tag tag--submitted'}>{t.statusLabel}</Text>
            {needsExplaining(t) ? <Text className='tag tag--returned'>待说明</Text> : null}
          </View>
          <View className='tdetail__title' role='heading' aria-level={2}>
            {t.title}
          </View>
          <View className='tdetail__countdown'>
            <Countdown light={t.light} text={t.countdown} large />
            <Text className='tdetail__deadline'>完成时限：{deadlineCN(t.deadline)}</Text>
            {pendingRequest ? <Text className='tag tag--submitted'>延期申请待审批</Text> : null}
          </View>
          <View className='tdetail__facts'>
            <Fact label='责任单位' value={t.unit} />
            <Fact label='责任人' value={t.ownerName} />
            <Fact label='交办核验' value={t.keeperLabel} />
            <Fact label='会议' value={t.meetingTitle} />
          </View>
          <View className='tdetail__decision'>
            <Text className='tdetail__decision-label'>议定事项：{t.decisionTitle}</Text>
            <Text className='tdetail__decision-text'>{t.decisionText}</Text>
          </View>
          <ChaseButton subject='task' id={t.id} allowed={t.allowedActions} small text={`催办${t.ownerName}`} hint='提醒责任人尽快落实（同一任务每天一次）' onMovedOn={() => void record.reload(true)} />
        </View>

        {t.status === 'awaiting_verification' ? (
          <View className='notice notice--info' role='status'>
            <Text className='notice__title'>已标记完成，等待核验</Text>
            <Text className='notice__text'>由{t.keeperLabel}核验办结；核验前可继续查看完成情况。</Text>
          </View>
        ) : null}
        {t.status === 'done' ? (
          <View className='notice notice--success' role='status'>
            <Text className='notice__title'>已核验办结</Text>
            {t.verifiedAt ? (
              <Text className='notice__text'>
                {t.verifiedByName} 于 {formatDateTimeShortCN(t.verifiedAt)} 核验
              </Text>
            ) : null}
          </View>
        ) : null}
        {t.status === 'in_progress' && lastSendBack ? (
          <View className='answer tdetail__sendback'>
            <Text className='answer__label'>
              退回继续落实 · {lastSendBack.byName} {formatDateTimeShortCN(lastSendBack.at)}
            </Text>
            <Text className='answer__text'>{lastSendBack.reason}</Text>
          </View>
        ) : null}

        {allowed('complete') ? (
          <View className='card tdetail__done'>
            <Text className='tdetail__done-hint'>落实完成后，提交完成情况和证明材料，由{t.keeperLabel}核验办结。</Text>
            <Btn
              kind='primary'
              block
              className='tdetail__tick'
              label='标记完成'
              disabled={busy !== null}
              onClick={() => {
                // issue #10: due soon, overdue, the next task given — asked in the tap, the sheet opens whatever the answer
                void askConsent('task');
                openSheet('complete');
              }}
            >
              <Text className='tdetail__tick-mark' aria-hidden='true'>
                ✓
              </Text>
              <Text>标记完成</Text>
            </Btn>
          </View>
        ) : null}

        {t.completion ? (
          <View className='card'>
            <View className='card__head'>
              <Text className='card__title'>完成情况</Text>
              <Text className='card__more'>{formatDateTimeShortCN(t.completion.at)}</Text>
            </View>
            <Text className='tdetail__text'>{t.completion.text}</Text>
            <Text className='tdetail__sub'>证明材料</Text>
            {t.completion.evidence.length === 0 ? (
              <Text className='tdetail__none'>未上传证明材料</Text>
            ) : (
              t.completion.evidence.map((f) => (
                <Tap key={f.fileId} role='button' className='tdetail__file' hoverClass='tdetail__file--hover' label={`打开证明材料 ${f.fileName}`} onTap={() => void openFile(f)}>
                  <Text className='tdetail__file-kind' aria-hidden='true'>
                    {f.contentType === 'application/pdf' ? 'PDF' : '图片'}
                  </Text>
                  <Text className='tdetail__file-name'>{f.fileName}</Text>
                  <Text className='tdetail__file-size'>{fileSizeText(f.size)}</Text>
                  <Text className='tdetail__file-go' aria-hidden='true'>
                    打开 ›
                  </Text>
                </Tap>
              ))
            )}
          </View>
        ) : null}

        <DeadlineCard task={t} busy={busy} act={kit.act} onSaved={record.set} />

        <View className='card'>
          <View className='card__head'>
            <Text className='card__title'>办理记录</Text>
          </View>
          <History task={t} />
          {allowed('report') ? (
            <View className='tdetail__card-action'>
              <Btn
                kind='outline'
                block
                disabled={busy !== null}
                onClick={() => {
                  void askConsent('task');
                  openSheet('report');
                }}
              >
                报告进展
              </Btn>
            </View>
          ) : null}
        </View>

        {allowed('explain') || t.explanations.length > 0 ? (
          <View className={needsExplaining(t) ? 'card tdetail__explain tdetail__explain--due' : 'card tdetail__explain'}>
            <View className='card__head'>
              <Text className='card__title'>未完成事项说明</Text>
            </View>
            <Text className='tdetail__hint'>第三条第一项：未完成的事项说明原因、提出下步意见和新的完成时限，在下次联席会议上通报。</Text>
            {needsExplaining(t) ? <Text className='tdetail__due'>任务已逾期，尚未说明。</Text> : null}
            {[...t.explanations].reverse().map((x, i) => (
              <View key={`${x.at}-${i}`} className='tdetail__explanation'>
                <Text className='tdetail__explanation-head'>
                  {x.byName} · {formatDateTimeShortCN(x.at)}
                </Text>
                <Text className='tdetail__explanation-line'>未完成原因：{x.explanation}</Text>
                <Text className='tdetail__explanation-line'>下步意见：{x.opinion}</Text>
                <Text className='tdetail__explanation-line'>
                  {x.newDeadline === x.oldDeadline ? `完成时限：${deadlineCN(x.newDeadline)}` : `新的完成时限：${deadlineCN(x.newDeadline)}（原 ${deadlineCN(x.oldDeadline)}）`}
                </Text>
              </View>
            ))}
            {allowed('explain') ? (
              <View className='tdetail__card-action'>
                <Btn kind={needsExplaining(t) ? 'primary' : 'outline'} block disabled={busy !== null} onClick={() => openSheet('explain')}>
                  {t.explanations.length ? '再次说明' : '说明未完成原因'}
                </Btn>
              </View>
            ) : null}
          </View>
        ) : null}
      </View>

      {bar ? (
        <View className='action-bar'>
          <View className='action-bar__inner'>
            {canSendBack ? (
              <Btn kind='outline' disabled={busy !== null} onClick={() => openSheet('sendBack')}>
                退回
              </Btn>
            ) : null}
            {canVerify ? (
              <Btn kind='primary' busy={busy === 'verify'} busyText='核验中…' disabled={busy !== null} onClick={verify}>
                核验办结
              </Btn>
            ) : null}
          </View>
        </View>
      ) : null}

      {sheet === 'complete' ? (
        <Dialog
          title='标记完成'
          subtitle={`提交后由${t.keeperLabel}核验办结。`}
          confirmText='提交完成情况'
          busy={busy === 'complete'}
          error={sheetError}
          onCancel={closeSheet}
          onConfirm={submitComplete}
        >
          <TextField
            limit={COMPLETE_LIMIT}
            value={drafts.complete}
            placeholder='请写明落实的措施和取得的成效'
            error={err('text', lengthError(COMPLETE_LIMIT, drafts.complete))}
            disabled={busy === 'complete'}
            onInput={draft('complete')}
          />
          <View className='tdetail__evidence'>
            <Text className='tdetail__evidence-label'>证明材料（选填）</Text>
            <Text className='tdetail__evidence-hint'>
              照片（JPG、PNG）或 PDF 文件，每个不超过 10 MB，最多 {EVIDENCE_MAX_FILES} 个
            </Text>
            {fieldErrors.evidence ? (
              <View className='tk-field__error' role='alert'>
                <Text>{fieldErrors.evidence}</Text>
              </View>
            ) : null}
            {files.map((f) => (
              <View key={f.key} className={f.state === 'failed' ? 'tdetail__upload tdetail__upload--failed' : 'tdetail__upload'}>
                {f.preview ? (
                  <Image className='tdetail__thumb' src={f.preview} mode='aspectFill' ariaLabel={`${f.name} 缩略图`} />
                ) : (
                  <View className='tdetail__thumb tdetail__thumb--pdf' aria-hidden='true'>
                    <Text>PDF</Text>
                  </View>
                )}
                <View className='tdetail__upload-main'>
                  <Text className='tdetail__upload-name'>{f.name}</Text>
                  <Text className={f.state === 'failed' ? 'tdetail__upload-state tdetail__upload-state--bad' : 'tdetail__upload-state'}>
                    {fileSizeText(f.size)} · {f.state === 'uploading' ? `上传中 ${f.percent}%` : f.state === 'done' ? '已上传' : (f.error ?? '上传失败')}
                  </Text>
                  {f.state === 'uploading' ? (
                    <View className='tdetail__progress' aria-hidden='true'>
                      <View className='tdetail__progress-bar' style={{ width: `${f.percent}%` }} />
                    </View>
                  ) : null}
                </View>
                <View className='tdetail__upload-actions'>
                  {f.state === 'failed' ? (
                    <Btn small kind='outline' label={`重新上传${f.name}`} disabled={busy !== null} onClick={() => uploadOne(f, t.ownerId)}>
                      重试
                    </Btn>
                  ) : null}
                  <Btn small label={`移除${f.name}`} disabled={busy !== null} onClick={() => removeFile(f.key)}>
                    移除
                  </Btn>
                </View>
              </View>
            ))}
            {pickError ? (
              <View className='tk-field__error tdetail__pick-error' role='alert'>
                <Text>{pickError}</Text>
              </View>
            ) : null}
            {files.length < EVIDENCE_MAX_FILES ? (
              <Btn kind='outline' block disabled={busy !== null} onClick={() => pick(t.ownerId)}>
                ＋ 添加证明材料
              </Btn>
            ) : null}
            {process.env.TARO_ENV === 'h5' ? (
              <input
                ref={input}
                className='tdetail__file-input'
                type='file'
                accept={EVIDENCE_ACCEPT}
                multiple
                tabIndex={-1}
                aria-hidden='true'
                onChange={(e) => onBrowserFiles(e, t.ownerId)}
              />
            ) : null}
          </View>
        </Dialog>
      ) : null}

      {sheet === 'report' ? (
        <Dialog title='报告进展' subtitle='报告落实进展，办公室和领导可随时查看。' confirmText='提交' busy={busy === 'report'} error={sheetError} onCancel={closeSheet} onConfirm={submitReport}>
          <TextField
            limit={REPORT_LIMIT}
            value={drafts.report}
            placeholder='请写明目前的进展、下一步安排'
            error={err('text', lengthError(REPORT_LIMIT, drafts.report))}
            disabled={busy === 'report'}
            onInput={draft('report')}
          />
        </Dialog>
      ) : null}

      {sheet === 'explain' ? (
        <Dialog
          title='说明未完成原因'
          subtitle='第三条第一项：说明原因、提出意见和新的完成时限，在下次联席会议上通报。'
          confirmText='提交说明'
          busy={busy === 'explain'}
          error={sheetError}
          onCancel={closeSheet}
          onConfirm={submitExplain}
        >
          <TextField
            limit={TASK_LIMITS.explanation}
            value={drafts.explanation}
            placeholder='请说明未能按期完成的原因'
            error={err('explanation', explainErrors.explanation)}
            disabled={busy === 'explain'}
            short
            onInput={draft('explanation')}
          />
          <TextField
            limit={TASK_LIMITS.opinion}
            value={drafts.opinion}
            placeholder='请提出下一步的落实意见'
            error={err('opinion', explainErrors.opinion)}
            disabled={busy === 'explain'}
            short
            onInput={draft('opinion')}
          />
          <DateField
            label='新的完成时限'
            value={drafts.newDeadline}
            start={t.deadline >= today ? t.deadline : today}
            error={err('newDeadline', explainErrors.newDeadline)}
            disabled={busy === 'explain'}
            onChange={draft('newDeadline')}
          />
          <Text className='tdetail__hint'>
            {asksLater
              ? `晚于现行完成时限（${deadlineCN(t.deadline)}），将作为延期申请提交${t.keeperLabel}审批；同意前原时限不变。`
              : `现行完成时限 ${deadlineCN(t.deadline)}；填写更晚的日期即为申请延期，由${t.keeperLabel}审批。`}
          </Text>
        </Dialog>
      ) : null}

      {sheet === 'sendBack' ? (
        <Dialog
          title='退回继续落实'
          subtitle={`退回后「${t.title}」回到落实中，${t.ownerName}将收到通知。`}
          confirmText='确认退回'
          busy={busy === 'sendBack'}
          error={sheetError}
          onCancel={closeSheet}
          onConfirm={submitSendBack}
        >
          <TextField
            limit={TASK_LIMITS.reason}
            value={drafts.reason}
            placeholder='请写明退回理由和需要补充的内容'
            error={err('reason', lengthError(TASK_LIMITS.reason, drafts.reason))}
            disabled={busy === 'sendBack'}
            short
            onInput={draft('reason')}
          />
        </Dialog>
      ) : null}
    </PageShell>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='tdetail__fact'>
      <Text className='tdetail__fact-label'>{label}</Text>
      <Text className='tdetail__fact-value'>{value}</Text>
    </View>
  );
}

interface Step {
  label: string;
  at: string;
  byName: string;
  note?: string;
}

/** Everything done on the task, newest first: progress, explanations, send-backs, completion, verification. */
function stepsOf(t: TaskView): Step[] {
  const steps: Step[] = [
    ...t.progress.map((p) => ({ label: '报告进展', at: p.at, byName: p.byName, note: p.text })),
    ...t.explanations.map((x) => ({
      label: '说明未完成原因',
      at: x.at,
      byName: x.byName,
      note: x.newDeadline === x.oldDeadline ? `完成时限 ${deadlineCN(x.newDeadline)}` : `提出新的完成时限 ${deadlineCN(x.newDeadline)}（原 ${deadlineCN(x.oldDeadline)}）`,
    })),
    // issue #16: the requests and the keeper's decisions, the deadlines the office set
    ...t.deadlineRequests.map((r) => ({ label: '申请延期', at: r.at, byName: r.byName, note: `申请延至 ${deadlineCN(r.newDeadline)}：${r.reason}` })),
    ...t.deadlineRequests.flatMap((r) =>
      r.decidedAt ? [{ label: r.state === 'approved' ? '同意延期' : '不同意延期', at: r.decidedAt, byName: r.decidedByName ?? t.keeperLabel, note: r.decision ?? undefined }] : [],
    ),
    ...t.deadlines.filter((d) => d.how === 'office').map((d) => ({ label: '调整期限', at: d.setAt, byName: d.byName, note: `调整为 ${deadlineCN(d.deadline)}：${d.reason ?? ''}` })),
    ...t.sendBacks.map((s) => ({ label: '退回继续落实', at: s.at, byName: s.byName, note: s.reason })),
    ...(t.completion ? [{ label: '标记完成', at: t.completion.at, byName: t.ownerName }] : []),
    ...(t.verifiedAt ? [{ label: '核验办结', at: t.verifiedAt, byName: t.verifiedByName ?? t.keeperLabel }] : []),
  ];
  return steps.sort((a, b) => b.at.localeCompare(a.at));
}

function History({ task }: { task: TaskView }) {
  const steps = stepsOf(task);
  if (steps.length === 0) return <StateView kind='empty' compact title='暂无办理记录' />;
  return (
    <View className='tdetail__timeline'>
      {steps.map((s, i) => (
        <View key={`${s.at}-${s.label}-${i}`} className={i === 0 ? 'tdetail__step tdetail__step--latest' : 'tdetail__step'}>
          <View className='tdetail__step-dot' aria-hidden='true' />
          <View className='tdetail__step-body'>
            <View className='tdetail__step-row'>
              <Text className='tdetail__step-label'>{s.label}</Text>
              <Text className='tdetail__step-time'>{formatDateTimeShortCN(s.at)}</Text>
            </View>
            <Text className='tdetail__step-by'>{s.byName}</Text>
            {s.note ? <Text className='tdetail__step-note'>{s.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

