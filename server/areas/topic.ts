// What the other areas read of the topics of a meeting: the home screen's work queue counts the
// accepted topics still waiting for an opinion with the same filter the topic list uses.
import type { Filter } from '../store/port';

/** Art. 6 (征求意见): an accepted topic with neither the other side's opinion nor 无意见 recorded. */
export const awaitingOpinionFilter = (meetingId: string): Filter => ({
  meetingId, status: 'accepted', otherSideOpinions: { in: [0, null] }, noOpinion: null,
});
