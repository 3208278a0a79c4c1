// The record the press actions name (Art. 10): the meeting and its release, if drafted yet.
import type { OrgFacts } from '../../domain';
import type { MeetingDoc, PressDoc } from '../../server/store/docs';
import { defineRecordKind } from '../../server/kit/registry';
import { requireFlag } from '../../server/areas/meeting';

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
export function requireHeld(r: PressRecord): void {
  requireFlag(r.meeting, 'was_held', '召开后才能起草宣传稿件');
}
