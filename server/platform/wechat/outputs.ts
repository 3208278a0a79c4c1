// The WeChat cloud's files and codes (server/kit/outputs.ts): a download is uploaded to cloud storage
// and answered with a temporary link; the door's code is a mini-program code from
// wxacode.getUnlimited (permission declared in the function's config.json). The SDK is passed in,
// typed by only what is called here, so tests use a stand-in.
import { EVIDENCE_TYPES, type EvidenceType } from '../../../domain';
import { cleanFileName, withTypeExtension } from '../../../domain/files';
import { judgeEvidence } from '../../security/evidence-bytes';
import type { CodeMaker, FileOutlet } from '../../kit/outputs';

const isEvidenceType = (t: string): t is EvidenceType => (EVIDENCE_TYPES as readonly string[]).includes(t);

export interface CloudFilesApi {
  uploadFile(opts: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(opts: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{ fileList: Array<{ tempFileURL: string; status: number }> }>;
  downloadFile(opts: { fileID: string }): Promise<{ fileContent: Buffer }>;
}

export interface WxacodeApi {
  getUnlimited(opts: { scene: string; page: string; checkPath: boolean; envVersion: string; width: number }): Promise<{ buffer: Buffer; contentType?: string }>;
}

/** links live an hour: long enough to download, short enough not to travel */
const LINK_SECONDS = 3600;

/** The app uploads evidence to `evidence/<personId>/<name>` (wx.cloud.uploadFile); only that folder counts as theirs. */
export function evidenceFolder(ownerId: string): string {
  return `/evidence/${ownerId}/`;
}

async function tempLink(api: CloudFilesApi, fileID: string): Promise<string> {
  const { fileList } = await api.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_SECONDS }] });
  const url = fileList[0]?.tempFileURL;
  if (!url) throw new Error('getTempFileURL returned no link');
  return url;
}

export function cloudFiles(api: CloudFilesApi, now: () => Date): FileOutlet {
  return {
    inspect: async (fileId, ownerId) => {
      if (!fileId.startsWith('cloud://') || !fileId.includes(evidenceFolder(ownerId)) || fileId.includes('..')) return null;
      try {
        const { fileContent } = await api.downloadFile({ fileID: fileId });
        const fileName = cleanFileName(decodeURIComponent(fileId.slice(fileId.lastIndexOf('/') + 1)));
        // issue #17: the whole bytes judged by their structure; a refused file answers an empty head
        const verdict = judgeEvidence(fileContent);
        if (!verdict.ok) return { fileName, size: fileContent.length, head: new Uint8Array(0), problem: verdict.problem };
        return { fileName: withTypeExtension(fileName, verdict.type), size: fileContent.length, head: new Uint8Array(fileContent.subarray(0, 16)) };
      } catch {
        return null; // deleted or never uploaded: the same answer as someone else's file
      }
    },
    // the name the app saves it under ends in the extension of the type its bytes were judged to be
    share: async (fileId, fileName, contentType) => ({ fileName: isEvidenceType(contentType) ? withTypeExtension(fileName, contentType) : cleanFileName(fileName), url: await tempLink(api, fileId) }),
    // an evidence upload's bytes, for the archive (issue #21): only files under evidence/, never a made export
    read: async (fileId) => {
      if (!fileId.startsWith('cloud://') || !fileId.includes('/evidence/') || fileId.includes('..')) return null;
      try {
        const { fileContent } = await api.downloadFile({ fileID: fileId });
        return new Uint8Array(fileContent);
      } catch {
        return null;
      }
    },
    put: async ({ fileName, bytes, ownerId }) => {
      const stamp = now().toISOString().replace(/[^0-9]/g, '').slice(0, 14);
      const { fileID } = await api.uploadFile({ cloudPath: `exports/${ownerId}/${stamp}-${fileName}`, fileContent: Buffer.from(bytes) });
      return { fileName, url: await tempLink(api, fileID) };
    },
  };
}

export function wechatCodes(api: WxacodeApi, envVersion: string): CodeMaker {
  return {
    qr: async (page, scene) => {
      // WeChat's rules: page without a leading slash or query; scene ≤ 32 visible ASCII characters
      const res = await api.getUnlimited({ scene, page: page.replace(/^\//, '').split('?')[0], checkPath: false, envVersion, width: 430 });
      return `data:${res.contentType ?? 'image/jpeg'};base64,${Buffer.from(res.buffer).toString('base64')}`;
    },
  };
}
