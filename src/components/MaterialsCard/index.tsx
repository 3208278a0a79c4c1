// 会议材料 (issue #22): the materials of the agenda, on the invitee's meeting page and the offices'
// console. 公开 ones open as files; 会内 ones open in the viewer page with the reader's watermark and
// no download offered. The offices see who opened each, and attach new ones (children).
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { MaterialView, MeetingView } from '../../../domain/schemas/meeting';
import { AGENDA_SECTIONS } from '../../../domain/workflows/meeting';
import { useAction } from '../../kit/useAction';
import { call } from '../../services/api';
import { openEvidence } from '../../services/upload';
import { formatDateTimeShortCN } from '../../utils/date';
import { openPage } from '../../utils/nav';
import Btn from '../Btn';
import './index.css';

export const MATERIAL_VIEWER = '/packages/office/pages/material/index';

export default function MaterialsCard({ m, children }: { m: MeetingView; children?: ReactNode }) {
  const { busy, act } = useAction<string>();
  if (!m.materials.length && !children) return null;
  const open = (x: MaterialView) => {
    if (x.visibility === 'meeting') return openPage(MATERIAL_VIEWER, { meetingId: m.id, materialId: x.id });
    return act(x.id, async () => openEvidence(await call('meeting.material', { meetingId: m.id, materialId: x.id }), x.contentType), { refresh: false });
  };
  return (
    <View className='card mmat' aria-label='会议材料'>
      <View className='card__head'>
        <Text className='card__title'>会议材料</Text>
        <Text className='card__more'>共 {m.materials.length} 份</Text>
      </View>
      {m.materials.length === 0 ? <Text className='mmat__note'>尚未附会议材料。</Text> : null}
      {m.materials.map((x) => (
        <View key={x.id} className='mmat__row'>
          <View className='mmat__head'>
            <Text className='mmat__title'>{x.title}</Text>
            <Text className={x.visibility === 'meeting' ? 'tag tag--merged' : 'tag tag--plain'}>{x.visibilityLabel}</Text>
          </View>
          <Text className='mmat__note'>
            {AGENDA_SECTIONS[x.sectionIndex]?.title ?? ''} · {x.note}
          </Text>
          {x.openings ? (
            <Text className='mmat__note'>
              {x.openings.length ? `已查阅 ${x.openings.length} 次：${x.openings.slice(-5).map((o) => `${o.name} ${formatDateTimeShortCN(o.at)}`).join('；')}` : '尚无人查阅'}
            </Text>
          ) : null}
          {x.available ? (
            <Btn small kind='outline' busy={busy === x.id} disabled={busy !== null} label={`查看${x.title}`} onClick={() => void open(x)}>
              查看
            </Btn>
          ) : null}
        </View>
      ))}
      {children}
    </View>
  );
}
