// A meeting as an invitee sees it (issue #8, Art. 5, 7, 8), from one call (meeting.get): time,
// place, who presides, the notice's 文号, the four-section agenda; my reply in one tap (参加 / 请假
// with a reason / 委托代会 with name and post), changeable until the meeting starts; 添加到手机日历;
// on the meeting's day the way to check in; once the minutes are issued, 查看会议纪要 (Art. 9).
// Buttons come from the server's allowedActions.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MEETING_LIMITS } from '../../../../domain/limits';
import type { MeetingView, ReplyAnswer } from '../../../../domain/schemas/meeting';
import Btn from '../../../components/Btn';
import MeetingFacts, { MeetingEndNotices } from '../../../components/MeetingFacts';
import MaterialsCard from '../../../components/MaterialsCard';
import PageShell from '../../../kit/PageShell';
// after Skeleton and StateView, as the other pages load them (one CSS order in WeChat's common.wxss)
import { TextDialog } from '../../../components/Dialog';
import SubstituteDialog from './SubstituteDialog';
import { movedOn, useAction } from '../../../kit/useAction';
import { ApiError, toApiError } from '../../../services/api';
import { askConsent, usePrimeConsent } from '../../../services/subscribe';
import { toast } from '../../../utils/feedback';
import { ROUTES, openPage } from '../../../utils/nav';
import { pendingFor } from '../checkin/pending';
import { MEETING_PAGES, SECTION_NUMBERS, addToCalendar, answerClass, isMeetingDayCN, meetingIs, openOrBack, stateClass, useMeetingRecord } from './kit';
import './kit.css';
import './index.css';

type Busy = ReplyAnswer | 'calendar';
type Open = null | 'decline' | 'substitute';

const ANSWER_BUTTON: Record<ReplyAnswer, string> = { attend: '参加', decline: '请假', substitute: '委托代会' };
const CHANGE_BUTTON: Record<ReplyAnswer, string> = { attend: '改为参加', decline: '改为请假', substitute: '改为委托代会' };
const DONE_TOAST: Record<ReplyAnswer, string> = { attend: '已确认参加', decline: '已提交请假', substitute: '已委托代会' };
const ANSWERS: ReplyAnswer[] = ['attend', 'decline', 'substitute'];

export default function MeetingDetail() {
  const { id, record } = useMeetingRecord(missingId);
  const { state } = record;
  const { busy, run, act, error, clearError } = useAction<Busy>(record.reload);
  const dialogError = error?.message ?? null;
  const [open, setOpen] = useState<Open>(null);
  usePrimeConsent(state.kind === 'ready' && state.value.allowedActions.includes('reply'));

  const reply = (answer: ReplyAnswer, extra: { reason?: string; substitute?: { name: string; post: string } } = {}) => {
    // issue #10: the eve reminder and changes of time or place, asked inside the reply tap; the reply goes on whatever the answer
    void askConsent('reply');
    // A retry of the same reply after a lost answer goes under the same key; the meeting as it is now is shown.
    return act(answer, (w) => w('meeting.reply', { meetingId: id, answer, ...extra }), {
      apply: (m) => (record.set(m), setOpen(null)),
      done: DONE_TOAST[answer],
      onError: (e) => void (movedOn(e.code) && setOpen(null)),
    });
  };

  const calendar = (m: MeetingView) =>
    run('calendar', async () => {
      if (await addToCalendar(m).catch((e: unknown) => void toast(toApiError(e).message))) toast(process.env.TARO_ENV === 'h5' ? '已下载日历文件，打开即可添加' : '已添加到手机日历', 'success');
    });

  const choose = (answer: ReplyAnswer) => {
    if (busy) return;
    if (answer === 'attend') {
      void reply('attend');
      return;
    }
    clearError();
    setOpen(answer);
  };

  if (state.kind !== 'ready') return <PageShell className='mdetail' state={state} skeleton={[[90, 60, 70], [40, 100, 100], [50, 90, 80, 90]]} onRetry={() => void record.reload()} />;

  const m = state.value;
  const inv = m.invitation;
  const canReply = m.allowedActions.includes('reply');
  const upcoming = meetingIs(m.state, 'upcoming');
  const doorOpen =
    !!inv && m.allowedActions.includes('checkIn') && meetingIs(m.state, 'door_open') && isMeetingDayCN(m.plannedAt);
  const pending = inv && !inv.present ? pendingFor(m.id) : null;
  const office = m.replies !== null;

  return (
    <PageShell className='mdetail'>
      <View className='page-container'>
        <MeetingEndNotices m={m} />
        {m.scheduleVersion > 1 && upcoming ? (
          <View className='notice notice--warn'>
            <Text className='notice__text'>会议时间或地点已调整，请以本页为准</Text>
          </View>
        ) : null}

        <View className='card mdetail-head'>
          <View className='mdetail-head__tags'>
            <Text className={stateClass(m.state)}>{m.stateLabel}</Text>
            <Text className='tag tag--plain'>{m.kindLabel}</Text>
          </View>
          <View className='mdetail-head__title' role='heading' aria-level={2}>
            {m.title}
          </View>
          <MeetingFacts m={m} noDocNumber='会议通知尚未印发' selectable />
          {upcoming ? (
            <View className='mdetail-head__actions'>
              <Btn kind='outline' block busy={busy === 'calendar'} busyText='正在添加…' disabled={busy !== null} onClick={() => void calendar(m)}>
                添加到手机日历
              </Btn>
            </View>
          ) : null}
        </View>

        {/* issue #22: the agenda's materials, from the notice on (会内 ones in the watermarked viewer) */}
        <MaterialsCard m={m} />

        {/* Art. 9: the issued minutes are read by everyone who attended */}
        {meetingIs(m.state, 'minutes_out') ? (
          <View className='card mdetail-minutes'>
            <View className='card__head'>
              <Text className='card__title'>会议纪要</Text>
            </View>
            <Text className='mreply__hint'>会议纪要已印发，可查看纪要正文和议定事项。</Text>
            <View className='mreply__buttons'>
              <Btn kind='primary' block onClick={() => openPage(ROUTES.minutes, { meetingId: m.id })}>
                查看会议纪要
              </Btn>
            </View>
          </View>
        ) : null}

        {inv ? (
          <View className='card mreply' id='my-reply'>
            <View className='card__head'>
              <Text className='card__title'>我的回复</Text>
              <Text className={answerClass(inv.answer)}>{inv.answerLabel}</Text>
            </View>
            <Text className='mreply__who'>参会身份：{inv.categoryLabel}</Text>
            {inv.answer === 'decline' && inv.reason ? <Text className='mreply__detail'>请假理由：{inv.reason}</Text> : null}
            {inv.answer === 'substitute' && inv.substitute ? (
              <Text className='mreply__detail'>
                代会人员：{inv.substitute.name}（{inv.substitute.post}）
              </Text>
            ) : null}
            {inv.present ? <Text className='mreply__present'>✓ 已签到</Text> : null}
            {canReply ? (
              <View>
                <Text className='mreply__hint'>{inv.answer ? '会议开始前可以修改回复' : '请回复是否参加，会议开始前可以修改'}</Text>
                <View className='mreply__buttons'>
                  {ANSWERS.filter((a) => a !== inv.answer).map((a) => (
                    <Btn
                      key={a}
                      kind={a === 'attend' ? 'primary' : 'outline'}
                      busy={busy === a}
                      busyText='提交中…'
                      disabled={busy !== null}
                      onClick={() => choose(a)}
                    >
                      {inv.answer ? CHANGE_BUTTON[a] : ANSWER_BUTTON[a]}
                    </Btn>
                  ))}
                  {inv.answer === 'decline' || inv.answer === 'substitute' ? (
                    <Btn kind='default' disabled={busy !== null} onClick={() => choose(inv.answer as ReplyAnswer)}>
                      {inv.answer === 'decline' ? '修改请假理由' : '修改代会人员'}
                    </Btn>
                  ) : null}
                </View>
              </View>
            ) : (
              <Text className='mreply__hint'>{replyClosedText(m)}</Text>
            )}
          </View>
        ) : (
          <View className='card'>
            <Text className='mreply__hint'>您不在本次会议的参会名单中</Text>
          </View>
        )}

        {doorOpen && inv ? (
          <View className='card mdetail-checkin'>
            <View className='card__head'>
              <Text className='card__title'>会议签到</Text>
              {inv.present ? <Text className='mreply-tag mreply-tag--attend'>已签到</Text> : null}
            </View>
            {inv.present ? (
              <Text className='mreply__hint'>您已签到，祝会议顺利</Text>
            ) : (
              <View>
                <Text className='mreply__hint'>
                  {pending ? '签到已离线保存，联网后自动签到' : '今天是会议当天。请扫描会场的签到二维码，或输入会务人员告知的 6 位签到码'}
                </Text>
                <View className='mreply__buttons'>
                  <Btn kind='primary' block onClick={() => openPage(MEETING_PAGES.checkin, { meetingId: m.id })}>
                    {pending ? '查看签到状态' : '输入签到码签到'}
                  </Btn>
                </View>
              </View>
            )}
          </View>
        ) : null}

        <View className='card magenda'>
          <View className='card__head'>
            <Text className='card__title'>会议议程</Text>
          </View>
          {m.agenda.sections.map((s, i) => (
            <View key={s.key} className='magenda__section'>
              <Text className='magenda__title'>
                {SECTION_NUMBERS[i] ?? i + 1}、{s.title}
              </Text>
              {s.items.length === 0 ? (
                <Text className='magenda__empty'>暂无内容</Text>
              ) : (
                s.items.map((item) => (
                  <View key={item.id} className='magenda__item'>
                    <View className='magenda__dot' aria-hidden='true' />
                    <View className='magenda__body'>
                      <Text className='magenda__text'>{item.title}</Text>
                      {item.note || item.minutes > 0 ? (
                        <Text className='magenda__meta'>{[item.note, item.minutes > 0 ? `约 ${item.minutes} 分钟` : ''].filter(Boolean).join(' · ')}</Text>
                      ) : null}
                    </View>
                  </View>
                ))
              )}
            </View>
          ))}
        </View>

        {office ? (
          <View className='mdetail__office'>
            <Btn kind='default' block onClick={() => openOrBack(MEETING_PAGES.console, { id: m.id })}>
              打开会议工作台
            </Btn>
          </View>
        ) : null}
      </View>

      {open === 'decline' ? (
        <TextDialog
          limit={MEETING_LIMITS.replyReason}
          title='请假'
          subtitle={`向办公室说明不能参加「${m.title}」的理由。`}
          placeholder='请写明请假理由（必填）'
          confirmText='提交请假'
          busy={busy === 'decline'}
          error={dialogError}
          onCancel={() => !busy && setOpen(null)}
          onSubmit={(reason) => void reply('decline', { reason })}
        />
      ) : null}
      {open === 'substitute' ? (
        <SubstituteDialog
          initial={inv?.substitute}
          busy={busy === 'substitute'}
          error={dialogError}
          onCancel={() => !busy && setOpen(null)}
          onSubmit={(substitute) => void reply('substitute', { substitute })}
        />
      ) : null}
    </PageShell>
  );
}

function replyClosedText(m: MeetingView): string {
  // phases before the notice: replies open with it
  if (meetingIs(m.state, 'upcoming') && !meetingIs(m.state, 'notice_out')) return '会议通知印发后可以回复';
  if (meetingIs(m.state, 'called_off')) return '会议不再召开，无需回复';
  return '会议已开始，回复不能再修改';
}

function missingId(): ApiError {
  return new ApiError('not_found', '缺少会议编号，请从会议邀请或消息中进入');
}
