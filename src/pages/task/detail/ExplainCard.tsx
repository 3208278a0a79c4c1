// 未完成事项说明 (Art. 3 (1)): the explanations given for an unfinished task, newest first, and
// the button to give one (说明未完成原因 / 再次说明) where the server offers 'explain'.
import { Text, View } from '@tarojs/components';
import type { TaskView } from '../../../../domain/schemas/task';
import Btn from '../../../components/Btn';
import { formatDateTimeShortCN } from '../../../utils/date';
import { deadlineCN, needsExplaining } from '../mine/kit';

export default function ExplainCard({ task: t, canExplain, disabled, onExplain }: { task: TaskView; canExplain: boolean; disabled: boolean; onExplain: () => void }) {
  const due = needsExplaining(t);
  return (
    <View className={due ? 'card tdetail__explain tdetail__explain--due' : 'card tdetail__explain'}>
      <View className='card__head'>
        <Text className='card__title'>未完成事项说明</Text>
      </View>
      <Text className='tdetail__hint'>第三条第一项：未完成的事项说明原因、提出下步意见和新的完成时限，在下次联席会议上通报。</Text>
      {due ? <Text className='tdetail__due'>任务已逾期，尚未说明。</Text> : null}
      {[...t.explanations].reverse().map((x, i) => (
        <View key={`${x.at}-${i}`} className='tdetail__explanation'>
          <Text className='tdetail__explanation-head'>
            {x.byName} · {formatDateTimeShortCN(x.at)}
          </Text>
          <Text className='tdetail__explanation-line'>未完成原因：{x.explanation}</Text>
          <Text className='tdetail__explanation-line'>下步意见：{x.opinion}</Text>
          <Text className='tdetail__explanation-line'>
            {x.newDeadline === x.oldDeadline ? `完成时限：${deadlineCN(x.newDeadline)}` : `新的完成时限：${deadlineCN(x.newDeadline)}（原 ${deadlineCN(x.oldDeadline)}）`}
          </Text>
        </View>
      ))}
      {canExplain ? (
        <View className='tdetail__card-action'>
          <Btn kind={due ? 'primary' : 'outline'} block disabled={disabled} onClick={onExplain}>
            {t.explanations.length ? '再次说明' : '说明未完成原因'}
          </Btn>
        </View>
      ) : null}
    </View>
  );
}
