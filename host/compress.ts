// The static files' bytes, plain and compressed, kept per file and modification time: the H5 build
// is a few hundred KB, and brotli at its best quality costs ~250 ms for the entry chunk, so each
// version of a file is read and compressed once, not per request.
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

interface Versions {
  mtimeMs: number;
  plain: Promise<Buffer>;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

/** Rebuilds leave old chunk names behind; the oldest entries go once this many files are kept. */
const MAX_FILES = 256;
const cache = new Map<string, Versions>();

function encode(plain: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return gz(plain, { level: 9 });
  return brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } });
}

/** The file's bytes as they were at `mtimeMs`, plain (`null`) or in the given encoding. */
export function compressed(file: string, mtimeMs: number, encoding: Encoding | null): Promise<Buffer> {
  let v = cache.get(file);
  if (!v || v.mtimeMs !== mtimeMs) {
    v = { mtimeMs, plain: readFile(file), encoded: {} };
    cache.delete(file);
    cache.set(file, v);
    if (cache.size > MAX_FILES) cache.delete(cache.keys().next().value as string);
    // A failed read must not stay cached: the next request tries again.
    const failed = v;
    v.plain.catch(() => cache.get(file) === failed && cache.delete(file));
  }
  if (!encoding) return v.plain;
  return (v.encoded[encoding] ??= v.plain.then((b) => encode(b, encoding)));
}

/** The encoding to send for an Accept-Encoding header: brotli, else gzip, else none (q=0 refuses). */
export function pickEncoding(header: string | undefined): Encoding | null {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';').map((p) => p.trim());
    const qp = params.find((p) => p.startsWith('q='));
    if (name) q.set(name, qp ? Number(qp.slice(2)) : 1);
  }
  for (const enc of ['br', 'gzip'] as const) {
    const weight = q.get(enc) ?? q.get('*') ?? 0;
    if (weight > 0) return enc;
  }
  return null;
}

/** Below this an answer goes plain: the headers would eat the saving. */
export const ANSWER_MIN_BYTES = 1024;

/**
 * Issue #25: an API answer compressed for the client that accepts it — brotli at a fast quality
 * (4: ~1 ms for 100 KB of JSON, about gzip-9's size) or gzip at level 6. Answers are per caller and
 * never cached, so this runs per request, synchronously: a few hundred µs for a typical list.
 */
export function compressAnswer(body: Buffer, encoding: Encoding | null): { bytes: Buffer; encoding: Encoding | null } {
  if (!encoding || body.length < ANSWER_MIN_BYTES) return { bytes: body, encoding: null };
  if (encoding === 'br') return { bytes: brotliCompressSync(body, answerBrotli(body)), encoding };
  return { bytes: gzipSync(body, { level: 6 }), encoding };
}

const answerBrotli = (body: Buffer) => ({ params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } });

/**
 * Issue #25: from this size an answer is compressed on libuv's thread pool (zlib's async API), not
 * on the event loop: a 1 MB list costs ~10 ms of brotli, which every other request would wait for.
 */
export const ANSWER_ASYNC_BYTES = 64 * 1024;

/** compressAnswer off the event loop (same bytes), for answers of ANSWER_ASYNC_BYTES or more. */
export async function compressAnswerAsync(body: Buffer, encoding: Encoding | null): Promise<{ bytes: Buffer; encoding: Encoding | null }> {
  if (!encoding || body.length < ANSWER_MIN_BYTES) return { bytes: body, encoding: null };
  return { bytes: encoding === 'br' ? await brotli(body, answerBrotli(body)) : await gz(body, { level: 6 }), encoding };
}
