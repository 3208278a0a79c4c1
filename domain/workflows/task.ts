// A task of the implementation checklist (Art. 11): the responsible unit works on it and reports,
// marks it done with evidence; the office that keeps the list verifies it or sends it back.
import { OFFICES, ROLES } from '../roles';
import { defineWorkflow } from '../workflow';

export const TASK_STATES = ['in_progress', 'awaiting_verification', 'done'] as const;
export type TaskStatus = (typeof TASK_STATES)[number];
export type TaskEvent = 'complete' | 'verify' | 'sendBack';
/** open: not yet done (reported on at the next meeting, Art. 3 (1)); reportable: progress may be added */
export type TaskFlag = 'open' | 'reportable';

/**
 * Art. 11: the unit marks its task done. Anyone may hold a task (a department head, a union
 * department, a representative's workplace), so the edge admits every role; the `taskOwner` row
 * rule says it must be the owner.
 */
export const TASK_OWNER_ROLES = ROLES;

export const taskWorkflow = defineWorkflow<TaskStatus, TaskEvent, TaskFlag>({
  name: 'task',
  initial: 'in_progress',
  states: {
    in_progress: { label: '落实中', flags: ['open', 'reportable'] },
    awaiting_verification: { label: '待核验', flags: ['open'] },
    done: { label: '已办结', terminal: true },
  },
  edges: [
    { from: 'in_progress', event: 'complete', to: 'awaiting_verification', roles: TASK_OWNER_ROLES, label: '标记完成' },
    // Art. 11: the office that keeps the list verifies (the `taskKeeper` row rule: the one that assigned it).
    { from: 'awaiting_verification', event: 'verify', to: 'done', roles: OFFICES, label: '核验办结' },
    { from: 'awaiting_verification', event: 'sendBack', to: 'in_progress', roles: OFFICES, label: '退回继续落实' },
  ],
});
