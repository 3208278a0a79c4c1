// The minutes on the phone (Art. 9), `?meetingId=`: for the leaders who review them and, once
// issued, for everyone who attended. One read (minutes.get): the status and the next step, the
// current text with its decided items, where the two reviews stand (工会方 then 政府方), every
// version with the returns and approvals given on it, and who attended. 审核通过 / 退回修改 (with
// a reason) come only from allowedActions; issued minutes show their 文号 and 下载纪要 (.docx).
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MINUTES_LIMITS } from '../../../domain/limits';
import type { MinutesView } from '../../../domain/schemas/minutes';
import Btn from '../../components/Btn';
import ApprovalBar from '../../components/ApprovalBar';
import PageShell from '../../kit/PageShell';
import StateView from '../../components/StateView';
// after Skeleton and StateView, as the other pages load them (one CSS order in WeChat's common.wxss)
import { TextDialog } from '../../components/Dialog';
import Tap from '../../components/Tap';
import ChaseButton from '../../components/ChaseButton';
import { useAction, movedOn } from '../../kit/useAction';
import { type ApiError, call } from '../../services/api';
import { askConsent, usePrimeConsent } from '../../services/subscribe';
import { formatDateCN, formatDateTimeShortCN } from '../../utils/date';
import { ROUTES, openPage } from '../../utils/nav';
import { minutesTagClass, openDocx, useMinutesRecord } from './kit';
import AttendanceCard from './AttendanceCard';
import ProceedingsCard from './ProceedingsCard';
import { MinutesBody, ReviewProgress, VersionList } from './parts';
import './kit.css';
import './index.css';

type Busy = 'approve' | 'return' | 'document';

/** The union office's verbs: its work is done at the editor. */
const OFFICE_VERBS = ['save', 'submit', 'issue'];

export default function MinutesPage() {
  const { meetingId, record } = useMinutesRecord();
  const { state } = record;
  const { busy, act, error, clearError } = useAction<Busy>(record.reload);
  const [open, setOpen] = useState<null | 'return'>(null);
  usePrimeConsent(state.kind === 'ready' && state.value.allowedActions.some((a) => a === 'approve' || a === 'return'));

  /** The answer is the minutes as they are now; a dialog closes on success or when they moved on. */
  const shown = { apply: (m: MinutesView) => (record.set(m), setOpen(null)), onError: (e: ApiError) => void (movedOn(e.code) && setOpen(null)) };

  if (state.kind !== 'ready') return <PageShell className='mminutes' state={state} skeleton={[[90, 60, 70], [40, 100, 100, 100, 80], [50, 90, 80]]} onRetry={() => void record.reload()} />;

  const v = state.value;
  const canApprove = v.allowedActions.includes('approve');
  const canReturn = v.allowedActions.includes('return');
  const reviewing = canApprove || canReturn;
  const office = OFFICE_VERBS.some((a) => v.allowedActions.includes(a));
  const issued = v.status === 'issued';

  // Art. 9: the union side approves first, then the government side; the confirmation says what follows.
  const approve = () => {
    if (busy) return;
    // issue #10: the next minutes waiting for this reviewer, asked in the tap before the confirmation
    void askConsent('reviewMinutes');
    const next = v.status === 'union_review' ? '审核通过后，纪要将报政府方审核。' : '审核通过后，由总工会办公室以联席会议纪要形式印发。';
    const confirm = { title: '审核通过', content: `确认第${v.current?.n ?? ''}稿审核通过？${next}`, confirmText: '审核通过' };
    void act('approve', (w) => w('minutes.approve', { meetingId }), { ...shown, confirm, done: '已审核通过' });
  };

  const download = () =>
    act('document', async () => openDocx(await call('minutes.document', { meetingId })), {
      refresh: false,
      done: process.env.TARO_ENV === 'h5' ? '会议纪要已下载' : undefined,
    });

  return (
    <PageShell className='mminutes'>
      <View className={reviewing ? 'page-container page--with-bar' : 'page-container'}>
        <View className='card'>
          <View className='mmin-head__tags'>
            <Text className={minutesTagClass(v.status)}>{v.statusLabel}</Text>
            {v.current && !issued ? <Text className='tag tag--plain'>第{v.current.n}稿</Text> : null}
          </View>
          <View className='mmin-head__title' role='heading' aria-level={2}>
            {v.meetingTitle}
          </View>
          <Text className='mmin-hint'>会议纪要{v.heldAt ? ` · ${formatDateCN(v.heldAt)}召开` : ''}</Text>
          {issued && v.docNumber ? (
            <View className='mmin-docnumber'>
              <Text className='mmin-docnumber__label'>文号</Text>
              <Text className='mmin-docnumber__value' userSelect>
                {v.docNumber}
              </Text>
            </View>
          ) : null}
          {issued && v.issuedAt ? (
            <View className='mmin-docnumber'>
              <Text className='mmin-docnumber__label'>印发日期</Text>
              <Text className='mmin-docnumber__value'>{formatDateCN(v.issuedAt)}</Text>
            </View>
          ) : null}
          {v.nextStep && !issued ? <Text className='mmin-next'>{v.nextStep}</Text> : null}
          {issued && v.allowedActions.includes('document') ? (
            <View className='mmin-buttons'>
              <Btn kind='primary' block busy={busy === 'document'} busyText='正在下载…' disabled={busy !== null} onClick={() => void download()}>
                下载纪要
              </Btn>
            </View>
          ) : null}
          {office ? (
            <View className='mmin-links'>
              <Tap role='link' className='mmin-link' hoverClass='mmin-link--hover' onTap={() => openPage(ROUTES.minutesEditor, { meetingId })}>
                <Text>{v.exists ? '打开纪要起草页 ›' : '起草会议纪要 ›'}</Text>
              </Tap>
            </View>
          ) : null}
        </View>

        {!v.exists || !v.current ? (
          <StateView kind='empty' title='纪要尚未起草' message='会议召开后由总工会办公室起草会议纪要，起草后报工会方、政府方审核。' />
        ) : (
          <>
            {v.approveBlocked ? (
              <View className='notice notice--warn'>
                <Text className='notice__text'>{v.approveBlocked}</Text>
              </View>
            ) : null}
            {reviewing ? (
              <View className='notice notice--info'>
                <Text className='notice__title'>请您审核第{v.current.n}稿</Text>
                <Text className='notice__text'>阅读下方纪要正文和议定事项后，在页面底部办理：审核通过，或写明理由退回修改。</Text>
              </View>
            ) : null}

            <View className='card'>
              <View className='card__head'>
                <Text className='card__title'>{issued ? '纪要正文' : `纪要正文（第${v.current.n}稿）`}</Text>
              </View>
              <Text className='mmin-hint'>
                {v.current.savedByName} 保存于 {formatDateTimeShortCN(v.current.savedAt)}
              </Text>
              <MinutesBody text={v.current.text} decisions={issued && v.decisions.length ? v.decisions : v.current.decisions} />
            </View>

            <View className='card'>
              <View className='card__head'>
                <Text className='card__title'>审核进度</Text>
              </View>
              <ReviewProgress v={v} />
              <ChaseButton subject='minutes' id={meetingId} allowed={v.allowedActions} small text='催办审核' label='催办本阶段审核人' hint='提醒本阶段审核人尽快审核（每天一次）' onMovedOn={() => void record.reload(true)} />
            </View>

            <AttendanceCard v={v} />
            <ProceedingsCard v={v} />

            <View className='card'>
              <View className='card__head'>
                <Text className='card__title'>历次版本</Text>
                <Text className='card__more'>共 {v.versions.length} 稿</Text>
              </View>
              <Text className='mmin-hint'>每次保存都留存一稿；退回意见和审核记录列在所针对的版本下。点按版本查看全文。</Text>
              <VersionList v={v} />
            </View>
          </>
        )}
      </View>

      {reviewing ? (
        <View className='action-bar'>
          <View className='action-bar__inner'>
            <ApprovalBar
              canReturn={canReturn}
              canApprove={canApprove}
              busy={busy}
              onReturn={() => {
                void askConsent('reviewMinutes');
                clearError();
                setOpen('return');
              }}
              onApprove={() => void approve()}
            />
          </View>
        </View>
      ) : null}

      {open === 'return' ? (
        <TextDialog
          limit={MINUTES_LIMITS.reason}
          title='退回修改'
          subtitle={`退回第${v.current?.n ?? ''}稿，总工会办公室将按您的意见修改后重新提交，双方重新审核。`}
          placeholder='请写明需要修改的内容（必填）'
          confirmText='确认退回'
          busy={busy === 'return'}
          error={error?.message ?? null}
          onCancel={() => !busy && setOpen(null)}
          onSubmit={(reason) => void act('return', (w) => w('minutes.return', { meetingId, reason }), { ...shown, done: '已退回修改' })}
        />
      ) : null}
    </PageShell>
  );
}
