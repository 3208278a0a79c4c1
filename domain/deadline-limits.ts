// Issue #16: the lengths of what is typed about a deadline — the request's reason, the keeper's
// decision, the office's own reason. Own file (no zod, no dayjs), so the app may import it.
import type { TextLimit } from './limits';

export const DEADLINE_LIMITS = {
  reason: { min: 2, max: 500, label: '延期理由' },
  decision: { min: 2, max: 500, label: '审批意见' },
  setReason: { min: 2, max: 500, label: '调整理由' },
} as const satisfies Record<string, TextLimit>;
