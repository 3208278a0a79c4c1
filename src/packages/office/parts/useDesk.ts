// The desk layout of the office pages (issue #7): at 1024 px and wider, lists that offices compare
// row by row become tables. Local to the office package until a shared width hook exists.
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useElder } from '../../../hooks/useElder';

export const DESK_MIN_WIDTH = 1024;
const QUERY = `(min-width: ${DESK_MIN_WIDTH}px)`;

function deskNow(): boolean {
  if (process.env.TARO_ENV === 'h5') return typeof window !== 'undefined' && window.matchMedia(QUERY).matches;
  try {
    return Taro.getWindowInfo().windowWidth >= DESK_MIN_WIDTH;
  } catch {
    return false;
  }
}

/** true while the window is desk-wide; follows resizing in the browser. */
export function useDesk(): boolean {
  const [desk, setDesk] = useState(deskNow);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined;
    const media = window.matchMedia(QUERY);
    const onChange = () => setDesk(media.matches);
    media.addEventListener('change', onChange);
    onChange();
    return () => media.removeEventListener('change', onChange);
  }, []);
  return desk;
}

/**
 * Whether a list that offices compare row by row is shown as a table: at desk width, and not in
 * 长辈版, whose 1.5× text leaves a many-column table no room (its cards read better there).
 */
export function useDeskTable(): boolean {
  const desk = useDesk();
  const [elder] = useElder();
  return desk && !elder;
}
