// Shared pieces of the contract (DESIGN.md "The contract"). Schemas are strict: unknown keys fail.
import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';
import { ERROR_CODES } from '../errors';
import type { TextLimit } from '../limits';
import { normalizeText } from '../text';

// zod/mini loads no locale (every message of zod's own would read "Invalid input"): the schemas'
// own messages are Chinese, so zod's defaults (a wrong type, an unknown key, a limit without a message
// of ours) are too. Set here, once, where every schema file and the router's CallBody come from
// (docs/issue-18-bundles.md).
z.config(zhCN());

export const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'));
export const IsoTime = z.iso.datetime({ offset: true });

/** What a client sends in `callFunction({ name: area, data })` or `POST /api/<area>`. */
export const CallBody = z.strictObject({
  action: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/)),
  payload: z.optional(z.unknown()),
  idempotencyKey: z.optional(z.string().check(z.minLength(8), z.maxLength(128), z.regex(/^[A-Za-z0-9_:.-]+$/))),
});
export type CallBody = z.infer<typeof CallBody>;

export const ErrorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.optional(z.unknown()),
});

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: z.infer<typeof ErrorBodySchema> };

export const EmptyPayload = z.strictObject({});


/**
 * Free text: normalised (NFKC, no zero-width or control characters), trimmed, then measured, so
 * the limits and the content check see what a reader sees (issue #6, defect 11).
 */
export function Text({ min, max, label }: TextLimit) {
  return z.string().check(z.overwrite((s) => normalizeText(s).trim()), z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`), z.maxLength(max, `${label}不能超过 ${max} 个字`));
}

/** An opaque list cursor from a previous page's `nextCursor`. */
export const Cursor = z.string().check(z.maxLength(400), z.regex(/^[A-Za-z0-9_-]+$/, '分页参数不正确'));
