// 附会议材料 (issue #22): the office picks a PDF or an image, names it, chooses the agenda section and
// 公开 / 会内, and attaches it (meeting.attachMaterial). The file is uploaded as evidence files are
// (POST /api/upload locally, cloud storage under the office's own folder in WeChat) and judged by
// its bytes on the server. The upload and the write are one action of the page kit (issue #19): one
// at a time, the idempotency key of its intention, a refusal shown above 附上.
import { Input, Text, View } from '@tarojs/components';
import { createElement, useState, type ChangeEvent } from 'react';
import { MEETING_LIMITS } from '../../../../../domain/limits';
import type { MeetingView } from '../../../../../domain/schemas/meeting';
import { AGENDA_SECTIONS } from '../../../../../domain/workflows/meeting';
import Btn from '../../../../components/Btn';
import { useAction } from '../../../../kit/useAction';
import { call } from '../../../../services/api';
import { EVIDENCE_ACCEPT, fromBrowserFiles, pickInWeapp, uploadEvidence, type PickedFile } from '../../../../services/upload';
import { lengthError } from '../../../../utils/form';

interface Props {
  m: MeetingView;
  /** the answer, the meeting as it is now */
  onAttached: (next: MeetingView) => void;
  /** the console's re-read, for a refusal that says the meeting moved on */
  reload?: (quiet?: boolean) => unknown;
}

export default function MaterialAttach({ m, onAttached, reload }: Props) {
  const { busy: running, act } = useAction<'attach'>(reload);
  const busy = running !== null;
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [section, setSection] = useState(2);
  const [meetingOnly, setMeetingOnly] = useState(true);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!m.allowedActions.includes('attachMaterial')) return null;
  if (!open) {
    return (
      <Btn kind='outline' onClick={() => setOpen(true)}>
        附会议材料
      </Btn>
    );
  }
  const picked = (list: PickedFile[]) => {
    const f = list[0];
    if (!f) return;
    setFile(f);
    if (!title.trim()) setTitle(f.name.replace(/\.[^.]+$/, '').slice(0, MEETING_LIMITS.materialTitle.max));
  };
  const attach = async () => {
    const bad = lengthError(MEETING_LIMITS.materialTitle, title);
    if (!file) return setProblem('请选择 PDF 文件或 JPG、PNG 图片');
    if (bad) return setProblem(bad);
    setProblem(null);
    await act(
      'attach',
      async (write) => {
        const me = process.env.TARO_ENV === 'weapp' ? (await call('account.me', {})).person.id : '';
        const up = await uploadEvidence(file, me, () => undefined);
        return write('meeting.attachMaterial', { meetingId: m.id, sectionIndex: section, fileId: up.fileId, title: title.trim(), visibility: meetingOnly ? 'meeting' : 'public' });
      },
      {
        apply: (next) => {
          onAttached(next);
          setOpen(false);
          setFile(null);
          setTitle('');
        },
        done: '会议材料已附上',
        onError: (e) => (setProblem(e.message), true),
      },
    );
  };
  return (
    <View className='mmat__attach'>
      <Text className='mmat__note'>议程</Text>
      <View className='mmat__choices'>
        {AGENDA_SECTIONS.map((s, i) => (
          <Btn key={s.key} small kind={section === i ? 'primary' : 'default'} disabled={busy} label={`附于：${s.title}`} onClick={() => setSection(i)}>
            {['一', '二', '三', '四'][i]}
          </Btn>
        ))}
      </View>
      <Input className='minput' value={title} maxlength={MEETING_LIMITS.materialTitle.max} placeholder='材料名称' aria-label='材料名称' disabled={busy} onInput={(e) => setTitle(e.detail.value)} />
      <View className='mmat__choices'>
        <Btn small kind={meetingOnly ? 'primary' : 'default'} disabled={busy} onClick={() => setMeetingOnly(true)}>
          会内
        </Btn>
        <Btn small kind={meetingOnly ? 'default' : 'primary'} disabled={busy} onClick={() => setMeetingOnly(false)}>
          公开
        </Btn>
      </View>
      {process.env.TARO_ENV === 'h5'
        ? createElement('input', {
            type: 'file', accept: EVIDENCE_ACCEPT, 'aria-label': '选择材料文件', disabled: busy,
            onChange: (e: ChangeEvent<HTMLInputElement>) => {
              const chosen = Array.from(e.target.files ?? []);
              if (chosen.length) void fromBrowserFiles(chosen).then(picked);
            },
          })
        : (
          <Btn small kind='default' disabled={busy} onClick={() => void pickInWeapp('chat', 1).then(picked, () => undefined)}>
            {file ? `已选：${file.name}` : '从聊天中选择文件'}
          </Btn>
        )}
      {problem ? (
        <View className='mmat__problem' role='alert'>
          {problem}
        </View>
      ) : null}
      <View className='mmat__choices'>
        <Btn kind='primary' busy={busy} busyText='上传中…' onClick={() => void attach()}>
          附上
        </Btn>
        <Btn kind='default' disabled={busy} onClick={() => setOpen(false)}>
          取消
        </Btn>
      </View>
    </View>
  );
}
