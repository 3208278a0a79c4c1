// Contract of area `press` (Art. 10): one press release per meeting, approved by both offices.
import * as z from 'zod/mini';
import { PRESS_LIMITS } from '../limits';
import type { PressStatus } from '../workflows/press';
import { Id, Text } from './common';

const MeetingId = { meetingId: Id };

export const PressIdInput = z.strictObject(MeetingId);
export const DraftPressInput = z.strictObject({ ...MeetingId, title: Text(PRESS_LIMITS.title), text: Text(PRESS_LIMITS.text) });
export const ReturnPressInput = z.strictObject({ ...MeetingId, reason: Text(PRESS_LIMITS.reason) });

export interface PressApprovalView {
  byName: string;
  at: string;
}

export interface PressView {
  meetingId: string;
  meetingTitle: string;
  exists: boolean;
  title: string;
  text: string;
  /** bumped by every edit; approvals name the revision they approved */
  revision: number;
  status: PressStatus;
  statusLabel: string;
  approvals: { gov: PressApprovalView | null; union: PressApprovalView | null };
  returns: Array<{ reason: string; sideLabel: string; byName: string; at: string }>;
  updatedAt?: string;
  updatedByName?: string;
  allowedActions: string[];
}
