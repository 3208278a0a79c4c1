// Issue #19: 邀请参会人员 — people chosen from the directory with the people picker, many at once
// (all of a side's leaders and departments in two taps: a filter, then 全选). Each is invited under
// the Art. 5 category the filter names, else the one their roles fill; the server checks side and org.
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { PersonCardView } from '../../../../../domain/schemas/people';
import { INVITE_BATCH_MAX } from '../../../../../domain/workbench';
import { INVITEE_CATEGORY_LABEL, type InviteeCategory } from '../../../../../domain/workflows/meeting';
import Btn from '../../../../components/Btn';
import Dialog from '../../../../components/Dialog';
import PeoplePicker, { type PickFilters } from '../../../../components/PeoplePicker';
import Tap from '../../../../components/Tap';
import { toApiError } from '../../../../services/api';
import { lastMeetingInvitees } from './lastMeeting';
import './InviteDialog.css';

export interface Invitee {
  personId: string;
  category: InviteeCategory;
}

interface Props {
  /** the meeting invited to (与上次会议相同 looks for the one before it) */
  meeting: { id: string; plannedAt: string };
  /** already on the list: shown as 已邀请 */
  invited: ReadonlySet<string>;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (invitees: Invitee[]) => void;
}

export default function InviteDialog({ meeting, invited, busy, error, onCancel, onSubmit }: Props) {
  const [chosen, setChosen] = useState<Map<string, { card: PersonCardView; category: InviteeCategory }>>(new Map());
  const filters = useRef<PickFilters>({});
  const people = new Set(chosen.keys());
  const add = (list: PersonCardView[], categoryOf?: (p: PersonCardView) => InviteeCategory) =>
    setChosen((before) => {
      const next = new Map(before);
      for (const p of list) {
        if (!next.has(p.id) && !invited.has(p.id)) next.set(p.id, { card: p, category: categoryOf?.(p) ?? filters.current.category ?? p.category });
      }
      return next;
    });
  const [last, setLast] = useState<{ busy: boolean; said: string | null }>({ busy: false, said: null });
  const sameAsLast = async () => {
    setLast({ busy: true, said: null });
    try {
      const found = await lastMeetingInvitees(meeting);
      if (!found) return setLast({ busy: false, said: '本级没有更早的会议' });
      const fresh = found.people.filter((p) => !invited.has(p.card.id));
      const category = new Map(fresh.map((p) => [p.card.id, p.category]));
      add(fresh.map((p) => p.card), (p) => category.get(p.id) ?? p.category);
      setLast({ busy: false, said: `已按「${found.meeting.title}」加入 ${fresh.length} 人（本办公室可邀请的）` });
    } catch (e) {
      setLast({ busy: false, said: toApiError(e).message });
    }
  };
  const remove = (id: string) =>
    setChosen((before) => {
      const next = new Map(before);
      next.delete(id);
      return next;
    });
  const over = chosen.size > INVITE_BATCH_MAX;
  return (
    <Dialog
      title='邀请参会人员'
      subtitle='从人员名录中选择。政府办公室邀请政府方人员，总工会办公室邀请工会方人员和特邀人员；按类别筛选后选中的人员按该类别邀请。'
      confirmText={chosen.size ? `邀请 ${chosen.size} 人` : '邀请'}
      busy={busy}
      confirmDisabled={chosen.size === 0 || over}
      error={error ?? (over ? `一次最多邀请 ${INVITE_BATCH_MAX} 人` : null)}
      onCancel={onCancel}
      onConfirm={() => onSubmit([...chosen].map(([personId, c]) => ({ personId, category: c.category })))}
    >
      <View className='invite__last'>
        <Btn small kind='outline' busy={last.busy} busyText='查找中…' disabled={busy} onClick={() => void sameAsLast()}>
          与上次会议相同
        </Btn>
        {last.said ? (
          <Text className='invite__said' aria-live='polite'>
            {last.said}
          </Text>
        ) : null}
      </View>
      <PeoplePicker
        purpose='invite'
        multi
        selected={people}
        taken={invited}
        disabled={busy}
        onFilters={(f) => {
          filters.current = f;
        }}
        onToggle={(p, on) => (on ? add([p]) : remove(p.id))}
        onSelectAll={add}
      />
      {chosen.size > 0 ? (
        <View className='invite__chosen' role='group' aria-label={`已选 ${chosen.size} 人`}>
          <Text className='dialog__label'>已选 {chosen.size} 人（点按移除）</Text>
          <View className='invite__chips'>
            {[...chosen].map(([id, c]) => (
              <Tap key={id} role='button' className='invite__chip' label={`移除${c.card.name}`} disabled={busy} onTap={() => remove(id)}>
                <Text>
                  {c.card.name} · {INVITEE_CATEGORY_LABEL[c.category]} ×
                </Text>
              </Tap>
            ))}
          </View>
        </View>
      ) : null}
    </Dialog>
  );
}
