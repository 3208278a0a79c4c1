// Short messages after an action. Normally a toast; in 长辈版 nothing may close by itself, so the
// same message is a dialog the person closes (知道了). Use `toast()`; `installElderToasts()` (app.tsx)
// also turns the toasts pages show with Taro.showToast into that dialog, so pages need no change:
// weapp through wx.showToast (Taro calls it at call time), H5 by watching Taro's toast element
// (Taro's H5 APIs are separate imports, nothing to wrap).
import Taro from '@tarojs/taro';
import { isElder } from './elder';

interface WxToastOptions {
  title?: string;
  icon?: string;
  [k: string]: unknown;
}
interface Wx {
  showToast: (o: WxToastOptions) => unknown;
  showModal: (o: Record<string, unknown>) => unknown;
}
declare const wx: Wx | undefined;

const MODAL = { title: '提示', showCancel: false, confirmText: '知道了', confirmColor: '#b71c1c' } as const;

/** A message after an action: a toast, or in 长辈版 a dialog that waits for 知道了. */
export function toast(title: string, icon: 'none' | 'success' | 'error' = 'none'): void {
  if (isElder()) {
    void Taro.showModal({ ...MODAL, content: title }).catch(() => undefined);
    return;
  }
  void Taro.showToast({ title, icon }).catch(() => undefined);
}

let installed = false;

/** Once at launch: in 长辈版 every toast with a message (loading aside) becomes a dialog. */
export function installElderToasts(): void {
  if (installed) return;
  installed = true;
  if (process.env.TARO_ENV === 'h5') watchH5Toasts();
  else if (typeof wx !== 'undefined' && wx) wrapWxToast(wx);
}

function wrapWxToast(api: Wx): void {
  const original = api.showToast;
  try {
    api.showToast = (o: WxToastOptions) => {
      if (isElder() && o?.title && o.icon !== 'loading') {
        const { success, complete } = o as { success?: (r: unknown) => void; complete?: (r: unknown) => void };
        return api.showModal({ ...MODAL, content: o.title, success, complete });
      }
      return original.call(api, o);
    };
  } catch {
    // A frozen wx: toasts stay toasts there; `toast()` still follows 长辈版.
  }
}

function watchH5Toasts(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  const convert = (el: HTMLElement) => {
    if (!isElder() || el.style.display === 'none' || el.style.opacity === '0') return;
    const text = el.textContent?.trim();
    // Loading toasts close when their call ends, not on a timer: leave them.
    if (!text || /taroLoading/.test(el.innerHTML)) return;
    el.style.display = 'none';
    void Taro.showModal({ ...MODAL, content: text }).catch(() => undefined);
  };
  const watched = new WeakSet<Element>();
  const watch = (el: HTMLElement) => {
    if (watched.has(el)) return;
    watched.add(el);
    new MutationObserver(() => convert(el)).observe(el, { attributes: true, attributeFilter: ['style'], subtree: true, childList: true, characterData: true });
    convert(el);
  };
  const start = () => {
    new MutationObserver((records) => {
      for (const r of records) {
        r.addedNodes.forEach((n) => {
          if (n instanceof HTMLElement && n.classList.contains('taro__toast')) watch(n);
        });
      }
    }).observe(document.body, { childList: true });
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}
