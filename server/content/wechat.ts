// WeChat's text security check (security.msgSecCheck, version 2) as the content checker.
// Anything but a clear `pass` — `risky`, `review`, or any error — means not stored: fail closed.
import type { ContentChecker } from './index';

export interface MsgSecCheckApi {
  msgSecCheck(req: { content: string; version: 2; scene: 1 | 2 | 3 | 4; openid: string }): Promise<{
    errCode?: number;
    result?: { suggest?: string; label?: number };
  }>;
}

/** scene 2 = 资料 (a profile/document-like text), the closest to a proposed topic. */
export function wechatContentChecker(security: MsgSecCheckApi): ContentChecker {
  return {
    allows: async (texts, openid) => {
      if (!openid) return false;
      try {
        for (const content of texts) {
          if (!content.trim()) continue;
          const res = await security.msgSecCheck({ content, version: 2, scene: 2, openid });
          if ((res.errCode ?? 0) !== 0 || res.result?.suggest !== 'pass') return false;
        }
        return true;
      } catch {
        return false;
      }
    },
  };
}
