// 长辈版 (elder mode, MIIT 适老化): larger text, larger targets, nothing that closes by itself.
// One switch per device (Taro storage). Pages follow through a root class, not per-page work:
// H5 puts `elder` on <html> (src/index.html scales the rem base by 1.5, app.css adds the rest);
// weapp puts it on the PageShell root view (app.css scales that page). Listeners re-render the
// PageShell roots and the switches when it changes.
import Taro from '@tarojs/taro';

const ELDER_KEY = 'elder_mode';
const PROMPTED_KEY = 'elder_prompted';

/** WeChat's font scale at or above which 长辈版 is suggested (PLATFORM.md 适老化). */
export const ELDER_SUGGEST_SCALE = 1.3;

type Listener = (on: boolean) => void;

let current: boolean | null = null;
const listeners = new Set<Listener>();

function readFlag(key: string): boolean {
  try {
    return Taro.getStorageSync(key) === true;
  } catch {
    return false;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    if (on) Taro.setStorageSync(key, true);
    else Taro.removeStorageSync(key);
  } catch {
    // Storage full or disabled: the setting lasts until the app closes.
  }
}

/** H5: the root class the rem base and the elder CSS hang on. */
function applyRootClass(on: boolean): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.documentElement.classList.toggle('elder', on);
}

export function isElder(): boolean {
  if (current === null) current = readFlag(ELDER_KEY);
  return current;
}

export function setElder(on: boolean): void {
  current = on;
  writeFlag(ELDER_KEY, on);
  // Once the person has chosen, the suggestion is not shown again.
  writeFlag(PROMPTED_KEY, true);
  applyRootClass(on);
  listeners.forEach((fn) => fn(on));
}

export function onElderChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}

/** At launch: the remembered setting onto the root (H5; index.html already did it before paint). */
export function initElder(): void {
  applyRootClass(isElder());
}

/**
 * How much larger than normal the person reads text: WeChat's font scale (微信 → 设置 → 字体大小,
 * 关怀模式); in a browser, its default font size against the usual 16 px. 1 when unknown.
 */
export function systemFontScale(): number {
  if (process.env.TARO_ENV !== 'h5') {
    // (Not on H5: Taro's H5 getAppBaseInfo has no font scale and would bring a 25 KB UA parser.)
    try {
      const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: unknown } | undefined;
      const f = info?.fontSizeScaleFactor;
      if (typeof f === 'number' && f > 0) return f;
    } catch {
      // Older base libraries lack getAppBaseInfo.
    }
    return 1;
  }
  if (typeof document !== 'undefined' && document.body) {
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium';
    document.body.appendChild(probe);
    const px = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    if (px > 0) return px / 16;
  }
  return 1;
}

/** Suggest 长辈版 once: the font is large, the mode is off, and nobody has answered yet. */
export function shouldSuggestElder(): boolean {
  return !isElder() && !readFlag(PROMPTED_KEY) && systemFontScale() >= ELDER_SUGGEST_SCALE;
}

/** The suggestion was answered (either way): never again on this device. */
export function dismissElderSuggestion(): void {
  writeFlag(PROMPTED_KEY, true);
}
