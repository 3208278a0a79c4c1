// The cells every desk table of tasks shows alike (the checklist board, one org's year): who carries
// the task, and its deadline with the countdown in the task's light.
import { Text } from '@tarojs/components';
import type { TaskLight } from '../../../../domain/task-rules';
import { Countdown, deadlineCN } from '../../../pages/task/mine/kit';
import { Td } from './Table';

export function OwnerCell({ unit, ownerName }: { unit: string; ownerName: string }) {
  return (
    <Td>
      <Text className='dtable__main'>{unit}</Text>
      <Text className='dtable__sub'>{ownerName}</Text>
    </Td>
  );
}

export function DeadlineCell({ deadline, light, countdown }: { deadline: string; light: TaskLight; countdown: string }) {
  return (
    <Td>
      <Text className='dtable__main'>{deadlineCN(deadline)}</Text>
      <Countdown light={light} text={countdown} />
    </Td>
  );
}
