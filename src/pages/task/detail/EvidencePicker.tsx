// The evidence part of the 标记完成 sheet: the files picked, each with its thumbnail, size and
// upload progress, 重试 for a failed upload and 移除; ＋ 添加证明材料 while there is room.
import { Image, Text, View } from '@tarojs/components';
import Btn from '../../../components/Btn';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_FILES, fileSizeText } from '../../../services/upload';
import type { EvidenceFiles } from './useEvidence';

export default function EvidencePicker({ ev, ownerId, error, disabled }: { ev: EvidenceFiles; ownerId: string; error?: string; disabled: boolean }) {
  return (
    <View className='tdetail__evidence'>
      <Text className='tdetail__evidence-label'>证明材料（选填）</Text>
      <Text className='tdetail__evidence-hint'>
        照片（JPG、PNG）或 PDF 文件，每个不超过 10 MB，最多 {EVIDENCE_MAX_FILES} 个
      </Text>
      {error ? (
        <View className='tk-field__error' role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
      {ev.files.map((f) => (
        <View key={f.key} className={f.state === 'failed' ? 'tdetail__upload tdetail__upload--failed' : 'tdetail__upload'}>
          {f.preview ? (
            <Image className='tdetail__thumb' src={f.preview} mode='aspectFill' ariaLabel={`${f.name} 缩略图`} />
          ) : (
            <View className='tdetail__thumb tdetail__thumb--pdf' aria-hidden='true'>
              <Text>PDF</Text>
            </View>
          )}
          <View className='tdetail__upload-main'>
            <Text className='tdetail__upload-name'>{f.name}</Text>
            <Text className={f.state === 'failed' ? 'tdetail__upload-state tdetail__upload-state--bad' : 'tdetail__upload-state'}>
              {fileSizeText(f.size)} · {f.state === 'uploading' ? `上传中 ${f.percent}%` : f.state === 'done' ? '已上传' : (f.error ?? '上传失败')}
            </Text>
            {f.state === 'uploading' ? (
              <View className='tdetail__progress' aria-hidden='true'>
                <View className='tdetail__progress-bar' style={{ width: `${f.percent}%` }} />
              </View>
            ) : null}
          </View>
          <View className='tdetail__upload-actions'>
            {f.state === 'failed' ? (
              <Btn small kind='outline' label={`重新上传${f.name}`} disabled={disabled} onClick={() => ev.retry(f, ownerId)}>
                重试
              </Btn>
            ) : null}
            <Btn small label={`移除${f.name}`} disabled={disabled} onClick={() => ev.remove(f.key)}>
              移除
            </Btn>
          </View>
        </View>
      ))}
      {ev.pickError ? (
        <View className='tk-field__error tdetail__pick-error' role='alert'>
          <Text>{ev.pickError}</Text>
        </View>
      ) : null}
      {ev.files.length < EVIDENCE_MAX_FILES ? (
        <Btn kind='outline' block disabled={disabled} onClick={() => ev.pick(ownerId)}>
          ＋ 添加证明材料
        </Btn>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? (
        <input
          ref={ev.input}
          className='tdetail__file-input'
          type='file'
          accept={EVIDENCE_ACCEPT}
          multiple
          tabIndex={-1}
          aria-hidden='true'
          onChange={(e) => ev.onBrowserFiles(e, ownerId)}
        />
      ) : null}
    </View>
  );
}
