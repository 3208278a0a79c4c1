// Content check (issue #3): submitted text passes it before anything is stored. In production it is
// WeChat's security.msgSecCheck (server/platform/wechat/runtime.ts); locally a word list from a file.
import { readFileSync } from 'node:fs';
import { matchForm } from '../../domain/text';

export interface ContentChecker {
  /** true when every text may be stored; any doubt or error means false (fail closed) */
  allows(texts: readonly string[], openid?: string): Promise<boolean>;
}


/** Reads one word a line; blank lines and lines starting with # are ignored. */
export function loadWordList(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Matches on the folded form (domain/text matchForm): case, white space, zero-width and full-width tricks do not hide a word. */
export function wordListChecker(words: readonly string[]): ContentChecker {
  const folded = words.map(matchForm).filter(Boolean);
  return {
    allows: async (texts) => {
      const joined = texts.map(matchForm).join('\n');
      return !folded.some((w) => joined.includes(w));
    },
  };
}
