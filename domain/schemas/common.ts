// Shared pieces of the contract (DESIGN.md "The contract"). Schemas are strict: unknown keys fail.
import * as z from 'zod';
import { ERROR_CODES } from '../errors';

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
