import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface TapProps {
  className?: string;
  /** the class while pressed (Taro hoverClass); none by default */
  hoverClass?: string;
  /** what it is to assistive technology: a button (does something) or a link (opens a page) */
  role?: 'button' | 'link' | 'tab' | 'switch' | 'menuitem';
  /** the accessible name when the visible text alone is not clear (icons, counts) */
  label?: string;
  /** link: this is the page shown now; tab: the selected tab */
  current?: boolean;
  /** switch: on or off */
  checked?: boolean;
  disabled?: boolean;
  id?: string;
  onTap: () => void;
  children?: ReactNode;
}

/**
 * A tappable area (a list row, a tile, an icon control) that is also a control for a keyboard and
 * a screen reader: role, tab stop, name and state on H5 (Enter / Space tap it, see app.tsx), the
 * aria-role / aria-label WeChat reads in the mini-program. Size it ≥ 44 px (≥ 60 px in 长辈版).
 */
export default function Tap({ className, hoverClass, role = 'button', label, current, checked, disabled, id, onTap, children }: TapProps) {
  const h5 = process.env.TARO_ENV === 'h5';
  const state: Record<string, unknown> = {};
  if (role === 'switch') state['aria-checked'] = Boolean(checked);
  if (role === 'tab') state['aria-selected'] = Boolean(current);
  if (role === 'link' && current) state['aria-current'] = 'page';
  if (disabled) state['aria-disabled'] = true;
  const platform: Record<string, unknown> = h5 ? { role, tabIndex: disabled ? -1 : 0 } : { ariaRole: role };
  // Only what is set: Taro's H5 elements write an undefined prop out as the text "undefined".
  if (label) platform[h5 ? 'aria-label' : 'ariaLabel'] = label;
  if (id) platform.id = id;
  return (
    <View
      className={className}
      hoverClass={disabled ? 'none' : (hoverClass ?? 'none')}
      {...platform}
      {...state}
      onClick={() => {
        if (!disabled) onTap();
      }}
    >
      {children}
    </View>
  );
}
