// The press release (Art. 10): the government office and the union are jointly responsible. Either
// office drafts; it is approved only when both offices have approved the current text; an edit
// clears both approvals; either office may return it with a reason.
import type { Role } from '../roles';
import type { OneSide } from '../topic-rules';
import { defineWorkflow } from '../workflow';

export const PRESS_STATES = ['draft', 'approved'] as const;
export type PressStatus = (typeof PRESS_STATES)[number];
export type PressEvent = 'approveBoth' | 'edit';

/** Art. 10: the two offices that publicise the meeting, by side. */
export const PRESS_OFFICES: Record<OneSide, Role> = { gov: 'gov_office', union: 'union_office' };
export const PRESS_ROLES: readonly Role[] = [PRESS_OFFICES.gov, PRESS_OFFICES.union];

export const pressWorkflow = defineWorkflow<PressStatus, PressEvent>({
  name: 'press',
  initial: 'draft',
  states: {
    draft: { label: '待双方审核' },
    approved: { label: '双方已审核' },
  },
  edges: [
    // the second office's approval of the current text (the first only records itself)
    { from: 'draft', event: 'approveBoth', to: 'approved', roles: PRESS_ROLES, label: '审核通过' },
    // a new text after approval goes back for both approvals
    { from: 'approved', event: 'edit', to: 'draft', roles: PRESS_ROLES, label: '修改稿件' },
  ],
});

/** Which office side a caller approves for, if any. */
export function pressSideOf(roles: readonly Role[]): OneSide | null {
  if (roles.includes(PRESS_OFFICES.gov)) return 'gov';
  if (roles.includes(PRESS_OFFICES.union)) return 'union';
  return null;
}
