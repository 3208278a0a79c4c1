// 催办 (issue #20): one tap by the office — a task's responsible person, an invitee who has not
// replied, the approvers the minutes wait for. Shown only where the server offers 'notify.chase' in
// the record's (or the row's) allowedActions: the server judges who may chase what and whether the
// subject still needs it; the page never does. Success says who was chased (已催办周文博); a refusal
// says the server's words (今天已催办过（陈晓丽 10:00），每天最多催办一次，请明天再试). A refusal
// that means the subject moved on (the invitee replied meanwhile, the task was completed) asks the
// page to re-read, so the button goes.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ChaseInput } from '../../domain/schemas/notify';
import { useAction } from '../kit/useAction';
import { toast } from '../utils/feedback';
import Btn from './Btn';
import './ChaseButton.css';

/** The offer's name in allowedActions: the notify area's action, offered by the task, meeting and minutes views. */
export const CHASE = 'notify.chase';

/**
 * The server's refusal in full. A mini-program toast shows at most two lines, so a longer message
 * (今天已催办过（陈晓丽 10:00），每天最多催办一次，请明天再试) is a dialog there; the H5 toast wraps it.
 */
function sayRefusal(message: string): void {
  if (process.env.TARO_ENV !== 'h5' && [...message].length > 24) {
    void Taro.showModal({ title: '未能催办', content: message, showCancel: false, confirmText: '知道了', confirmColor: '#b71c1c' }).catch(() => undefined);
    return;
  }
  toast(message);
}

export interface ChaseButtonProps {
  subject: ChaseInput['subject'];
  /** the task's id, or the meeting's (a reply, the minutes) */
  id: string;
  /** the invitee, for a reply */
  personId?: string;
  /** the record's or the row's allowedActions: nothing is shown unless it has 'notify.chase' */
  allowed: readonly string[] | undefined;
  /** the accessible name, e.g. 催办周文博 (the visible text is 催办) */
  label?: string;
  text?: string;
  small?: boolean;
  block?: boolean;
  kind?: 'primary' | 'outline' | 'default';
  /** a line beside the button (a row of its own, e.g. in a record's head card) */
  hint?: string;
  /** the page re-reads when the refusal says the subject moved on */
  onMovedOn?: () => void;
}

export default function ChaseButton({ subject, id, personId, allowed, label, text = '催办', small, block, kind = 'outline', hint, onMovedOn }: ChaseButtonProps) {
  // the page kit: one chase at a time under its idempotency key; a refusal that says the subject
  // moved on (kit/rules.ts) asks the page to re-read; nothing else is re-read
  const { busy, act } = useAction<'chase'>(onMovedOn && (() => onMovedOn()));
  if (!allowed?.includes(CHASE)) return null;

  const chase = async () => {
    const answer = await act('chase', (w) => w(CHASE, { subject, id, ...(personId ? { personId } : {}) }), {
      refresh: false,
      onError: (error) => {
        sayRefusal(error.message);
        return true;
      },
    });
    if (!answer) return;
    const said = `已催办${answer.chased.join('、')}`;
    // WeChat shows at most 7 characters beside an icon; a longer message goes without one
    toast(said, [...said].length <= 7 ? 'success' : 'none');
  };

  const button = (
    <Btn kind={kind} small={small} block={block} className='chase-btn' label={label} busy={busy === 'chase'} busyText='催办中…' onClick={() => void chase()}>
      {text}
    </Btn>
  );
  if (!hint) return button;
  return (
    <View className='chase-row'>
      <Text className='chase-row__hint'>{hint}</Text>
      {button}
    </View>
  );
}
