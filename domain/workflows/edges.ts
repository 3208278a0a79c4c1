// Which action takes which workflow edge. The permission matrix says who may call an action; the
// edge says who may take the step; both read the same role lists (domain/roles, topic-rules) and a
// test proves they name exactly the same roles, so the two can never disagree.
import type { ActionName } from '../permissions';
import type { Workflow } from '../workflow';
import { meetingWorkflow, type MeetingEvent } from './meeting';
import { minutesWorkflow, type MinutesEvent } from './minutes';
import { taskWorkflow, type TaskEvent } from './task';
import { topicWorkflow, type TopicEvent } from './topic';

export interface EdgeAction {
  workflow: Workflow<string, string>;
  event: string;
}

const topicEdge = (event: TopicEvent): EdgeAction => ({ workflow: topicWorkflow as Workflow<string, string>, event });
const meetingEdge = (event: MeetingEvent): EdgeAction => ({ workflow: meetingWorkflow as Workflow<string, string>, event });
const minutesEdge = (event: MinutesEvent): EdgeAction => ({ workflow: minutesWorkflow as Workflow<string, string>, event });
const taskEdge = (event: TaskEvent): EdgeAction => ({ workflow: taskWorkflow as Workflow<string, string>, event });

export const EDGE_ACTIONS: Partial<Record<ActionName, EdgeAction>> = {
  'topic.accept': topicEdge('accept'),
  'topic.return': topicEdge('return'),
  'topic.merge': topicEdge('merge'),
  'topic.withdraw': topicEdge('withdraw'),
  'topic.resubmit': topicEdge('resubmit'),
  // Art. 4, 6, 7, 8: the meeting's own steps
  'meeting.accept': meetingEdge('accept'),
  'meeting.decline': meetingEdge('decline'),
  'meeting.openCollection': meetingEdge('openCollection'),
  'meeting.issueNotice': meetingEdge('issueNotice'),
  'meeting.start': meetingEdge('start'),
  'meeting.adjourn': meetingEdge('adjourn'),
  'meeting.cancel': meetingEdge('cancel'),
  // Art. 9: drafting, the two reviews in turn, issue
  'minutes.submit': minutesEdge('submit'),
  'minutes.approve': minutesEdge('approve'),
  'minutes.return': minutesEdge('return'),
  'minutes.issue': minutesEdge('issue'),
  // Art. 11: the unit marks done; the keeping office verifies or sends back
  'task.complete': taskEdge('complete'),
  'task.verify': taskEdge('verify'),
  'task.sendBack': taskEdge('sendBack'),
  // Art. 6: the list is fixed when the second side confirms; a side's revocation reopens it
  'topic.confirmList': { workflow: meetingWorkflow as Workflow<string, string>, event: 'fixList' },
  'topic.revokeConfirmation': { workflow: meetingWorkflow as Workflow<string, string>, event: 'reopenList' },
};
