// The console's dialogs, one at a time: 不同意召开 and 取消会议 (a reason), 调整时间地点, 撤销签到 (a
// reason, issue #16), 邀请参会人员 and 设定主持人. Each shows the last refusal of its write and closes
// only while nothing is being sent; the writes are the console's (useConsole.ts).
import { MEETING_LIMITS } from '../../../../../domain/limits';
import type { MeetingView } from '../../../../../domain/schemas/meeting';
import { TextDialog } from '../../../../components/Dialog';
import RescheduleDialog from './RescheduleDialog';
import InviteDialog from './InviteDialog';
import PresidingDialog from './PresidingDialog';
import { type Console, type ConsoleModel, personLabel } from './useConsole';

export default function ConsoleDialogs({ loaded, c }: { loaded: Console; c: ConsoleModel }) {
  const m: MeetingView = loaded.meeting;
  const { open, busy, dialogError: error, undoing } = c;
  if (undoing) {
    return (
      <TextDialog
        limit={MEETING_LIMITS.undoReason}
        title='撤销签到'
        subtitle={`撤销${personLabel(undoing)}的签到。撤销记录连同理由留存备查。`}
        placeholder='请写明撤销理由（必填），如：误点了他人签到'
        confirmText='撤销签到'
        busy={busy === 'undoCheckIn'}
        error={error}
        onCancel={c.closeUndo}
        onSubmit={(reason) => c.undoCheckIn(undoing, reason)}
      />
    );
  }
  switch (open) {
    case 'decline':
      return (
        <TextDialog
          limit={MEETING_LIMITS.reason}
          title='不同意召开'
          subtitle={`说明不同意召开「${m.title}」的理由，总工会办公室将收到通知。`}
          placeholder='请写明理由（必填）'
          confirmText='确认'
          busy={busy === 'decline'}
          error={error}
          onCancel={c.close}
          onSubmit={c.decline}
        />
      );
    case 'cancel':
      return (
        <TextDialog
          limit={MEETING_LIMITS.reason}
          title='取消会议'
          subtitle='取消后不能恢复，参会人员将看到取消原因。'
          placeholder='请写明取消原因（必填）'
          confirmText='确认取消会议'
          busy={busy === 'cancel'}
          error={error}
          onCancel={c.close}
          onSubmit={c.cancel}
        />
      );
    case 'reschedule':
      return <RescheduleDialog meeting={m} busy={busy === 'reschedule'} error={error} onCancel={c.close} onSubmit={c.reschedule} />;
    case 'invite':
      return (
        <InviteDialog
          meeting={{ id: m.id, plannedAt: m.plannedAt }}
          invited={new Set((loaded.attendance?.rows ?? []).map((r) => r.personId))}
          busy={busy === 'invite'}
          error={error}
          onCancel={c.close}
          onSubmit={c.invite}
        />
      );
    case 'setPresiding':
      return (
        <PresidingDialog
          current={m.presiding ? { id: m.presiding.id, name: m.presiding.name } : null}
          busy={busy === 'setPresiding'}
          error={error}
          onCancel={c.close}
          onSubmit={c.setPresiding}
        />
      );
    default:
      return null;
  }
}
