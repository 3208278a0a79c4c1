// GB/T 9704-2012 7.3.1: a title on several lines is broken "词意完整，排列对称，长短适宜，间距恰当",
// in an inverted trapezoid or a diamond. The word processor breaks where the line is full ("通 /
// 知" with one character alone, "新就 / 业"); this module breaks the title itself, at word
// boundaries (ICU's dictionary segmentation for Chinese), into the fewest lines that fit, as even as
// the words allow, earlier lines not shorter than later ones when that costs nothing.
//
// Widths are in grid characters: CJK and full-width forms 1, other characters ½.

/** Estimated width in grid characters: CJK and full-width forms count 1, everything else ½. */
export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp >= 0x2e80 || ch === '—' ? 1 : 0.5;
  }
  return w;
}

// A line never starts with closing punctuation and never ends with opening punctuation.
const CLOSING = /^[，。、；：？！）》」』】〕”’,.;:?!)\]]/;
const OPENING = /[（《「『【〔“‘([]$/;
// Function words that belong to the word after them: "的通知", "和", "与", "及".
const LEADING = new Set(['的', '之', '和', '与', '及', '暨']);

// Unit and place suffixes that belong to the word before them: "2026年", "第一次".
const TRAILING = new Set(['年', '月', '日', '号', '次', '届', '期']);
// Prefixes that belong to the word after them: "新就业", "总工会", "副市长".
const PREFIX = new Set(['新', '总', '副', '各', '全', '非', '老', '小', '大', '第']);
const isCjkChar = (s: string): boolean => [...s].length === 1 && (s.codePointAt(0) ?? 0) >= 0x3400;

/**
 * Words of the title. ICU knows common words but splits names it does not know into single
 * characters ("巴|彦|淖|尔|市"): a run of single characters is glued to the word after it, so a
 * place or org name ("巴彦淖尔市总工会", "巴彦淖尔市人民政府") is never broken; unit suffixes stay
 * with the number before them, punctuation with its word, leading particles with the next word.
 */
export function titleWords(text: string): string[] {
  const Seg = (Intl as unknown as { Segmenter?: new (l: string, o: { granularity: 'word' }) => { segment(t: string): Iterable<{ segment: string }> } }).Segmenter;
  const raw = Seg ? [...new Seg('zh', { granularity: 'word' }).segment(text)].map((s) => s.segment) : [...text];
  const words: string[] = [];
  let carry = '';
  for (const seg of raw) {
    if (words.length > 0 && !carry && (CLOSING.test(seg) || TRAILING.has(seg))) {
      words[words.length - 1] += seg;
      continue;
    }
    if (LEADING.has(seg) || OPENING.test(seg) || isCjkChar(seg)) {
      carry += seg;
      continue;
    }
    // a lone character before a word ends the word before it ("办公|室", "劳动|者")
    if (words.length > 0 && isCjkChar(carry) && !LEADING.has(carry) && !PREFIX.has(carry)) {
      words[words.length - 1] += carry;
      words.push(seg);
    } else words.push(carry + seg);
    carry = '';
  }
  if (carry) {
    if (words.length) words[words.length - 1] += carry;
    else words.push(carry);
  }
  return words;
}

/**
 * The title's lines: one line when it fits `maxPerLine`; else the fewest lines of whole words, each
 * at most `maxPerLine`, none shorter than two characters, chosen to be as even as possible (sum of
 * squared differences from the mean), an earlier line shorter than a later one penalised (inverted
 * trapezoid). A word longer than a line is split into characters.
 */
export function breakTitle(text: string, maxPerLine: number): string[] {
  if (widthInChars(text) <= maxPerLine) return [text];
  let words = titleWords(text);
  if (words.some((w) => widthInChars(w) > maxPerLine)) words = words.flatMap((w) => (widthInChars(w) > maxPerLine ? [...w] : [w]));
  return breakTitleWords(text, words, maxPerLine);
}

function breakTitleWords(text: string, words: string[], maxPerLine: number): string[] {
  const total = widthInChars(text);
  const widths = words.map(widthInChars);
  const n = words.length;
  const prefix = [0];
  widths.forEach((w, i) => prefix.push(prefix[i] + w));
  const width = (from: number, to: number): number => prefix[to] - prefix[from];

  for (let lines = Math.ceil(total / maxPerLine); lines <= n; lines++) {
    const mean = total / lines;
    // best[k][j]: the cheapest way to set words [0, j) on k lines; from[k][j] the start of line k
    const best: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(Infinity));
    const from: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(-1));
    const prevWidth: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(0));
    best[0][0] = 0;
    for (let k = 1; k <= lines; k++) {
      for (let j = 1; j <= n; j++) {
        for (let i = k - 1; i < j; i++) {
          if (best[k - 1][i] === Infinity) continue;
          const w = width(i, j);
          if (w > maxPerLine || w < 2) continue;
          const before = k > 1 ? prevWidth[k - 1][i] : Infinity;
          const cost = best[k - 1][i] + (w - mean) ** 2 + (w > before ? 0.5 * (w - before) : 0);
          if (cost < best[k][j]) {
            best[k][j] = cost;
            from[k][j] = i;
            prevWidth[k][j] = w;
          }
        }
      }
    }
    if (best[lines][n] === Infinity) continue;
    const out: string[] = [];
    let j = n;
    for (let k = lines; k >= 1; k--) {
      const i = from[k][j];
      out.unshift(words.slice(i, j).join(''));
      j = i;
    }
    return out;
  }
  // No way to set the words without a line of one character (a narrow word between two that fill
  // their lines): glue each such word to its neighbour and break again, a line a little long
  // rather than a character alone (the word processor would leave one when breaking it itself).
  const glued = glueNarrow(words);
  if (glued.length < words.length) return breakTitleWords(text, glued, maxPerLine + 2);
  return [text];
}

/** Words narrower than two characters joined to the word before them (the first to the next). */
function glueNarrow(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (out.length && (widthInChars(w) < 2 || widthInChars(out[out.length - 1]) < 2)) out[out.length - 1] += w;
    else out.push(w);
  }
  return out;
}
