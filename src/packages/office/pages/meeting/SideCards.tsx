// Two cards of the console's narrow column: 会后工作 (Art. 9, 10, 11: the minutes — the union
// office's editor, everyone else's reading page —, the checklist and the press release, once the
// meeting is held) and 会场签到 (issue #22: the door's code, shown on the meeting day, changing every
// 30 seconds, and the door's big screen).
import { Image, Text, View } from '@tarojs/components';
import type { CheckInCodeView, MeetingView } from '../../../../../domain/schemas/meeting';
import { hasFlag } from '../../../../../domain/workflow';
import { MEETING_STATES, meetingWorkflow } from '../../../../../domain/workflows/meeting';
import Btn from '../../../../components/Btn';
import Tap from '../../../../components/Tap';
import { formatDateCN } from '../../../../utils/date';
import { ROUTES, openPage } from '../../../../utils/nav';
import { MEETING_PAGES, openOrBack } from '../../../../pages/meeting/detail/kit';
import type { Act } from './AttendanceList';

/** Art. 9, 10, 11: states after the meeting was held, when its minutes, checklist and press release are worked on. */
export const AFTER_MEETING: readonly string[] = MEETING_STATES.filter((s) => hasFlag(meetingWorkflow, s, 'was_held'));

/** One of the after-meeting pages: a link row with what is done there. */
function AfterLink({ label, hint, onTap }: { label: string; hint: string; onTap: () => void }) {
  return (
    <Tap role='link' className='mconsole__after-link' hoverClass='mconsole__link--hover' onTap={onTap}>
      <View className='mconsole__after-main'>
        <Text className='mconsole__after-label'>{label}</Text>
        <Text className='mconsole__after-hint'>{hint}</Text>
      </View>
      <Text className='mconsole__after-arrow' aria-hidden='true'>
        ›
      </Text>
    </Tap>
  );
}

export function AfterCard({ m, draftsMinutes }: { m: MeetingView; draftsMinutes: boolean }) {
  if (!AFTER_MEETING.includes(m.state)) return null;
  return (
    <View className='card mconsole__after'>
      <View className='card__head'>
        <Text className='card__title'>会后工作</Text>
      </View>
      <AfterLink
        label='会议纪要'
        hint={draftsMinutes ? '起草、提交审核、印发（第九条）' : '审阅纪要、查看审核进度（第九条）'}
        onTap={() => openPage(draftsMinutes ? ROUTES.minutesEditor : ROUTES.minutes, { meetingId: m.id })}
      />
      <AfterLink label='落实清单' hint='议定事项的责任单位、完成时限和落实情况（第十一条）' onTap={() => openPage(ROUTES.checklist, { meetingId: m.id })} />
      <AfterLink label='宣传报道' hint='双方办公室共同起草、审核宣传稿件（第十条）' onTap={() => openPage(ROUTES.press, { meetingId: m.id })} />
    </View>
  );
}

interface CodeProps {
  m: MeetingView;
  code: CheckInCodeView | null;
  /** the meeting day, in a state whose door is open */
  doorOpen: boolean;
  busy: Act | null;
  onShow: () => void;
}

export function CheckInCodeCard({ m, code, doorOpen, busy, onShow }: CodeProps) {
  if (!m.allowedActions.includes('checkInCode')) return null;
  return (
    <View className='card mconsole__code'>
      <View className='card__head'>
        <Text className='card__title'>会场签到</Text>
      </View>
      {code ? (
        <View className='mconsole__qr'>
          <Image className='mconsole__qr-image' src={code.qr} ariaLabel='签到二维码' />
          <Text className='mconsole__qr-label'>签到码</Text>
          <Text className='mconsole__qr-code' aria-label={`签到码 ${code.code.split('').join(' ')}`}>
            {code.code}
          </Text>
          <Text className='mconsole__hint'>每 30 秒自动更换，截图转发无效；仅限 {code.validOn} 会议当天签到。参会人员用微信扫码，或在会议详情页输入签到码。</Text>
        </View>
      ) : (
        <View>
          <Text className='mconsole__hint'>
            {doorOpen ? '今天是会议当天，请在会场入口出示签到二维码（每 30 秒更换）。' : `签到仅在会议当天（${formatDateCN(m.plannedAt)}）开放；二维码每 30 秒更换，不能打印张贴，请在会场入口用手机或屏幕出示。`}
          </Text>
          <View className='mconsole__buttons'>
            <Btn kind='primary' busy={busy === 'checkInCode'} busyText='生成中…' disabled={busy !== null} onClick={onShow}>
              显示签到二维码
            </Btn>
            {m.allowedActions.includes('doorToken') ? (
              <Btn kind='default' disabled={busy !== null} onClick={() => openOrBack(MEETING_PAGES.door, { id: m.id })}>
                打开签到大屏
              </Btn>
            ) : null}
          </View>
        </View>
      )}
    </View>
  );
}
