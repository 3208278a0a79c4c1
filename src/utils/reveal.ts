// A form's checks or the server's refusal put messages at fields: the first field in error (in the
// form's order) is brought into view so its message is seen, with the cursor in it on H5.
import Taro from '@tarojs/taro';

/** Brings the first field in error into view and puts the cursor in it (H5; WeChat scrolls to it). */
export function revealFirst<K extends string>(order: readonly K[], errors: Partial<Record<K, string>>, idOf: (k: K) => string): void {
  const first = order.find((k) => errors[k]);
  if (!first) return;
  const id = idOf(first);
  if (process.env.TARO_ENV === 'h5') {
    setTimeout(() => {
      const el = typeof document !== 'undefined' ? document.getElementById(id) : null;
      el?.scrollIntoView({ block: 'center' });
      el?.querySelector<HTMLElement>('input')?.focus({ preventScroll: true });
    }, 0);
    return;
  }
  void Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -120, duration: 200 }).catch(() => undefined);
}
