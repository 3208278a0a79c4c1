// The minutes (Art. 9): the union office drafts; the union side approves, then the government side;
// either reviewer may return the draft with a reason; the union office issues the approved text as
// the 联席会议纪要. Every saved text is kept as a version.
import type { Role } from '../roles';
import { defineWorkflow } from '../workflow';

export const MINUTES_STATES = ['draft', 'union_review', 'gov_review', 'approved', 'issued'] as const;
export type MinutesStatus = (typeof MINUTES_STATES)[number];
export type MinutesEvent = 'submit' | 'approve' | 'return' | 'issue';
/**
 * editable: the union office may save a new version; union_approved: the union side's review is
 * done; gov_approved: the government side's review is done too.
 */
export type MinutesFlag = 'editable' | 'in_review' | 'union_approved' | 'gov_approved';

/** Art. 9: the union office drafts and issues. */
export const MINUTES_DRAFTERS: readonly Role[] = ['union_office'];
/** Art. 9: the union side approves first … */
export const MINUTES_UNION_REVIEWERS: readonly Role[] = ['union_chair', 'union_convenor'];
/** … then the government side. */
export const MINUTES_GOV_REVIEWERS: readonly Role[] = ['gov_leader', 'gov_convenor'];
export const MINUTES_REVIEWERS: readonly Role[] = [...MINUTES_UNION_REVIEWERS, ...MINUTES_GOV_REVIEWERS];

export const minutesWorkflow = defineWorkflow<MinutesStatus, MinutesEvent, MinutesFlag>({
  name: 'minutes',
  initial: 'draft',
  states: {
    draft: { label: '起草中', flags: ['editable'] },
    union_review: { label: '工会方审核中', flags: ['in_review'] },
    gov_review: { label: '政府方审核中', flags: ['in_review', 'union_approved'] },
    approved: { label: '双方已审核', flags: ['union_approved', 'gov_approved'] },
    issued: { label: '已印发', terminal: true, flags: ['union_approved', 'gov_approved'] },
  },
  edges: [
    { from: 'draft', event: 'submit', to: 'union_review', roles: MINUTES_DRAFTERS, label: '提交审核' },
    // Art. 9: the union side first, the government side second — the stage decides who may act.
    { from: 'union_review', event: 'approve', to: 'gov_review', roles: MINUTES_UNION_REVIEWERS, label: '审核通过' },
    { from: 'gov_review', event: 'approve', to: 'approved', roles: MINUTES_GOV_REVIEWERS, label: '审核通过' },
    { from: 'union_review', event: 'return', to: 'draft', roles: MINUTES_UNION_REVIEWERS, label: '退回修改' },
    { from: 'gov_review', event: 'return', to: 'draft', roles: MINUTES_GOV_REVIEWERS, label: '退回修改' },
    { from: 'approved', event: 'issue', to: 'issued', roles: MINUTES_DRAFTERS, label: '印发纪要' },
  ],
});
