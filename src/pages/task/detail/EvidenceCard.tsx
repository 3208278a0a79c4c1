// 完成情况: what the owner wrote when marking the task done and the evidence files, each opened
// through task.evidence (the page's `onOpen`, one read at a time under the page's busy state).
import { Text, View } from '@tarojs/components';
import type { EvidenceView, TaskView } from '../../../../domain/schemas/task';
import Tap from '../../../components/Tap';
import { fileSizeText } from '../../../services/upload';
import { formatDateTimeShortCN } from '../../../utils/date';

export default function EvidenceCard({ completion, onOpen }: { completion: NonNullable<TaskView['completion']>; onOpen: (f: EvidenceView) => void }) {
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>完成情况</Text>
        <Text className='card__more'>{formatDateTimeShortCN(completion.at)}</Text>
      </View>
      <Text className='tdetail__text'>{completion.text}</Text>
      <Text className='tdetail__sub'>证明材料</Text>
      {completion.evidence.length === 0 ? (
        <Text className='tdetail__none'>未上传证明材料</Text>
      ) : (
        completion.evidence.map((f) => (
          <Tap key={f.fileId} role='button' className='tdetail__file' hoverClass='tdetail__file--hover' label={`打开证明材料 ${f.fileName}`} onTap={() => onOpen(f)}>
            <Text className='tdetail__file-kind' aria-hidden='true'>
              {f.contentType === 'application/pdf' ? 'PDF' : '图片'}
            </Text>
            <Text className='tdetail__file-name'>{f.fileName}</Text>
            <Text className='tdetail__file-size'>{fileSizeText(f.size)}</Text>
            <Text className='tdetail__file-go' aria-hidden='true'>
              打开 ›
            </Text>
          </Tap>
        ))
      )}
    </View>
  );
}
