// Consent to WeChat subscription messages (issue #10): the template keys, what a consent prompt can
// answer, and the natural taps that ask. Issue #25: split from subscriptions.ts (which re-exports it)
// so that the weapp's main package, asking at those taps, does not carry the template catalogue and
// the milestone routes the server sends by (~7 KB).

export const TEMPLATE_KEYS = [
  'meeting_notice',
  'reply_reminder',
  'meeting_tomorrow',
  'minutes_review',
  'task_assigned',
  'task_due_soon',
  'task_overdue',
  'topic_result',
  // issue #20: every milestone of RULES.md reaches WeChat
  'collection_opened',
  'topic_list',
  'approval_result',
  'minutes_issued',
  'chase',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const CONSENT_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type ConsentResult = (typeof CONSENT_RESULTS)[number];

/**
 * The natural taps that ask for consent, each for at most 3 templates (the safe per-call limit):
 * the next milestones of that flow.
 */
export const CONSENT_FLOWS = {
  /** replying to an invitation (Art. 5): the eve reminder, changes of time or place */
  reply: ['meeting_tomorrow', 'meeting_notice'],
  /** opening an invitation not yet answered */
  invitation: ['reply_reminder', 'meeting_tomorrow', 'meeting_notice'],
  /** submitting a topic (Art. 6): its screening result */
  submitTopic: ['topic_result', 'topic_list', 'collection_opened'],
  /** opening a task (Art. 11): due soon, overdue, 催办 (issue #20: what this task will send next) */
  task: ['task_due_soon', 'task_overdue', 'chase'],
  /** a reviewer opening minutes (Art. 9) */
  reviewMinutes: ['minutes_review', 'approval_result', 'minutes_issued'],
} as const satisfies Record<string, readonly TemplateKey[]>;
export type ConsentFlow = keyof typeof CONSENT_FLOWS;

export const MAX_TEMPLATES_PER_ASK = 3;
