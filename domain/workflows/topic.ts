// The topic lifecycle (Art. 6): a proposer submits to the aggregating office, which screens it
// (accept / return with a reason / merge into another); the proposer may update, withdraw or
// resubmit while it is with them. Which office may screen is the row predicate `routedToMe`.
import { OFFICES } from '../roles';
import { PROPOSERS } from '../topic-rules';
import { defineWorkflow } from '../workflow';

export const TOPIC_STATES = ['submitted', 'returned', 'accepted', 'merged', 'withdrawn'] as const;
export type TopicStatus = (typeof TOPIC_STATES)[number];

export type TopicEvent = 'accept' | 'return' | 'merge' | 'withdraw' | 'resubmit';

/**
 * editable: the proposer may still change the text; onList: counts for the topic list;
 * merge_target: another topic may be merged into it (still alive on the list);
 * with_proposer: back with its proposer (returned to them, or withdrawn by them).
 */
export type TopicFlag = 'editable' | 'onList' | 'merge_target' | 'with_proposer';

export const topicWorkflow = defineWorkflow<TopicStatus, TopicEvent, TopicFlag>({
  name: 'topic',
  initial: 'submitted',
  states: {
    submitted: { label: '待审核', flags: ['editable', 'merge_target'] },
    returned: { label: '已退回', flags: ['editable', 'with_proposer'] },
    accepted: { label: '已采纳', flags: ['onList', 'merge_target'] },
    merged: { label: '已合并', terminal: true },
    withdrawn: { label: '已撤回', terminal: true, flags: ['with_proposer'] },
  },
  edges: [
    { from: 'submitted', event: 'accept', to: 'accepted', roles: OFFICES, label: '采纳' },
    { from: 'submitted', event: 'return', to: 'returned', roles: OFFICES, label: '退回修改' },
    { from: 'submitted', event: 'merge', to: 'merged', roles: OFFICES, label: '合并' },
    { from: ['submitted', 'returned'], event: 'withdraw', to: 'withdrawn', roles: PROPOSERS, label: '撤回' },
    { from: 'returned', event: 'resubmit', to: 'submitted', roles: PROPOSERS, label: '重新提交' },
  ],
});

/** Art. 3 categories a proposer may choose; (1) `previous_followup` is generated from the checklist. */
export const TOPIC_CATEGORIES = ['briefing', 'policy', 'worker_concerns', 'union_support', 'other'] as const;
export type TopicCategory = (typeof TOPIC_CATEGORIES)[number];

export const TOPIC_CATEGORY_LABEL: Record<TopicCategory | 'previous_followup', string> = {
  previous_followup: '上次会议议定事项落实情况',
  briefing: '通报政策措施与工会重要举措',
  policy: '组织动员职工与构建和谐劳动关系',
  worker_concerns: '职工急难愁盼与新就业形态劳动者权益',
  union_support: '工会改革建设需政府支持事项',
  other: '其他事项',
};
