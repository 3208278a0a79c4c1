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

/** How deep a call's JSON may nest (containers inside containers) and how many values it may hold. */
export const PAYLOAD_LIMITS = { depth: 32, nodes: 10_000 } as const;

export type PayloadProblem =
  | { kind: 'too_deep' }
  | { kind: 'too_large' }
  | { kind: 'unstorable'; path: string[] };

/**
 * Issue #17: one iterative walk over a JSON value, linear in its size and never recursive, so no
 * payload can overflow the stack or cost quadratic time. Answers the first problem found: nesting
 * deeper than `limits.depth`, more than `limits.nodes` values, or (in document order) the path of
 * the first string or object key that cannot be stored.
 */
export function inspectPayload(value: unknown, limits: { depth: number; nodes: number } = PAYLOAD_LIMITS): PayloadProblem | null {
  // parallel arrays: the value, its depth, its parent's slot and its key (the path is rebuilt only on a find)
  const values: unknown[] = [value];
  const depths: number[] = [0];
  const parents: number[] = [-1];
  const keys: string[] = [''];
  const stack: number[] = [0];
  const pathOf = (slot: number, last?: string): string[] => {
    const out: string[] = last === undefined ? [] : [last];
    for (let s = slot; s > 0; s = parents[s]) out.push(keys[s]);
    return out.reverse();
  };
  const push = (v: unknown, depth: number, parent: number, key: string) => {
    values.push(v);
    depths.push(depth);
    parents.push(parent);
    keys.push(key);
    return values.length - 1;
  };
  while (stack.length) {
    if (values.length > limits.nodes) return { kind: 'too_large' };
    const slot = stack.pop() as number;
    const v = values[slot];
    if (typeof v === 'string') {
      if (hasUnstorableChar(v)) return { kind: 'unstorable', path: pathOf(slot) };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const depth = depths[slot] + 1;
    if (depth > limits.depth) return { kind: 'too_deep' };
    const children: number[] = [];
    if (Array.isArray(v)) {
      if (values.length + v.length > limits.nodes) return { kind: 'too_large' };
      for (let i = 0; i < v.length; i += 1) children.push(push(v[i], depth, slot, String(i)));
    } else {
      const ks = Object.keys(v);
      if (values.length + ks.length > limits.nodes) return { kind: 'too_large' };
      for (const k of ks) {
        if (hasUnstorableChar(k)) return { kind: 'unstorable', path: pathOf(slot, k) };
        children.push(push((v as Record<string, unknown>)[k], depth, slot, k));
      }
    }
    // depth-first, in document order: the first child is taken next
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
  }
  return null;
}

/** The path of the first string (or object key) in a JSON value that cannot be stored, else null. */
export function findUnstorable(value: unknown): string[] | null {
  const found = inspectPayload(value, { depth: Number.POSITIVE_INFINITY, nodes: Number.POSITIVE_INFINITY });
  return found?.kind === 'unstorable' ? found.path : null;
}
