// The record the minutes actions name: the meeting (by meetingId), its minutes if drafted yet, and
// the caller's invitation (Art. 9: attendees read the issued minutes).
import { AppError, hasFlag, minutesWorkflow, type Actor, type MinutesEvent, type MinutesFacts, type MinutesStatus } from '../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc } from '../../server/store/docs';
import { edgeGuard } from '../../server/kit/records';
import { defineRecordKind } from '../../server/kit/registry';
import { requireFlag } from '../../server/areas/meeting';

export interface MinutesRecord {
  meeting: MeetingDoc;
  minutes: MinutesDoc | null;
  mine: InvitationDoc | null;
}

export function minutesFacts(r: MinutesRecord): MinutesFacts {
  return { kind: 'minutes', orgId: r.meeting.orgId, issued: r.minutes?.status === 'issued', ...(r.mine ? { inviteeId: r.mine.personId } : {}) };
}

export const minutesKind = defineRecordKind<{ meetingId: string }, MinutesRecord>({
  readAs: 'minutes.get',
  load: async ({ meetingId }, store, actor) => {
    const [meeting, minutes, mine] = await Promise.all([
      store.get<MeetingDoc>('meetings', meetingId),
      store.get<MinutesDoc>('minutes', meetingId),
      store.get<InvitationDoc>('invitations', `${meetingId}:${actor.id}`),
    ]);
    if (!meeting) return null;
    const record = { meeting, minutes, mine };
    return { record, facts: minutesFacts(record) };
  },
});

/** The minutes' stage; not yet drafted reads as a draft. */
export const stageOf = (r: MinutesRecord): MinutesStatus => r.minutes?.status ?? 'draft';

/** Art. 9: minutes are written for a meeting that has been held. */
export function requireHeld(r: MinutesRecord): void {
  requireFlag(r.meeting, 'was_held', '召开后才能起草纪要');
}

/** The edge `event` from the current stage, on a meeting that has been held and minutes that exist. */
export function minutesEdge(event: MinutesEvent) {
  const edge = edgeGuard(minutesWorkflow, stageOf, event);
  return (r: MinutesRecord, actor: Actor): void => {
    requireHeld(r);
    if (!r.minutes) throw new AppError('invalid_transition', '纪要尚未起草');
    edge(r, actor);
  };
}

/**
 * Issue #16, separation of duties: whoever saved or submitted the current draft may not approve
 * it, whatever roles they hold (a person may be both the office and a convenor in a county).
 */
export function draftedBy(m: MinutesDoc, actor: Actor): boolean {
  const last = m.versions[m.versions.length - 1];
  return last?.savedBy === actor.id || m.submittedBy === actor.id;
}

/** The approve edge of the current stage, for someone who did not write or submit the draft. */
export function approvalGuard(r: MinutesRecord, actor: Actor): void {
  minutesEdge('approve')(r, actor);
  if (draftedBy(r.minutes!, actor)) throw new AppError('forbidden', '您起草或提交了当前稿，按审核分离的要求不能审核本稿');
}

/** Art. 9 + issue #16: the draft goes for review once the union office has confirmed who attended. */
export function submitGuard(r: MinutesRecord, actor: Actor): void {
  minutesEdge('submit')(r, actor);
  if (!r.meeting.attendanceList) throw new AppError('invalid_transition', '请先确认出席情况（出席、请假、缺席），再提交审核');
}

/** Art. 9: only a draft may be saved, and only once the meeting is held. */
export function requireEditable(r: MinutesRecord): void {
  requireHeld(r);
  if (!hasFlag(minutesWorkflow, stageOf(r), 'editable')) {
    throw new AppError('invalid_transition', `纪要「${minutesWorkflow.states[stageOf(r)].label}」，不能修改`);
  }
}

/**
 * Issue #23: a decided item names only topics of this meeting's list (Art. 6), and a topic the
 * meeting did not take up is one of those too, named once, and not also answered by a decided item.
 */
export function checkTopicLinks(
  meeting: MeetingDoc,
  decisions: ReadonlyArray<{ topicIds?: readonly string[] }>,
  notTakenUp: ReadonlyArray<{ topicId: string }>,
): void {
  const listed = new Set((meeting.agendaTopics ?? []).map((t) => t.id));
  const answered = new Set<string>();
  decisions.forEach((d, i) => {
    for (const id of d.topicIds ?? []) {
      if (!listed.has(id)) throw new AppError('validation_error', `议定事项${i + 1}所选议题不在本次会议的议题清单中`, { field: `decisions.${i}.topicIds` });
      answered.add(id);
    }
  });
  const skipped = new Set<string>();
  notTakenUp.forEach((x, i) => {
    if (!listed.has(x.topicId)) throw new AppError('validation_error', '未议定的议题不在本次会议的议题清单中', { field: `notTakenUp.${i}.topicId` });
    if (answered.has(x.topicId)) throw new AppError('validation_error', '同一议题不能既有议定事项又列为未议定', { field: `notTakenUp.${i}.topicId` });
    if (skipped.has(x.topicId)) throw new AppError('validation_error', '同一议题不能重复列为未议定', { field: `notTakenUp.${i}.topicId` });
    skipped.add(x.topicId);
  });
}
