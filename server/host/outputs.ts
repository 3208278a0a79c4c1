// The local host's files and QR codes (server/outputs.ts): files live under DATA_DIR/files with a
// random id; GET /api/files/<id> answers them only to the session of the person they were made for.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeMaker, FileOutlet } from '../outputs';

interface FileMeta {
  fileName: string;
  contentType: string;
  ownerId: string;
  /** an upload (evidence) rather than a made download */
  upload?: boolean;
  /** a shared link's bytes live under another id */
  bin?: string;
}

const ID = /^[0-9a-f]{32}$/;

export class LocalFiles implements FileOutlet {
  constructor(private readonly dir: string) {}

  async put(file: { fileName: string; contentType: string; bytes: Uint8Array; ownerId: string }) {
    mkdirSync(this.dir, { recursive: true });
    const id = randomBytes(16).toString('hex');
    writeFileSync(join(this.dir, `${id}.bin`), file.bytes);
    const meta: FileMeta = { fileName: file.fileName, contentType: file.contentType, ownerId: file.ownerId };
    writeFileSync(join(this.dir, `${id}.json`), JSON.stringify(meta));
    return { fileName: file.fileName, url: `/api/files/${id}` };
  }

  /** `POST /api/upload`: keeps an upload (evidence) for its owner; answers its file id. */
  upload(file: { fileName: string; bytes: Uint8Array; contentType: string; ownerId: string }): string {
    mkdirSync(this.dir, { recursive: true });
    const id = randomBytes(16).toString('hex');
    writeFileSync(join(this.dir, `${id}.bin`), file.bytes);
    const meta: FileMeta = { fileName: file.fileName, contentType: file.contentType, ownerId: file.ownerId, upload: true };
    writeFileSync(join(this.dir, `${id}.json`), JSON.stringify(meta));
    return `local:${id}`;
  }

  async inspect(fileId: string, ownerId: string) {
    const id = fileId.startsWith('local:') ? fileId.slice(6) : '';
    const meta = this.meta(id);
    if (!meta?.upload || meta.ownerId !== ownerId) return null;
    const path = join(this.dir, `${id}.bin`);
    const head = Buffer.alloc(16);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
    return { fileName: meta.fileName, size: statSync(path).size, head: new Uint8Array(head) };
  }

  /** A link for one viewer to an upload's bytes (no copy: the link's meta names the upload). */
  async share(fileId: string, fileName: string, contentType: string, viewerId: string) {
    const bin = fileId.startsWith('local:') ? fileId.slice(6) : '';
    if (!this.meta(bin)?.upload) throw new Error('no such upload');
    const id = randomBytes(16).toString('hex');
    const meta: FileMeta = { fileName, contentType, ownerId: viewerId, bin };
    writeFileSync(join(this.dir, `${id}.json`), JSON.stringify(meta));
    return { fileName, url: `/api/files/${id}` };
  }

  private meta(id: string): FileMeta | null {
    if (!ID.test(id)) return null;
    const metaPath = join(this.dir, `${id}.json`);
    return existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as FileMeta) : null;
  }

  /** The file if `id` names one made for `userId`; null otherwise (a stranger learns nothing). */
  open(id: string, userId: string): (FileMeta & { bytes: Buffer }) | null {
    const meta = this.meta(id);
    if (!meta || meta.ownerId !== userId) return null;
    const bin = meta.bin && ID.test(meta.bin) ? meta.bin : id;
    return { ...meta, bytes: readFileSync(join(this.dir, `${bin}.bin`)) };
  }
}

/** A QR that opens the H5 page (the local stand-in for a mini-program code). */
export function localCodes(baseUrl: () => string): CodeMaker {
  return {
    qr: async (page, scene) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const QRCode = require('qrcode') as typeof import('qrcode');
      return QRCode.toDataURL(`${baseUrl()}#/${page}?scene=${encodeURIComponent(scene)}`, { margin: 1, width: 320 });
    },
  };
}
