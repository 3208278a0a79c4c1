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
  onClick?: () => void;
  children: ReactNode;
}

/** The app's button (styles in app.css `.btn`): a tap while disabled or busy does nothing. */
export default function Btn({ kind = 'default', small, block, disabled, busy, busyText, className, onClick, children }: BtnProps) {
  const off = Boolean(disabled || busy);
  const cls = ['btn', `btn--${kind}`, small ? 'btn--small' : '', block ? 'btn--block' : '', off ? 'btn--off' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <Button
      className={cls}
      disabled={off}
      hoverClass={off ? 'none' : 'btn--hover'}
      aria-disabled={off}
      onClick={() => {
        if (!off) onClick?.();
      }}
    >
      {busy ? (busyText ?? '处理中…') : children}
    </Button>
  );
}
