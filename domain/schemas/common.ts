// Shared pieces of the contract (DESIGN.md "The contract"). Schemas are strict: unknown keys fail.
import * as z from 'zod';
import { ERROR_CODES } from '../errors';
import type { TextLimit } from '../limits';
import { normalizeText } from '../text';

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');
export const IsoTime = z.iso.datetime({ offset: true });

/** What a client sends in `callFunction({ name: area, data })` or `POST /api/<area>`. */
export const CallBody = z.strictObject({
  action: z.string().min(1).max(64).regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  payload: z.unknown().optional(),
  idempotencyKey: z.string().min(8).max(128).regex(/^[A-Za-z0-9_:.-]+$/).optional(),
});
export type CallBody = z.infer<typeof CallBody>;

export const ErrorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: z.infer<typeof ErrorBodySchema> };

export const EmptyPayload = z.strictObject({});


/**
 * Free text: normalised (NFKC, no zero-width or control characters), trimmed, then measured, so
 * the limits and the content check see what a reader sees (issue #6, defect 11).
 */
export function Text({ min, max, label }: TextLimit) {
  return z
    .string()
    .overwrite((s) => normalizeText(s).trim())
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`);
}

/** An opaque list cursor from a previous page's `nextCursor`. */
export const Cursor = z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, '分页参数不正确');
