// meeting.checkInCode / meeting.doorToken — Art. 5: the offices show the door's code as a QR (a
// mini-program code in WeChat) on the meeting's day; issue #22: it changes every 30 seconds.
// meeting.checkIn — Art. 5: on the meeting's day (Asia/Shanghai) an invitee checks in with the
// code, or an office marks a person present.
// meeting.undoCheckIn — issue #16: an office undoes a mistaken check-in before the meeting is
// adjourned, with a reason kept beside the invitation (and the audit row). A repeated check-in answers 已签到 and records one
// presence; wrong codes are limited per person per meeting, so a code cannot be guessed.
import {
  addDaysCN,
  AppError,
  CHECK_IN_ATTEMPTS,
  checkInScene,
  ROW_RULES,
  startOfDayCN,
  CheckInInput,
  formatDateCN,
  isMeetingDay,
  MeetingIdOnly,
  OFFLINE_SCAN_MS,
  parseCheckInScene,
  UndoCheckInInput,
  type Actor,
  type CheckInView,
  type DoorTokenView,
} from '../../../domain';
import { doorCodeAt, judgeDoorCode, newDoorSecret } from '../door';
import type { InvitationDoc, MeetingDoc } from '../../../server/store/docs';
import { takeQuota, type CounterDoc } from '../../../server/security/quota';
import { defineAction, type ActionContext } from '../../../server/kit/registry';
import { invitationId, meetingFacts, meetingKind, requireFlag, type MeetingRecord } from '../../../server/areas/meeting';
import { attendanceView } from './attendance';

const CHECK_IN_PAGE = 'pages/meeting/checkin/index';

function onTheDay({ meeting }: MeetingRecord, now: Date): void {
  requireFlag(meeting, 'door_open', '不能签到（会议通知印发后、散会前开放）');
  if (!isMeetingDay(meeting.plannedAt, now)) throw new AppError('invalid_transition', `签到仅在会议当天（${formatDateCN(meeting.plannedAt)}）开放`);
}

/** The meeting with its door secret, made on the first request (issue #22). */
async function withSecret(ctx: ActionContext<MeetingRecord>): Promise<MeetingDoc & { doorSecret: string }> {
  const { meeting } = ctx.record;
  if (meeting.doorSecret) return meeting as MeetingDoc & { doorSecret: string };
  const saved = await ctx.write((tx) => tx.update<MeetingDoc>('meetings', meeting._id, meeting.version, { doorSecret: newDoorSecret() }));
  return saved as MeetingDoc & { doorSecret: string };
}

/** Issue #22: the door screen's QR and the 6 digits under it, for the window of now (the actions' guard opened the door). */
async function doorToken(ctx: ActionContext<MeetingRecord>): Promise<DoorTokenView> {
  const meeting = await withSecret(ctx);
  const { code, validUntil, rotatesAt } = doorCodeAt(meeting, ctx.now);
  const token = checkInScene(meeting._id, code);
  return { token, qr: await ctx.codes.qr(CHECK_IN_PAGE, token), code, validUntil, rotatesAt };
}

export const doorTokenAction = defineAction({
  name: 'meeting.doorToken',
  input: MeetingIdOnly,
  record: meetingKind,
  guard: ({ meeting }) => requireFlag(meeting, 'door_open', '不能生成签到码（会议通知印发后、散会前开放）'),
  target: (i) => i.meetingId,
  handler: async (_input, ctx) => doorToken(ctx),
});

/** The console's 显示签到二维码: the same rotating code, with the link the QR opens. */
export const checkInCode = defineAction({
  name: 'meeting.checkInCode',
  input: MeetingIdOnly,
  record: meetingKind,
  guard: ({ meeting }) => requireFlag(meeting, 'door_open', '不能生成签到码（会议通知印发后、散会前开放）'),
  target: (i) => i.meetingId,
  handler: async (_input, ctx) => {
    const door = await doorToken(ctx);
    return { ...door, link: `${CHECK_IN_PAGE}?scene=${encodeURIComponent(door.token)}`, validOn: formatDateCN(ctx.record.meeting.plannedAt) };
  },
});

async function present(ctx: ActionContext<MeetingRecord>, inv: InvitationDoc, by: Actor, at: Date = ctx.now): Promise<CheckInView> {
  const base = { meetingId: inv.meetingId, personId: inv.personId, present: true as const };
  if (inv.presentAt) return { ...base, presentAt: inv.presentAt, already: true, message: `${inv.name} 已签到` };
  const saved = await ctx.write((tx) => tx.update<InvitationDoc>('invitations', inv._id, inv.version, { presentAt: at.toISOString(), markedBy: by.id }));
  return { ...base, presentAt: saved.presentAt as string, already: false, message: `${inv.name} 签到成功` };
}

const wrong = (message: string) => new AppError('validation_error', message, [{ path: 'code', message }]);

/**
 * When the scan happened (issue #22): the time a phone kept it offline, when that is plausible — not
 * in the future, at most 12 hours ago, on the meeting's day — else null (a phone's clock may be off:
 * the scan is then judged at its arrival).
 */
function scanTime(scannedAt: string | undefined, m: MeetingDoc, now: Date): Date | null {
  if (!scannedAt) return null;
  const at = new Date(Math.min(new Date(scannedAt).getTime(), now.getTime()));
  return now.getTime() - at.getTime() > OFFLINE_SCAN_MS || !isMeetingDay(m.plannedAt, at) ? null : at;
}

export const checkIn = defineAction({
  name: 'meeting.checkIn',
  input: CheckInInput,
  record: meetingKind,
  target: (i) => i.meetingId,
  handler: async (input, ctx) => {
    const { meeting, mine } = ctx.record;
    onTheDay(ctx.record, ctx.now);
    if ('personId' in input) {
      // marking someone else present is the org's offices' (the invitedMe rule admits invitees only
      // for their own check-in with the code)
      if (!ROW_RULES.orgOffice(ctx.actor, meetingFacts(meeting, mine))) throw new AppError('forbidden', '由本级办公室登记他人签到');
      const inv = await ctx.store.get<InvitationDoc>('invitations', invitationId(meeting._id, input.personId));
      if (!inv) throw new AppError('not_found', '这位人员不在本次会议的参会名单中');
      return present(ctx, inv, ctx.actor);
    }
    if (!mine) throw new AppError('forbidden', '您不在本次会议的参会名单中');
    if (mine.presentAt) return present(ctx, mine, ctx.actor);
    // the QR's token names its meeting: a token of another meeting is refused, never counted
    let code: string;
    if ('token' in input) {
      const target = parseCheckInScene(input.token);
      if (!target || target.meetingId !== meeting._id) throw wrong('这不是本次会议的签到二维码');
      code = target.code;
    } else code = input.code;
    const scanned = scanTime(input.scannedAt, meeting, ctx.now);
    // wrong codes are limited per person per meeting: once used up, even the right code waits for
    // the office, so a code cannot be found by trying (the limit holds under concurrent guesses)
    const attempts = `checkin:${meeting._id}:${ctx.actor.id}`;
    const tried = await ctx.store.get<CounterDoc>('counters', attempts);
    if (tried && tried.n >= CHECK_IN_ATTEMPTS) throw new AppError('rate_limited', '签到码错误次数过多，请联系会务人员登记签到');
    // judged at the scan time a phone kept, or at arrival (a code may still be fresh either way)
    const atScan = scanned ? judgeDoorCode(meeting, code, scanned) : 'wrong';
    const at = atScan === 'ok' ? scanned! : ctx.now;
    const verdict = atScan === 'ok' ? 'ok' : judgeDoorCode(meeting, code, ctx.now);
    if (verdict === 'expired') throw wrong('二维码已过期，请重新扫码');
    if (verdict === 'wrong') {
      const until = addDaysCN(startOfDayCN(meeting.plannedAt), 2);
      await ctx.write((tx) => takeQuota(tx, attempts, CHECK_IN_ATTEMPTS, '签到码错误次数过多，请联系会务人员登记签到', until));
      throw wrong('签到码不正确');
    }
    return present(ctx, mine, ctx.actor, at);
  },
});

export const undoCheckIn = defineAction({
  name: 'meeting.undoCheckIn',
  input: UndoCheckInInput,
  record: meetingKind,
  guard: ({ meeting }) => requireFlag(meeting, 'door_open', '不能再撤销签到（散会后出席情况在纪要中确认）'),
  target: (i) => i.meetingId,
  handler: async ({ personId, reason }, ctx) => {
    const { meeting } = ctx.record;
    const inv = await ctx.store.get<InvitationDoc>('invitations', invitationId(meeting._id, personId));
    if (!inv) throw new AppError('not_found', '这位人员不在本次会议的参会名单中');
    if (!inv.presentAt) throw new AppError('invalid_transition', `${inv.name} 尚未签到，无需撤销`);
    const undone = { presentAt: inv.presentAt, by: ctx.actor.id, byName: ctx.actor.name, at: ctx.now.toISOString(), reason };
    await ctx.write((tx) =>
      tx.update<InvitationDoc>('invitations', inv._id, inv.version, { presentAt: undefined, markedBy: undefined, undoneCheckIns: [...(inv.undoneCheckIns ?? []), undone] }),
    );
    return attendanceView(ctx.store, meeting, ctx.actor, undefined, ctx.now);
  },
});
