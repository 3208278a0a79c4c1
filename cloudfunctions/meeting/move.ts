// The shape the meeting's state-changing actions share: a guard for the workflow edge, one edge
// through the record kit's `move`, committed with the action's messages.
import { meetingWorkflow, type Actor, type MeetingEvent } from '../../domain';
import type { MeetingDoc } from '../../server/store/docs';
import type { NotificationDraft } from '../../server/notify/notify';
import { edgeGuard, move } from '../../server/kit/records';
import type { ActionContext } from '../../server/kit/registry';
import type { Patch, TxStore } from '../../server/store/port';
import type { MeetingRecord } from '../../server/areas/meeting';

export function meetingEdge(event: MeetingEvent): (r: MeetingRecord, actor: Actor) => void {
  return edgeGuard(meetingWorkflow, (r: MeetingRecord) => r.meeting.status, event);
}

export function moveMeeting(
  ctx: ActionContext<MeetingRecord>,
  event: MeetingEvent,
  patch: Patch<MeetingDoc> = {},
  messages?: (m: MeetingDoc) => readonly NotificationDraft[],
  /** more writes in the same transaction (reminders to schedule) */
  also?: (tx: TxStore, m: MeetingDoc) => Promise<void>,
): Promise<MeetingDoc> {
  return ctx.write(async (tx) => {
    const saved = await move(tx, 'meetings', meetingWorkflow, ctx.record.meeting, event, ctx.actor.roles, patch);
    if (also) await also(tx, saved);
    return saved;
  }, messages);
}

/** The record after a write, for the answer's view. */
export const after = (r: MeetingRecord, meeting: MeetingDoc): MeetingRecord => ({ ...r, meeting });
