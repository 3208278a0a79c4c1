import { Text, View } from '@tarojs/components';
import { useElder } from '../../hooks/useElder';
import Tap from '../Tap';
import './index.css';

export interface ElderSwitchProps {
  /** the quieter line under the label */
  hint?: string;
  className?: string;
}

/**
 * The 长辈版 switch: the whole row toggles it; its state is said in words (已开启 / 未开启), not
 * by colour alone. Remembered on this device (utils/elder.ts).
 */
export default function ElderSwitch({ hint = '字更大、按钮更大，提示不会自动消失', className }: ElderSwitchProps) {
  const [on, setOn] = useElder();
  return (
    <Tap
      role='switch'
      checked={on}
      label='长辈版'
      className={['elder-switch', on ? 'elder-switch--on' : '', className ?? ''].filter(Boolean).join(' ')}
      hoverClass='elder-switch--hover'
      onTap={() => setOn(!on)}
    >
      <View className='elder-switch__main'>
        <Text className='elder-switch__label'>长辈版</Text>
        <Text className='elder-switch__hint'>{hint}</Text>
      </View>
      <Text className='elder-switch__state'>{on ? '已开启' : '未开启'}</Text>
      <View className='elder-switch__track' aria-hidden='true'>
        <View className='elder-switch__knob' />
      </View>
    </Tap>
  );
}
