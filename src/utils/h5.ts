// Browser-only helpers installed once at launch (app.tsx), H5 only:
// - a page whose code fails to load (offline when opening a page not loaded yet) says so and
//   offers 重试, instead of a changed URL over an unchanged screen;
// - Enter and Space tap the app's custom controls (role=button/link/tab/switch on Taro's elements),
//   as they would a native button;
// - Taro's own dialog (Taro.showModal: plain <div>s) becomes a dialog with buttons for a screen
//   reader and a keyboard, its confirm button focused; its toast is announced.
import { NETWORK_MESSAGE } from '../services/api';

const BANNER_ID = 'chunk-error';

function isChunkError(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false;
  const e = reason as { name?: unknown; message?: unknown; code?: unknown; type?: unknown };
  if (e.name === 'ChunkLoadError' || e.code === 'CSS_CHUNK_LOAD_FAILED') return true;
  return typeof e.message === 'string' && /Loading (CSS )?chunk .+ failed/i.test(e.message);
}

/** A <script>/<link> of this app's own chunks that failed to load. */
function isOwnChunkElement(target: EventTarget | null): boolean {
  if (typeof HTMLScriptElement !== 'undefined' && target instanceof HTMLScriptElement) {
    return target.src.startsWith(location.origin) && /\/js\//.test(target.src);
  }
  if (typeof HTMLLinkElement !== 'undefined' && target instanceof HTMLLinkElement) {
    return target.rel === 'stylesheet' && target.href.startsWith(location.origin) && /\/css\//.test(target.href);
  }
  return false;
}

async function reachable(): Promise<boolean> {
  try {
    const res = await fetch(`/index.html?probe=${Date.now()}`, { method: 'HEAD', cache: 'no-store' });
    return res.ok;
  } catch {
    return false;
  }
}

/** The fixed banner: what happened, 重试 (reload the page asked for), 关闭. Never closes by itself. */
export function showChunkErrorBanner(): void {
  if (typeof document === 'undefined' || document.getElementById(BANNER_ID)) return;
  const bar = document.createElement('div');
  bar.id = BANNER_ID;
  bar.className = 'chunk-error';
  bar.setAttribute('role', 'alert');
  const text = document.createElement('div');
  text.className = 'chunk-error__text';
  const title = document.createElement('strong');
  title.className = 'chunk-error__title';
  title.textContent = '网络异常，页面未能打开';
  const detail = document.createElement('span');
  detail.className = 'chunk-error__detail';
  detail.textContent = NETWORK_MESSAGE;
  text.append(title, detail);
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'chunk-error__btn chunk-error__btn--primary';
  retry.textContent = '重试';
  retry.addEventListener('click', () => {
    retry.disabled = true;
    retry.textContent = '正在重试…';
    void reachable().then((ok) => {
      if (ok) {
        // The URL already names the page asked for: loading it afresh fetches its code again.
        location.reload();
        return;
      }
      retry.disabled = false;
      retry.textContent = '重试';
      detail.textContent = '仍无法连接，请检查网络后再试';
    });
  });
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'chunk-error__btn';
  close.textContent = '关闭';
  close.addEventListener('click', () => bar.remove());
  const buttons = document.createElement('div');
  buttons.className = 'chunk-error__buttons';
  buttons.append(retry, close);
  bar.append(text, buttons);
  document.body.appendChild(bar);
  retry.focus();
}

function keyboardTap(e: KeyboardEvent): void {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const el = e.target as HTMLElement | null;
  if (!el || !el.getAttribute) return;
  const role = el.getAttribute('role');
  if (!role || !['button', 'link', 'tab', 'switch', 'menuitem'].includes(role)) return;
  const tag = el.tagName.toLowerCase();
  if (tag === 'button' || tag === 'a' || tag === 'input' || tag === 'textarea') return;
  if (el.getAttribute('aria-disabled') === 'true') return;
  e.preventDefault();
  el.click();
}

/** Roles and names on the elements Taro's H5 showModal / showToast draw (created once, reused). */
function describeTaroPopups(el: HTMLElement): void {
  if (el.classList.contains('taro__modal')) {
    const box = el.querySelector<HTMLElement>('.taro-modal__content');
    box?.setAttribute('role', 'alertdialog');
    box?.setAttribute('aria-modal', 'true');
    const title = el.querySelector<HTMLElement>('.taro-modal__title');
    const text = el.querySelector<HTMLElement>('.taro-modal__text');
    if (title) title.id ||= 'taro-modal-title';
    if (text) text.id ||= 'taro-modal-text';
    box?.setAttribute('aria-labelledby', 'taro-modal-title');
    box?.setAttribute('aria-describedby', 'taro-modal-text');
    el.querySelectorAll<HTMLElement>('.taro-model__btn').forEach((b) => {
      b.setAttribute('role', 'button');
      b.tabIndex = 0;
    });
    const focusConfirm = () => {
      if (el.style.display !== 'none' && el.style.opacity !== '0') el.querySelector<HTMLElement>('.taro-model__confirm')?.focus();
    };
    new MutationObserver(focusConfirm).observe(el, { attributes: true, attributeFilter: ['style'] });
    focusConfirm();
  } else if (el.classList.contains('taro__toast')) {
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
  }
}

let installed = false;

export function installH5Helpers(): void {
  if (installed || process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('unhandledrejection', (e) => {
    if (isChunkError(e.reason)) {
      e.preventDefault();
      showChunkErrorBanner();
    }
  });
  window.addEventListener('error', (e) => {
    if (isChunkError(e.error) || isOwnChunkElement(e.target)) showChunkErrorBanner();
  }, true);
  document.addEventListener('keydown', keyboardTap);
  const watchBody = () =>
    new MutationObserver((records) => {
      for (const r of records) r.addedNodes.forEach((n) => n instanceof HTMLElement && describeTaroPopups(n));
    }).observe(document.body, { childList: true });
  if (document.body) watchBody();
  else document.addEventListener('DOMContentLoaded', watchBody);
}
