// The evidence of 标记完成: files picked (WeChat: photos or a chat's PDF, after the privacy
// authorisation pickInWeapp asks for; H5: the file input), checked, uploaded at once with their
// progress (services/upload.ts), retried or removed; thumbnails are freed when dropped or when the
// page closes. Nothing here is a write: the ids travel with task.complete.
import Taro from '@tarojs/taro';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../../services/api';
import { EVIDENCE_MAX_FILES, type PickedFile, evidenceProblem, fromBrowserFiles, pickInWeapp, releasePreview, uploadEvidence } from '../../../services/upload';

/** A picked evidence file and how its upload goes. */
export interface Evidence extends PickedFile {
  state: 'uploading' | 'done' | 'failed';
  percent: number;
  fileId?: string;
  error?: string;
}

export interface EvidenceFiles {
  files: Evidence[];
  pickError: string | null;
  /** the H5 file input, clicked by pick() */
  input: { current: HTMLInputElement | null };
  uploading: boolean;
  failed: Evidence[];
  /** the uploaded files as task.complete takes them (the picked name travels with the id) */
  payload(): Array<{ fileId: string; fileName?: string }>;
  pick(ownerId: string): void;
  onBrowserFiles(e: ChangeEvent<HTMLInputElement>, ownerId: string): void;
  retry(f: Evidence, ownerId: string): void;
  remove(key: string): void;
  /** sent with the task: every file dropped */
  clear(): void;
  clearPickError(): void;
}

/** `busy`: a write of the page runs, so nothing is picked or removed. */
export function useEvidence(busy: boolean): EvidenceFiles {
  const [files, setFiles] = useState<Evidence[]>([]);
  const [pickError, setPickError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement | null>(null);
  const filesRef = useRef(files);
  filesRef.current = files;

  // The thumbnails made for this page are freed when it closes.
  useEffect(() => () => filesRef.current.forEach(releasePreview), []);

  const uploadOne = (f: Evidence, ownerId: string) => {
    const patch = (p: Partial<Evidence>) => setFiles((all) => all.map((x) => (x.key === f.key ? { ...x, ...p } : x)));
    patch({ state: 'uploading', percent: 0, error: undefined });
    uploadEvidence(f, ownerId, (percent) => patch({ percent })).then(
      (up) => patch({ state: 'done', percent: 100, fileId: up.fileId }),
      (e: unknown) => patch({ state: 'failed', error: toApiError(e).message }),
    );
  };

  const addFiles = (picked: PickedFile[], ownerId: string) => {
    const room = EVIDENCE_MAX_FILES - filesRef.current.length;
    const problems = picked.map(evidenceProblem).filter((p): p is string => p !== null);
    const good = picked.filter((f) => !evidenceProblem(f));
    const taken = good.slice(0, Math.max(0, room));
    good.slice(taken.length).forEach(releasePreview);
    picked.filter((f) => evidenceProblem(f)).forEach(releasePreview);
    if (good.length > taken.length) problems.push(`证明材料最多 ${EVIDENCE_MAX_FILES} 个，多选的 ${good.length - taken.length} 个未添加`);
    setPickError(problems.length ? problems.join('；') : null);
    const added: Evidence[] = taken.map((f) => ({ ...f, state: 'uploading', percent: 0 }));
    setFiles((all) => [...all, ...added]);
    added.forEach((f) => uploadOne(f, ownerId));
  };

  const pick = (ownerId: string) => {
    if (busy) return;
    if (filesRef.current.length >= EVIDENCE_MAX_FILES) {
      setPickError(`证明材料最多 ${EVIDENCE_MAX_FILES} 个`);
      return;
    }
    if (process.env.TARO_ENV === 'h5') {
      input.current?.click();
      return;
    }
    void Taro.showActionSheet({ itemList: ['拍照或从相册选择', '从微信聊天选择 PDF 或图片'] }).then(
      (r) =>
        pickInWeapp(r.tapIndex === 0 ? 'photo' : 'chat', EVIDENCE_MAX_FILES - filesRef.current.length).then(
          (picked) => addFiles(picked, ownerId),
          (e: unknown) => setPickError(toApiError(e).message),
        ),
      () => undefined, // the sheet was dismissed
    );
  };

  const onBrowserFiles = (e: ChangeEvent<HTMLInputElement>, ownerId: string) => {
    const el = e.target;
    const chosen = el.files ? Array.from(el.files) : [];
    // the same file may be picked again after it was removed
    el.value = '';
    if (chosen.length) void fromBrowserFiles(chosen).then((picked) => addFiles(picked, ownerId));
  };

  const remove = (key: string) => {
    if (busy) return;
    const f = filesRef.current.find((x) => x.key === key);
    if (f) releasePreview(f);
    setFiles((all) => all.filter((x) => x.key !== key));
    setPickError(null);
  };

  const clear = () => {
    filesRef.current.forEach(releasePreview);
    setFiles([]);
  };

  return {
    files,
    pickError,
    input,
    uploading: files.some((f) => f.state === 'uploading'),
    failed: files.filter((f) => f.state === 'failed'),
    payload: () => files.flatMap((f) => (f.fileId ? [{ fileId: f.fileId, ...(f.name.trim() ? { fileName: f.name.trim().slice(0, 80) } : {}) }] : [])),
    pick,
    onBrowserFiles,
    retry: uploadOne,
    remove,
    clear,
    clearPickError: () => setPickError(null),
  };
}
