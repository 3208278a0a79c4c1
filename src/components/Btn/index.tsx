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
  const a11y = process.env.TARO_ENV === 'h5' ? { role: 'button', tabIndex: off ? -1 : 0 } : {};
  return (
    <Button
      className={cls}
      disabled={off}
      hoverClass={off ? 'none' : 'btn--hover'}
      aria-disabled={off}
      aria-busy={busy ? true : undefined}
      aria-label={label}
      {...a11y}
      onClick={() => {
        if (!off) onClick?.();
      }}
    >
      {busy ? (busyText ?? '处理中…') : children}
    </Button>
  );
}
