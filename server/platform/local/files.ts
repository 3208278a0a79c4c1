// The local host's files and QR codes (server/kit/outputs.ts): files live under DATA_DIR/files with a
// random id; GET /api/files/<id> answers them only to the session of the person they were made for.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVIDENCE_TYPES, type EvidenceType } from '../../../domain';
import { cleanFileName, withTypeExtension } from '../../../domain/files';
import { judgeEvidence } from '../../security/evidence-bytes';
import type { CodeMaker, FileOutlet } from '../../kit/outputs';
import type { UploadShelf } from '../../security/uploads';

interface FileMeta {
  fileName: string;
  contentType: string;
  ownerId: string;
  /** an upload (evidence) rather than a made download */
  upload?: boolean;
  /** a shared link's bytes live under another id */
  bin?: string;
  /** when an upload arrived (real time), for the sweep of unattached uploads */
  at?: string;
  /** an upload the sweep found named by a task: kept for good */
  attached?: boolean;
}

const isEvidenceType = (t: string): t is EvidenceType => (EVIDENCE_TYPES as readonly string[]).includes(t);

const ID = /^[0-9a-f]{32}$/;

export class LocalFiles implements FileOutlet, UploadShelf {
  constructor(private readonly dir: string) {}

  async put(file: { fileName: string; contentType: string; bytes: Uint8Array; ownerId: string }) {
    mkdirSync(this.dir, { recursive: true });
    const id = randomBytes(16).toString('hex');
    writeFileSync(join(this.dir, `${id}.bin`), file.bytes);
    const meta: FileMeta = { fileName: file.fileName, contentType: file.contentType, ownerId: file.ownerId };
    writeFileSync(join(this.dir, `${id}.json`), JSON.stringify(meta));
    return { fileName: file.fileName, url: `/api/files/${id}` };
  }

  /** `POST /api/upload`: keeps an upload (evidence) for its owner under a cleaned name; answers its file id. */
  upload(file: { fileName: string; bytes: Uint8Array; contentType: string; ownerId: string }): string {
    mkdirSync(this.dir, { recursive: true });
    const id = randomBytes(16).toString('hex');
    writeFileSync(join(this.dir, `${id}.bin`), file.bytes);
    const fileName = isEvidenceType(file.contentType) ? withTypeExtension(file.fileName, file.contentType) : cleanFileName(file.fileName);
    const meta: FileMeta = { fileName, contentType: file.contentType, ownerId: file.ownerId, upload: true, at: new Date().toISOString() };
    writeFileSync(join(this.dir, `${id}.json`), JSON.stringify(meta));
    return `local:${id}`;
  }

  /**
   * The owner's upload, judged again by its whole bytes (issue #17): a file whose structure is not
   * what its magic number says answers an empty head, which no type check admits.
   */
  async inspect(fileId: string, ownerId: string) {
    const id = fileId.startsWith('local:') ? fileId.slice(6) : '';
    const meta = this.meta(id);
    if (!meta?.upload || meta.ownerId !== ownerId) return null;
    const path = join(this.dir, `${id}.bin`);
    if (!existsSync(path)) return null;
    const bytes = readFileSync(path);
    const verdict = judgeEvidence(bytes);
    return {
      fileName: verdict.ok ? withTypeExtension(meta.fileName, verdict.type) : cleanFileName(meta.fileName),
      size: statSync(path).size,
      head: verdict.ok ? new Uint8Array(bytes.subarray(0, 16)) : new Uint8Array(0),
      ...(verdict.ok ? {} : { problem: verdict.problem }),
    };
  }

  /** A link for one viewer to an upload's bytes (no copy: the link's meta names the upload). */
  async share(fileId: string, fileName: string, contentType: string, viewerId: string) {
    const bin = fileId.startsWith('local:') ? fileId.slice(6) : '';
    if (!this.meta(bin)?.upload) throw new Error('no such upload');
    const id = randomBytes(16).toString('hex');
    // the name a viewer saves it under ends in the extension of the type its bytes were judged to be
    const shown = isEvidenceType(contentType) ? withTypeExtension(fileName, contentType) : cleanFileName(fileName);
    const meta: FileMeta = { fileName: shown, contentType, ownerId: viewerId, bin };
    writeFileSync(join(this.dir, `${id}.json`), JSON.stringify(meta));
    return { fileName: shown, url: `/api/files/${id}` };
  }

  /** An upload's bytes (the archive's evidence files); null when absent or not an upload. */
  async read(fileId: string): Promise<Uint8Array | null> {
    const id = fileId.startsWith('local:') ? fileId.slice(6) : '';
    if (!this.meta(id)?.upload) return null;
    const path = join(this.dir, `${id}.bin`);
    return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
  }

  /** UploadShelf: uploads the sweep has not yet found named by a task. */
  unattached(): Array<{ fileId: string; ownerId: string; at: string }> {
    if (!existsSync(this.dir)) return [];
    const out: Array<{ fileId: string; ownerId: string; at: string }> = [];
    for (const name of readdirSync(this.dir)) {
      const id = name.endsWith('.json') ? name.slice(0, -5) : '';
      const meta = this.meta(id);
      if (meta?.upload && !meta.attached) out.push({ fileId: `local:${id}`, ownerId: meta.ownerId, at: meta.at ?? new Date(statSync(join(this.dir, name)).mtimeMs).toISOString() });
    }
    return out;
  }

  attached(fileId: string): void {
    const id = fileId.replace(/^local:/, '');
    const meta = this.meta(id);
    if (meta) writeFileSync(join(this.dir, `${id}.json`), JSON.stringify({ ...meta, attached: true }));
  }

  /** Removes an upload's bytes and meta (links shared from it stop answering: their bytes are gone). */
  remove(fileId: string): void {
    const id = fileId.replace(/^local:/, '');
    if (!ID.test(id)) return;
    rmSync(join(this.dir, `${id}.bin`), { force: true });
    rmSync(join(this.dir, `${id}.json`), { force: true });
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
    const path = join(this.dir, `${bin}.bin`);
    return existsSync(path) ? { ...meta, bytes: readFileSync(path) } : null;
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
