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

/** An API request's JSON body: at most MAX_BODY bytes, nested at most PAYLOAD_LIMITS.depth deep. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const bytes = await readBytes(req, MAX_BODY, tooLarge, '请求未发送完整');
  if (nestingExceeds(bytes, PAYLOAD_LIMITS.depth)) throw tooDeep();
  try {
    return bytes.length ? JSON.parse(bytes.toString('utf8')) : {};
  } catch {
    // any failure of the parse itself (a syntax error, a RangeError) is the client's: 400
    throw new HostRefusal(400, 'validation_error', '请求不是有效的 JSON');
  }
}

/**
 * A body of at most `max` bytes (a JSON request, an evidence upload — Art. 11). Past the limit the
 * rest is still read and dropped, so the refusal can reach the client; a body cut short is refused.
 */
export function readBytes(req: IncomingMessage, max: number, tooBig: string | (() => HostRefusal), unfinished = '上传未完成'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const refuse = typeof tooBig === 'string' ? () => new HostRefusal(413, 'validation_error', tooBig) : tooBig;
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
    req.on('close', () => settle(() => reject(new HostRefusal(400, 'validation_error', unfinished))));
  });
}
