// The local host's files and QR codes (server/outputs.ts): files live under DATA_DIR/files with a
// random id; GET /api/files/<id> answers them only to the session of the person they were made for.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeMaker, FileOutlet } from '../outputs';

interface FileMeta {
  fileName: string;
  contentType: string;
  ownerId: string;
}

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

  /** The file if `id` names one made for `userId`; null otherwise (a stranger learns nothing). */
  open(id: string, userId: string): (FileMeta & { bytes: Buffer }) | null {
    if (!/^[0-9a-f]{32}$/.test(id)) return null;
    const metaPath = join(this.dir, `${id}.json`);
    if (!existsSync(metaPath)) return null;
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as FileMeta;
    if (meta.ownerId !== userId) return null;
    return { ...meta, bytes: readFileSync(join(this.dir, `${id}.bin`)) };
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
