// Reading an API request's JSON body, and the host's own refusals (before any function runs).
import type { IncomingMessage } from 'node:http';
import { PAYLOAD_LIMITS, type ErrorCode } from '../domain';
import type { RefusalKind } from '../server/kit/metrics';

const MAX_BODY = 256 * 1024;

/** A refusal by the host itself: answered with its status and counted (no audit row is written). */
export class HostRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly kind: RefusalKind = 'bad_request',
  ) {
    super(message);
    this.name = 'HostRefusal';
  }
}

const tooLarge = () => new HostRefusal(413, 'validation_error', '请求内容过大');

/**
 * Issue #17: the deepest nesting of a JSON text, found by one pass over its bytes (strings skipped),
 * stopping as soon as it passes `limit`. Run before JSON.parse, so a body of 100,000 nested arrays
 * is refused without building it (and without the RangeError deep values cause later).
 */
export function nestingExceeds(bytes: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

const tooDeep = () => new HostRefusal(400, 'validation_error', `请求内容嵌套过深（最多 ${PAYLOAD_LIMITS.depth} 层）`);

export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return reject(tooLarge());
    let size = 0;
    let settled = false;
    const chunks: Buffer[] = [];
    const settle = (fn: () => void) => {
      if (!settled) {
        settled = true;
        fn();
      }
    };
    // Past the limit the rest is still read and dropped, so the answer can reach the client.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) settle(() => reject(tooLarge()));
      else if (!settled) chunks.push(c);
    });
    req.on('end', () =>
      settle(() => {
        try {
          const bytes = Buffer.concat(chunks);
          if (nestingExceeds(bytes, PAYLOAD_LIMITS.depth)) return reject(tooDeep());
          resolve(bytes.length ? JSON.parse(bytes.toString('utf8')) : {});
        } catch {
          // any failure of the parse itself (a syntax error, a RangeError) is the client's: 400
          reject(new HostRefusal(400, 'validation_error', '请求不是有效的 JSON'));
        }
      }),
    );
    req.on('error', (e) => settle(() => reject(e)));
    req.on('close', () => settle(() => reject(new HostRefusal(400, 'validation_error', '请求未发送完整'))));
  });
}

/** A raw upload body of at most `max` bytes (evidence files, Art. 11). */
export function readBytes(req: IncomingMessage, max: number, tooBig: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const refuse = () => new HostRefusal(413, 'validation_error', tooBig);
    if (Number(req.headers['content-length'] ?? 0) > max) return reject(refuse());
    let size = 0;
    let settled = false;
    const chunks: Buffer[] = [];
    const settle = (fn: () => void) => {
      if (!settled) {
        settled = true;
        fn();
      }
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) settle(() => reject(refuse()));
      else if (!settled) chunks.push(c);
    });
    req.on('end', () => settle(() => resolve(Buffer.concat(chunks))));
    req.on('error', (e) => settle(() => reject(e)));
    req.on('close', () => settle(() => reject(new HostRefusal(400, 'validation_error', '上传未完成'))));
  });
}
