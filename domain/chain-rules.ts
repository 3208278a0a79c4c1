// Issue #23: what became of a topic — shared by the server and the app, zod-free.

/** Why a listed topic was not taken up at this meeting (the reason the minutes give). */
export const NOT_TAKEN_UP_REASON = { min: 2, max: 500, label: '未议定的原因' } as const;

/** A decided item names at most this many listed topics. */
export const DECISION_MAX_TOPICS = 20;

/** The written reply (答复) to the proposer, by why the topic went no further. */
export type ReplyKind = 'returned' | 'merged' | 'not_taken_up';
export const REPLY_KIND_LABEL: Record<ReplyKind, string> = {
  returned: '退回答复',
  merged: '合并答复',
  not_taken_up: '本次会议未议定',
};
