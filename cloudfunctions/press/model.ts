// The record the press actions name (Art. 10): the meeting and its release, if drafted yet.
import { AppError, meetingWorkflow, type OrgFacts } from '../../domain';
import type { MeetingDoc, PressDoc } from '../../server/docs';
import { defineRecordKind } from '../../server/registry';

export interface PressRecord {
  meeting: MeetingDoc;
  press: PressDoc | null;
}

export const pressFacts = (r: PressRecord): OrgFacts => ({ kind: 'org', orgId: r.meeting.orgId });

export const pressKind = defineRecordKind<{ meetingId: string }, PressRecord>({
  readAs: 'press.get',
  load: async ({ meetingId }, store) => {
    const [meeting, press] = await Promise.all([store.get<MeetingDoc>('meetings', meetingId), store.get<PressDoc>('press', meetingId)]);
    if (!meeting) return null;
    const record = { meeting, press };
    return { record, facts: pressFacts(record) };
  },
});

/** Art. 10: the meeting is publicised once it has been held. */
const PUBLICISED = new Set(['held', 'minutes_issued', 'closed']);

export function requireHeld(r: PressRecord): void {
  if (!PUBLICISED.has(r.meeting.status)) {
    throw new AppError('invalid_transition', `会议「${meetingWorkflow.states[r.meeting.status].label}」，召开后才能起草宣传稿件`);
  }
}
