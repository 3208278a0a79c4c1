import { View } from '@tarojs/components';
import './index.css';

export interface SkeletonProps {
  /** widths of the grey lines, in percent */
  lines?: number[];
  /** a taller first block, like a card header */
  block?: boolean;
}

/** Grey placeholders shown while the first answer is on its way. */
export default function Skeleton({ lines = [60, 90, 75], block = false }: SkeletonProps) {
  return (
    <View className='skeleton' aria-busy='true'>
      {block ? <View className='skeleton__block' /> : null}
      {lines.map((w, i) => (
        <View key={i} className='skeleton__line' style={{ width: `${w}%` }} />
      ))}
    </View>
  );
}
