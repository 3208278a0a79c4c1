// topic.get — one topic, as far as the caller may see it (row predicates in the permission matrix).
import { TopicIdInput } from '../../../domain';
import { defineAction } from '../../../server/registry';
import { loadMeeting, loadTopic, topicRecord } from '../model';
import { toTopicView } from '../views';

export const get = defineAction({
  name: 'topic.get',
  input: TopicIdInput,
  ...topicRecord,
  handler: async ({ id }, ctx) => {
    const topic = await loadTopic(ctx.store, id);
    const meeting = await loadMeeting(ctx.store, topic.meetingId);
    return toTopicView(topic, ctx.actor, meeting.status);
  },
});
