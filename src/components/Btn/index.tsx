import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface BtnProps {
  kind?: 'primary' | 'outline' | 'default';
  small?: boolean;
  block?: boolean;
  disabled?: boolean;
  /** shows `busyText` and disables the button while its call runs */
  busy?: boolean;
  busyText?: string;
  className?: string;
  /** the accessible name when the visible text is not enough (an icon, a bare count) */
  label?: string;
  onClick?: () => void;
  children: ReactNode;
}

/**
 * The app's button (styles in app.css `.btn`): a tap while disabled or busy does nothing.
 * Taro's H5 <taro-button-core> is a custom element with no role of its own, so the role, the tab
 * stop and the names are given here (app.tsx turns Enter / Space on it into a tap).
 */
export default function Btn({ kind = 'default', small, block, disabled, busy, busyText, className, label, onClick, children }: BtnProps) {
  const off = Boolean(disabled || busy);
  const cls = ['btn', `btn--${kind}`, small ? 'btn--small' : '', block ? 'btn--block' : '', off ? 'btn--off' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  // Not in Taro's Button props, passed through to the element on H5 (spread: no excess-prop check).
  const h5 = process.env.TARO_ENV === 'h5';
  const a11y: Record<string, unknown> = h5 ? { role: 'button', tabIndex: off ? -1 : 0 } : {};
  // Only what is set: Taro's H5 elements write an undefined prop out as the text "undefined".
  if (busy && h5) a11y['aria-busy'] = true;
  if (label) a11y[h5 ? 'aria-label' : 'ariaLabel'] = label;
  return (
    <Button
      className={cls}
      disabled={off}
      hoverClass={off ? 'none' : 'btn--hover'}
      aria-disabled={off}
      {...a11y}
      onClick={() => {
        if (!off) onClick?.();
      }}
    >
      {busy ? (busyText ?? '处理中…') : children}
    </Button>
  );
}
