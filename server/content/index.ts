// Content check (issue #3): submitted text passes it before anything is stored. In production it is
// WeChat's security.msgSecCheck (server/wechat-runtime.ts); locally a word list from a file.
import { readFileSync } from 'node:fs';

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

export function wordListChecker(words: readonly string[]): ContentChecker {
  const lowered = words.map((w) => w.toLowerCase());
  return {
    allows: async (texts) => {
      const joined = texts.join('\n').toLowerCase().replace(/\s+/g, '');
      return !lowered.some((w) => joined.includes(w.replace(/\s+/g, '')));
    },
  };
}
