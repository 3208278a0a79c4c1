// 长辈版 in a component: the current setting, re-rendered when it changes anywhere.
import { useEffect, useState } from 'react';
import { isElder, onElderChange, setElder } from '../utils/elder';

export function useElder(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isElder);
  useEffect(() => {
    setOn(isElder());
    return onElderChange(setOn);
  }, []);
  return [on, setElder];
}
