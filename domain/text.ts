// Text as people type and paste it (issue #6, defects 2 and 11). Before any length or content check
// a text is normalised: composed (NFC), zero-width and other invisible format characters removed,
// control characters other than line breaks and tabs removed. The content check additionally folds
// compatibility forms (NFKC: full-width Ｑ → Q, ⾦ → 金) before matching — but stored text keeps
// them, because NFKC would also rewrite the full-width Chinese punctuation of an official text
// (，：；（） → ,:;()). Characters Postgres jsonb cannot store (NUL, lone surrogates) are not
// silently dropped: they make the whole call a validation_error naming the field.

/** Zero-width and invisible format characters (Cf) that hide words from a word list. */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;
/** C0/C1 controls except tab, line feed and carriage return. */
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** What is stored and measured: composed, without invisible or control characters. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '');
}

/** What a word list is matched against: also NFKC-folded, lower case, without white space. */
export function matchForm(s: string): string {
  return normalizeText(s).normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/\s+/g, '');
}

/** True when the string holds NUL or an unpaired surrogate (not storable as jsonb text). */
export function hasUnstorableChar(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === 0) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** The path of the first string (or object key) in a JSON value that cannot be stored, else null. */
export function findUnstorable(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return hasUnstorableChar(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnstorable(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (hasUnstorableChar(k)) return [...path, k];
      const found = findUnstorable(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}
