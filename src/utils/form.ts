// Form helpers not tied to one kind of record: text measured as the server measures it, length
// messages, and a validation_error's details as field → message.
import type { TextLimit } from '../../domain/limits';
import { normalizeText } from '../../domain/text';

export type { TextLimit } from '../../domain/limits';

/**
 * Text as the server measures it: normalised (domain/text.ts: NFC, no invisible or control
 * characters), trimmed. For counting and comparing only; payloads carry the text as typed and the
 * server normalises it itself, so it stays the one authority on what is stored.
 */
export function cleanText(value: string): string {
  try {
    return normalizeText(value).trim();
  } catch {
    // An engine without String.prototype.normalize: the server still normalises.
    return value.trim();
  }
}

/** The length the server checks. */
export function textLength(value: string): number {
  return cleanText(value).length;
}

/** A Chinese message when the text breaks its limits, else null. */
export function lengthError({ min, max, label }: TextLimit, value: string): string | null {
  const n = textLength(value);
  if (min > 0 && n === 0) return `请填写${label}`;
  if (n < min) return `${label}至少 ${min} 个字`;
  if (n > max) return `${label}不能超过 ${max} 个字`;
  return null;
}

/** `validation_error` details ([{ path, message }]) as field → first message. */
export function fieldErrorsOf(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const d of details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const key = Array.isArray(path) ? String(path[0] ?? '') : typeof path === 'string' ? path.split('.')[0] : '';
    if (!(key in out)) out[key] = message;
  }
  return out;
}
