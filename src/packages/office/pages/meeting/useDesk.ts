// Whether the H5 app is in its desk layout (≥ 1024 px wide, app.css), following window resizes.
// Always false in the mini-program (a phone).
import { useEffect, useState } from 'react';

const QUERY = '(min-width: 1024px)';

function deskNow(): boolean {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || !window.matchMedia) return false;
  return window.matchMedia(QUERY).matches;
}

export function useDesk(): boolean {
  const [desk, setDesk] = useState(deskNow);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || !window.matchMedia) return undefined;
    const mq = window.matchMedia(QUERY);
    const onChange = () => setDesk(mq.matches);
    onChange();
    mq.addEventListener?.('change', onChange);
    return () => mq.removeEventListener?.('change', onChange);
  }, []);
  return desk;
}
