// The tab bar of the office lists (the screening queue, a meeting's topics): sticky at the top (under
// the H5 top bar), one tab per filter, the current one marked; in the content column at desk width.
// A tab does nothing while `locked` (an action is under way). Styles in tabs.css.
import { Text, View } from '@tarojs/components';
import Tap from '../../../components/Tap';
import './tabs.css';

interface TabsProps<K extends string> {
  tabs: ReadonlyArray<{ key: K; label: string }>;
  current: K;
  /** what the tabs choose between, for a screen reader */
  label: string;
  locked?: boolean;
  onPick: (key: K) => void;
}

export default function Tabs<K extends string>({ tabs, current, label, locked, onPick }: TabsProps<K>) {
  return (
    <View className={process.env.TARO_ENV === 'h5' ? 'otabs otabs--h5' : 'otabs'} role='tablist' aria-label={label}>
      {tabs.map((t) => (
        <Tap
          key={t.key}
          role='tab'
          current={t.key === current}
          className={t.key === current ? 'otabs__tab otabs__tab--on' : 'otabs__tab'}
          onTap={() => !locked && onPick(t.key)}
        >
          <Text>{t.label}</Text>
        </Tap>
      ))}
    </View>
  );
}
