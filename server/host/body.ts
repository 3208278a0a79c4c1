// Reading an API request's JSON body, and the host's own refusals (before any function runs).
import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '../../domain';
import type { RefusalKind } from '../metrics';

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
          resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
        } catch {
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
