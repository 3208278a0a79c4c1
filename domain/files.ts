// File names of evidence (issue #17): a name a client sent is stored cleaned — no control
// characters (CR/LF would split a header), no path (no `/`, `\`, `..`), at most 80 characters —
// and the name a file is downloaded under always ends in the extension of the type its bytes
// were judged to be, so a PNG-headed page can never be saved as `invoice.html`.
import type { EvidenceType } from './task-rules';
import { hasUnstorableChar, normalizeText } from './text';

export const FILE_NAME_MAX = 80;

export const EVIDENCE_EXTENSION: Record<EvidenceType, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'application/pdf': '.pdf' };

/** A stored file name: the last path segment, without control characters, dots at the ends or `..`. */
export function cleanFileName(raw: string, fallback = 'evidence'): string {
  if (hasUnstorableChar(raw)) return fallback;
  const flat = normalizeText(raw)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '')
    .split(/[/\\]/)
    .pop()!
    .replace(/\.{2,}/g, '.')
    .replace(/["<>|:*?]/g, '_')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return [...flat].slice(0, FILE_NAME_MAX).join('') || fallback;
}

/** `name` with its extension replaced by the one of `type` (`发票.html` → `发票.png`). */
export function withTypeExtension(name: string, type: EvidenceType): string {
  const ext = EVIDENCE_EXTENSION[type];
  const clean = cleanFileName(name);
  const dot = clean.lastIndexOf('.');
  const stem = dot > 0 ? clean.slice(0, dot) : clean;
  return `${[...stem].slice(0, FILE_NAME_MAX - ext.length).join('')}${ext}`;
}

/** Uploads per person per Shanghai calendar day: files and bytes (a completion takes at most 9 files). */
export const UPLOAD_FILES_PER_DAY = 30;
export const UPLOAD_BYTES_PER_DAY = 60 * 1024 * 1024;
/** An upload no task names after this long is removed by the host's sweep. */
export const UPLOAD_UNATTACHED_TTL_MS = 24 * 3600_000;
