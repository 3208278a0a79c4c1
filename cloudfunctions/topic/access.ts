// allowedActions of a topic for the caller: the permission matrix, the row predicates, the
// workflow edge from the current state and the meeting's phase — the same checks the router and
// handlers make, so a button is shown exactly when pressing it can succeed.
import {
  availableEvents,
  hasFlag,
  meetingWorkflow,
  PERMISSIONS,
  roleMayCall,
  rowAdmits,
  topicWorkflow,
  type Actor,
  type ActionName,
  type MeetingStatus,
  type TopicEvent,
} from '../../domain';
import type { TopicDoc } from '../../server/docs';
import { topicFacts } from './model';

const EVENT_ACTIONS: readonly TopicEvent[] = ['withdraw', 'resubmit', 'accept', 'return', 'merge'];

function permitted(action: string, actor: Actor, topic: TopicDoc): boolean {
  const p = PERMISSIONS[`topic.${action}` as ActionName];
  return roleMayCall(p, actor.roles) && rowAdmits(p, actor, topicFacts(topic));
}

export function topicAllowedActions(topic: TopicDoc, actor: Actor, meetingStatus: MeetingStatus): string[] {
  if (!hasFlag(meetingWorkflow, meetingStatus, 'accepts_topics')) return [];
  const events = availableEvents(topicWorkflow, topic.status, actor.roles);
  const out: string[] = [];
  if (hasFlag(topicWorkflow, topic.status, 'editable') && permitted('update', actor, topic)) out.push('update');
  for (const e of EVENT_ACTIONS) if (events.includes(e) && permitted(e, actor, topic)) out.push(e);
  if (topic.status === 'accepted' && permitted('addOpinion', actor, topic)) out.push('addOpinion');
  return out;
}
