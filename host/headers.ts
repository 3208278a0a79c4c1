// Security headers of every response of the local host (issue #6, defect 8).
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** API answers are JSON: they may load nothing and be framed by nobody. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The H5 app (a Taro webpack build): its scripts and chunks come from this origin, plus the one
 * inline script Taro puts in index.html (allowed by its hash, see `inlineScriptHashes`). Taro's
 * components write inline styles and <style> elements, so styles need 'unsafe-inline'; images may
 * be data: or blob: URLs; the app talks only to its own /api.
 */
export function appPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptHashes.map((h) => `'${h}'`)].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** sha256 sources of the inline <script> elements of an HTML document, as CSP wants them. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (m[1]) out.push(`sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`);
  }
  return out;
}

/** Set before anything else is written, so even an error answer carries them. */
export function setSecurityHeaders(res: ServerResponse, policy: string): void {
  res.setHeader('content-security-policy', policy);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
}
