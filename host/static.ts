// Serves the H5 build. Hash routing means every page is index.html; text files are sent brotli- or
// gzip-compressed when the browser accepts it, compressed once per file version and kept in memory.
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { countRefusal } from '../server/kit/metrics';
import { compressed, pickEncoding } from './compress';
import { appPolicy, inlineScriptHashes } from './headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Worth compressing: text and uncompressed fonts. Images and woff2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.txt', '.svg', '.ico', '.ttf']);

interface Found {
  file: string;
  mtimeMs: number;
  size: number;
}

async function regularFile(file: string): Promise<Found | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? { file, mtimeMs: s.mtimeMs, size: s.size } : null;
  } catch {
    return null;
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** Taro's output names: `app.8caf23f2.js`, `1143.7ce69fd2.js`, `css/app.1a2b3c4d.css`. */
const HASHED = /\.[0-9a-f]{8}\.(js|css)$/;

/** A weak validator from the file's size and modification time (the bytes are cached per mtime anyway). */
function etagOf(found: Found): string {
  return `W/"${Math.floor(found.mtimeMs).toString(36)}-${found.size.toString(36)}"`;
}

export async function serveStatic(root: string, urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    // `/%`, `/%ff`: no file can have that name; say so instead of throwing (issue #6, defect 1).
    countRefusal('bad_request');
    return plain(res, 400, '请求路径无效');
  }
  if (decoded.includes('\0')) {
    countRefusal('bad_request');
    return plain(res, 400, '请求路径无效');
  }
  const base = resolve(root);
  const rel = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  const wanted = join(base, rel);
  if (wanted !== base && !wanted.startsWith(base + sep)) return plain(res, 404, '未找到');
  let found = await regularFile(wanted);
  if (!found) {
    if (extname(rel)) return plain(res, 404, '未找到');
    found = await regularFile(join(base, 'index.html'));
    if (!found) return plain(res, 503, 'H5 应用尚未构建：请先运行 npm run build:h5');
  }
  const ext = extname(found.file);
  const html = ext === '.html';
  const body = await compressed(found.file, found.mtimeMs, null);
  const headers: Record<string, string> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // Issue #25: a hashed chunk's name changes with its content, so it never needs asking again;
    // index.html (which names the current chunks) and unhashed files are revalidated by their ETag.
    'cache-control': html ? 'no-cache' : HASHED.test(found.file) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    etag: etagOf(found),
  };
  if (!HASHED.test(found.file) && req.headers['if-none-match'] === headers.etag) {
    res.writeHead(304, { 'cache-control': headers['cache-control'], etag: headers.etag, ...(html ? { 'content-security-policy': appPolicy(inlineScriptHashes(body.toString('utf8'))) } : {}) });
    return void res.end();
  }
  // The inline script Taro writes into index.html runs only by its hash, never any other.
  if (html) headers['content-security-policy'] = appPolicy(inlineScriptHashes(body.toString('utf8')));
  let sent = body;
  if (COMPRESSIBLE.has(ext)) {
    headers.vary = 'Accept-Encoding';
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (encoding) {
      sent = await compressed(found.file, found.mtimeMs, encoding);
      headers['content-encoding'] = encoding;
    }
  }
  headers['content-length'] = String(sent.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : sent);
}
