// Issue #19: drafts survive. A form's unsaved content is kept on the device per record and person
// (`key`), a moment after each change; after a reload the page offers it back (恢复草稿) instead of
// applying it unasked; it is dropped once sent or discarded. While there are unsaved changes the
// page warns before it is left (the browser's leave prompt on H5, WeChat's before-unload alert).
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'draft_';
const SAVE_AFTER_MS = 500;

export interface StoredDraft<T> {
  value: T;
  savedAt: string;
}

export interface LocalDraft<T> {
  /** a draft kept from before, different from what the form now shows, waiting for 恢复 / 放弃 */
  offer: StoredDraft<T> | null;
  /** take the kept draft (the caller puts it in the form) */
  restore(): T | null;
  /** drop the kept draft */
  discard(): void;
  /** the content was sent: nothing to keep, nothing to warn about */
  clear(): void;
}

function read<T>(key: string): StoredDraft<T> | null {
  try {
    const v: unknown = Taro.getStorageSync(PREFIX + key);
    return v && typeof v === 'object' && 'value' in v && 'savedAt' in v ? (v as StoredDraft<T>) : null;
  } catch {
    return null;
  }
}

function write<T>(key: string, d: StoredDraft<T> | null): void {
  try {
    if (d) Taro.setStorageSync(PREFIX + key, d);
    else Taro.removeStorageSync(PREFIX + key);
  } catch {
    // storage full or off: the form still holds what was typed
  }
}

/** Warns before the page is left while `on`. */
function useLeaveWarning(on: boolean, message: string): void {
  useEffect(() => {
    if (!on) return undefined;
    if (process.env.TARO_ENV === 'h5') {
      const warn = (e: BeforeUnloadEvent) => {
        e.preventDefault();
        e.returnValue = message;
        return message;
      };
      window.addEventListener('beforeunload', warn);
      return () => window.removeEventListener('beforeunload', warn);
    }
    const t = Taro as unknown as { enableAlertBeforeUnload?: (o: { message: string }) => void; disableAlertBeforeUnload?: () => void };
    t.enableAlertBeforeUnload?.({ message });
    return () => t.disableAlertBeforeUnload?.();
  }, [on, message]);
}

/**
 * `key`: null until the record and person are known. `value`: what the form shows; `base`: what it
 * would show with no draft (the record as stored, or an empty form). `same` compares the two.
 */
export function useLocalDraft<T>(key: string | null, value: T, base: T | null, same: (a: T, b: T) => boolean): LocalDraft<T> {
  const [offer, setOffer] = useState<StoredDraft<T> | null>(null);
  const [sent, setSent] = useState(false);
  // nothing is written over a kept draft until the person has chosen 恢复 or 放弃
  const deciding = useRef(true);
  const dirty = !!key && base !== null && !sent && !same(value, base);

  useEffect(() => {
    if (!key || base === null) return;
    const kept = read<T>(key);
    if (kept && !same(kept.value, base)) setOffer(kept);
    else deciding.current = false;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per record: the base is the record as first shown
  }, [key, base === null]);

  useEffect(() => {
    if (!key || base === null || deciding.current || sent) return undefined;
    const t = setTimeout(() => write(key, dirty ? { value, savedAt: new Date().toISOString() } : null), SAVE_AFTER_MS);
    return () => clearTimeout(t);
  }, [key, base, value, dirty, sent]);

  useLeaveWarning(dirty, '您有未提交的修改，离开后将保存为草稿，下次打开时可恢复。确定离开吗？');

  const restore = useCallback(() => {
    deciding.current = false;
    const v = offer?.value ?? null;
    setOffer(null);
    return v;
  }, [offer]);
  const discard = useCallback(() => {
    deciding.current = false;
    if (key) write(key, null);
    setOffer(null);
  }, [key]);
  const clear = useCallback(() => {
    setSent(true);
    if (key) write(key, null);
  }, [key]);
  return { offer, restore, discard, clear };
}
