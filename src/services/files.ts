// Files the server made (an xlsx export, a .docx, an evidence PDF): in a browser the local host's
// link is fetched under the session and handed to the browser's download; in WeChat the
// temporary cloud link is downloaded and opened in the document viewer.
import Taro from '@tarojs/taro';
import type { FileLinkView } from '../../domain/schemas/meeting';
import { ApiError, getSessionToken, NETWORK_MESSAGE } from './api';

/** A file name without the characters file systems refuse. */
export function safeFileName(name: string, fallback = 'file'): string {
  return name.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim().slice(0, 80) || fallback;
}

/** H5: hand a file to the browser's download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export interface OpenFileWords {
  /** WeChat's openDocument type */
  fileType: 'xlsx' | 'docx' | 'pdf';
  /** the link is gone (404) */
  gone: string;
  /** any other failure of the browser's fetch */
  failed: string;
  /** downloaded in WeChat, but no viewer could open it */
  cantOpen: string;
  /** the saved name when the link's name has nothing left */
  fallbackName?: string;
}

/** In a browser: the file behind a link, fetched under the session; refusals said in `words`. */
async function fetchUnderSession(link: FileLinkView, words: Pick<OpenFileWords, 'gone' | 'failed'>): Promise<Response> {
  const token = getSessionToken();
  let res: Response;
  try {
    res = await fetch(link.url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError('network', NETWORK_MESSAGE);
  }
  if (!res.ok) throw new ApiError(res.status === 404 ? 'not_found' : 'internal', res.status === 404 ? words.gone : words.failed);
  return res;
}

export async function openServerFile(link: FileLinkView, words: OpenFileWords): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetchUnderSession(link, words);
    saveBlob(await res.blob(), safeFileName(link.fileName, words.fallbackName));
    return;
  }
  let filePath: string;
  try {
    const res = await Taro.downloadFile({ url: link.url });
    if (res.statusCode !== 200) throw new Error(String(res.statusCode));
    filePath = res.tempFilePath;
  } catch {
    throw new ApiError('network', '下载失败，请检查网络后重试');
  }
  try {
    await Taro.openDocument({ filePath, fileType: words.fileType, showMenu: true });
  } catch {
    throw new ApiError('internal', words.cantOpen);
  }
}

/**
 * Issue #22: a file to show inside the app, never saved: in a browser fetched under the session
 * and answered as a blob: URL; in WeChat an image is shown from its link and a PDF is opened in
 * WeChat's own viewer with its menu (forward, save) hidden.
 */
export async function viewServerFile(link: FileLinkView, contentType: string): Promise<string | null> {
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetchUnderSession(link, { gone: '文件已失效，请重新打开', failed: '打开失败，请稍后再试' });
    return URL.createObjectURL(new Blob([await res.arrayBuffer()], { type: contentType }));
  }
  if (contentType.startsWith('image/')) return link.url;
  try {
    const res = await Taro.downloadFile({ url: link.url });
    if (res.statusCode !== 200) throw new Error(String(res.statusCode));
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: false });
  } catch {
    throw new ApiError('network', '打开失败，请检查网络后重试');
  }
  return null;
}
