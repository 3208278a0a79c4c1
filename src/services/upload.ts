// Evidence files of a completed task (Art. 11: the unit marks its task done with evidence): the
// one place that knows how each platform picks, checks, uploads and opens them.
// - H5 (the local host): an <input type=file> hands over browser Files; each is sent as the raw
//   body of `POST /api/upload` under the session token, with its name in `x-file-name`
//   (percent-encoded), and answered with a `local:` file id. XMLHttpRequest, for upload progress.
// - WeChat: chooseMedia (photos) / chooseMessageFile (PDF from a chat) give temporary paths;
//   wx.cloud.uploadFile puts each under `evidence/<owner's person id>/`, the only folder the
//   server accepts as the owner's, and answers a `cloud://` file id.
// The server judges the type by the bytes and refuses over 10 MB; the same checks run here first
// so a person learns at once, in words, which file cannot be used.
import Taro from '@tarojs/taro';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES, type EvidenceType, sniffEvidenceType } from '../../domain/task-rules';
import type { FileLinkView } from '../../domain/schemas/meeting';
import { ApiError, getSessionToken, NETWORK_MESSAGE } from './api';
import { openServerFile } from './files';
import { PrivacyRefused, withPrivacy } from './privacy';

export { EVIDENCE_MAX_FILES };

/** A file picked on this device, not yet uploaded. */
export interface PickedFile {
  /** unique on this page */
  key: string;
  name: string;
  size: number;
  /** JPG, PNG or PDF by its first bytes (by the name when the bytes cannot be read); null: none of them */
  type: EvidenceType | null;
  /** an image's thumbnail: a blob: URL (H5) or the temporary path (WeChat); null for a PDF */
  preview: string | null;
  /** WeChat: the temporary file path */
  path?: string;
  /** H5: the browser's file */
  blob?: Blob;
}

/** An uploaded evidence file, as task.complete names it. */
export interface UploadedFile {
  fileId: string;
  fileName: string;
}

/** The accept list of the H5 file input. */
export const EVIDENCE_ACCEPT = 'image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf';

const LIMIT_MB = Math.round(EVIDENCE_MAX_BYTES / 1024 / 1024);

/** Why this file cannot be evidence, in words; null when it can. */
export function evidenceProblem(f: Pick<PickedFile, 'name' | 'size' | 'type'>): string | null {
  if (!f.type) return `「${f.name}」不是 JPG、PNG 图片或 PDF 文件，不能作为证明材料`;
  if (f.size > EVIDENCE_MAX_BYTES) return `「${f.name}」超过 ${LIMIT_MB} MB，请压缩后再上传`;
  if (f.size === 0) return `「${f.name}」是空文件，请重新选择`;
  return null;
}

/** e.g. 1.2 MB, 36 KB */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

let seq = 0;
const nextKey = () => `f${Date.now().toString(36)}${(seq++).toString(36)}`;

function typeByName(name: string): EvidenceType | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'png') return 'image/png';
  if (ext === 'pdf') return 'application/pdf';
  return null;
}

const isImage = (t: EvidenceType | null) => t === 'image/jpeg' || t === 'image/png';

// ---- H5 ----

async function headOf(blob: Blob): Promise<Uint8Array> {
  const part = blob.slice(0, 16);
  if (typeof part.arrayBuffer === 'function') return new Uint8Array(await part.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(part);
  });
}

/** H5: the files an <input type=file> handed over, each typed by its bytes. */
export async function fromBrowserFiles(files: ArrayLike<File>): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  for (const file of Array.from(files)) {
    let type: EvidenceType | null;
    try {
      type = sniffEvidenceType(await headOf(file));
    } catch {
      type = typeByName(file.name);
    }
    out.push({ key: nextKey(), name: file.name || '证明材料', size: file.size, type, preview: isImage(type) ? URL.createObjectURL(file) : null, blob: file });
  }
  return out;
}

/** Frees a thumbnail made for the page (H5 blob: URLs). */
export function releasePreview(f: PickedFile): void {
  if (process.env.TARO_ENV === 'h5' && f.preview?.startsWith('blob:')) URL.revokeObjectURL(f.preview);
}

function envelopeError(text: string, status: number): ApiError {
  try {
    const body = JSON.parse(text) as { ok?: boolean; error?: { code?: string; message?: string; details?: unknown } };
    if (body && body.ok === false && body.error?.message) {
      const code = (body.error.code ?? 'internal') as ConstructorParameters<typeof ApiError>[0];
      return new ApiError(code, body.error.message, body.error.details);
    }
  } catch {
    // not an envelope: a proxy's page
  }
  return status === 0 ? new ApiError('network', NETWORK_MESSAGE) : new ApiError('internal', '上传失败，请稍后再试');
}

function uploadH5(f: PickedFile, onProgress: (percent: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    if (!f.blob) return reject(new ApiError('validation_error', '文件已失效，请重新选择'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/upload');
    const token = getSessionToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('x-file-name', encodeURIComponent(f.name));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onerror = () => reject(new ApiError('network', NETWORK_MESSAGE));
    xhr.onabort = () => reject(new ApiError('network', NETWORK_MESSAGE));
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { ok?: boolean; data?: { fileId?: unknown; fileName?: unknown } };
        if (body?.ok === true && typeof body.data?.fileId === 'string') {
          onProgress(100);
          resolve({ fileId: body.data.fileId, fileName: typeof body.data.fileName === 'string' ? body.data.fileName : f.name });
          return;
        }
      } catch {
        // fall through to the refusal
      }
      reject(envelopeError(xhr.responseText, xhr.status));
    };
    xhr.send(f.blob);
  });
}

// ---- WeChat ----

function errMsgOf(e: unknown): string {
  return String((e as { errMsg?: unknown } | null)?.errMsg ?? '');
}

function sniffPath(path: string, name: string): EvidenceType | null {
  try {
    const head = Taro.getFileSystemManager().readFileSync(path, undefined, 0, 16);
    if (head instanceof ArrayBuffer) return sniffEvidenceType(new Uint8Array(head));
  } catch {
    // an old base library without ranged reads: judged by the name (the server judges the bytes)
  }
  return typeByName(name);
}

function lastPart(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1) || '照片';
}

/**
 * WeChat: photos (album or camera) or a PDF / photo from a chat. Resolves [] when the person
 * cancelled. At most `count` files.
 */
export async function pickInWeapp(source: 'photo' | 'chat', count: number): Promise<PickedFile[]> {
  try {
    if (source === 'photo') {
      const res = await withPrivacy('chooseMedia', () => Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] }));
      return res.tempFiles.map((t, i) => {
        const name = `照片${i + 1}.${t.tempFilePath.toLowerCase().endsWith('.png') ? 'png' : 'jpg'}`;
        const type = sniffPath(t.tempFilePath, lastPart(t.tempFilePath));
        return { key: nextKey(), name, size: t.size, type, preview: isImage(type) ? t.tempFilePath : null, path: t.tempFilePath };
      });
    }
    const res = await withPrivacy('chooseMessageFile', () => Taro.chooseMessageFile({ count, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'] }));
    return res.tempFiles.map((t) => {
      const type = sniffPath(t.path, t.name);
      return { key: nextKey(), name: t.name, size: t.size, type, preview: isImage(type) ? t.path : null, path: t.path };
    });
  } catch (e) {
    if (/cancel/i.test(errMsgOf(e))) return [];
    // issue #24: a declined privacy guide is said as such, not blamed on the album permission
    if (e instanceof PrivacyRefused) throw new ApiError('forbidden', e.message);
    throw new ApiError('internal', source === 'photo' ? '未能选择照片，请在微信设置中允许访问相册和相机后重试' : '未能选择文件，请重试');
  }
}

/**
 * The cloud path's last part: ASCII only (`[A-Za-z0-9._-]` in a cloud file id), so a Chinese name is
 * reduced to its letters and digits here; the picked name is sent beside the id in task.complete.
 */
export function cloudFileName(name: string, type: EvidenceType | null, stamp: number): string {
  const ext = type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg';
  const base = name.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '').slice(0, 40);
  return `${stamp}-${base || 'evidence'}.${ext}`;
}

function uploadWeapp(f: PickedFile, ownerId: string, onProgress: (percent: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    if (!f.path) return reject(new ApiError('validation_error', '文件已失效，请重新选择'));
    const fileName = cloudFileName(f.name, f.type, Date.now());
    // The cloud is initialised by services/api.ts on the page's first call (task.get), made before
    // the completion sheet can open.
    const task = Taro.cloud.uploadFile({
      cloudPath: `evidence/${ownerId}/${fileName}`,
      filePath: f.path,
      success: (res) => {
        onProgress(100);
        resolve({ fileId: res.fileID, fileName });
      },
      fail: () => reject(new ApiError('network', '上传失败，请检查网络后重试')),
    });
    task?.onProgressUpdate?.((p) => onProgress(Math.min(99, p.progress)));
  });
}

/**
 * Uploads one checked file as evidence of `ownerId`'s task (their person id names the cloud
 * folder in WeChat); `onProgress` hears 0–100.
 */
export function uploadEvidence(f: PickedFile, ownerId: string, onProgress: (percent: number) => void): Promise<UploadedFile> {
  const problem = evidenceProblem(f);
  if (problem) return Promise.reject(new ApiError('validation_error', problem));
  onProgress(0);
  return process.env.TARO_ENV === 'weapp' ? uploadWeapp(f, ownerId, onProgress) : uploadH5(f, onProgress);
}

// ---- opening a kept file ----


/**
 * Opens an evidence file from its link (task.evidence): in a browser it is fetched under the
 * session and saved (the phone or the desk opens it); in WeChat a photo is previewed and a PDF
 * downloaded and opened.
 */
export async function openEvidence(link: FileLinkView, contentType: string): Promise<void> {
  if (process.env.TARO_ENV !== 'h5' && contentType.startsWith('image/')) {
    try {
      await Taro.previewImage({ urls: [link.url], current: link.url });
      return;
    } catch {
      throw new ApiError('network', '图片打开失败，请检查网络后重试');
    }
  }
  return openServerFile(link, {
    fileType: 'pdf', gone: '文件已失效，请重新打开', failed: '打开失败，请稍后再试', cantOpen: '文件已下载，但无法打开，请安装可查看 PDF 的应用', fallbackName: '证明材料',
  });
}
