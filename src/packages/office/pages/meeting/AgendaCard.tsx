// The console's 会议议程 card (Art. 7, 8): the generated four-section agenda with its planned minutes,
// and — when the server offers 'updateAgenda' (the union office, before the meeting is held) — an
// editor that changes only what the rules let it: the order of the items inside each section and
// their planned minutes (0–240). The items themselves are generated, never typed or removed.
// Section 1's tasks of the previous checklist are drawn by AgendaTasks.tsx.
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AgendaSectionView } from '../../../../../domain/schemas/meeting';
import Btn from '../../../../components/Btn';
import { TaskLine } from './AgendaTasks';

export const AGENDA_MAX_MINUTES = 240;
const STEP = 5;
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** The payload of meeting.updateAgenda (without the meeting). */
export type AgendaPlan = Array<{ key: string; items: Array<{ id: string; minutes: number }> }>;

interface DraftItem {
  id: string;
  title: string;
  /** as typed; checked on 保存 */
  minutes: string;
}

interface DraftSection {
  key: string;
  title: string;
  items: DraftItem[];
}

/** 95 → "95 分钟（约 1 小时 35 分钟）" */
export function durationCN(total: number): string {
  if (total < 60) return `${total} 分钟`;
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${total} 分钟（约 ${h} 小时${m ? ` ${m} 分钟` : ''}）`;
}

function parseMinutes(s: string): number | null {
  const t = s.trim();
  if (!/^[0-9]{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n <= AGENDA_MAX_MINUTES ? n : null;
}

function total(sections: AgendaSectionView[]): number {
  return sections.reduce((sum, s) => sum + s.items.reduce((a, i) => a + (i.minutes || 0), 0), 0);
}

interface CardProps {
  sections: AgendaSectionView[];
  canEdit: boolean;
  editing: boolean;
  busy: boolean;
  /** any other write running on the page */
  locked: boolean;
  error: string | null;
  onEdit: () => void;
  onCancel: () => void;
  onSave: (plan: AgendaPlan) => void;
}

export default function AgendaCard({ sections, canEdit, editing, busy, locked, error, onEdit, onCancel, onSave }: CardProps) {
  return (
    <View className='card magenda'>
      <View className='card__head'>
        <Text className='card__title'>{editing ? '调整会议议程' : '会议议程'}</Text>
        {!editing ? <Text className='card__more'>合计 {durationCN(total(sections))}</Text> : null}
      </View>
      {editing ? (
        <AgendaEditor sections={sections} busy={busy} error={error} onCancel={onCancel} onSave={onSave} />
      ) : (
        <View>
          {sections.map((s, si) => (
            <View key={s.key} className='magenda__section'>
              <Text className='magenda__section-title'>
                {NUMERALS[si]}、{s.title}
              </Text>
              {s.items.map((item) =>
                item.task ? (
                  <TaskLine key={item.id} item={item} task={item.task} />
                ) : (
                  <View key={item.id} className='magenda__line'>
                    <Text className='magenda__line-title'>{item.title}</Text>
                    <Text className='magenda__line-minutes'>{item.minutes ? `${item.minutes} 分钟` : '未定时长'}</Text>
                  </View>
                ),
              )}
            </View>
          ))}
          {canEdit ? (
            <View className='mconsole__buttons'>
              <Btn kind='default' small disabled={locked} onClick={onEdit}>
                调整议程
              </Btn>
            </View>
          ) : null}
        </View>
      )}
    </View>
  );
}

interface EditorProps {
  sections: AgendaSectionView[];
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSave: (plan: AgendaPlan) => void;
}

function AgendaEditor({ sections, busy, error, onCancel, onSave }: EditorProps) {
  const [draft, setDraft] = useState<DraftSection[]>(() =>
    sections.map((s) => ({ key: s.key, title: s.title, items: s.items.map((i) => ({ id: i.id, title: i.title, minutes: String(i.minutes || 0) })) })),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [bad, setBad] = useState<string | null>(null);
  const h5 = process.env.TARO_ENV === 'h5';

  const update = (si: number, fn: (items: DraftItem[]) => DraftItem[]) => {
    setProblem(null);
    setDraft((d) => d.map((s, i) => (i === si ? { ...s, items: fn(s.items) } : s)));
  };
  const move = (si: number, ii: number, by: -1 | 1) =>
    update(si, (items) => {
      const j = ii + by;
      if (j < 0 || j >= items.length) return items;
      const next = items.slice();
      [next[ii], next[j]] = [next[j], next[ii]];
      return next;
    });
  const setMinutes = (si: number, ii: number, value: string) => {
    if (bad === draft[si].items[ii].id) setBad(null);
    update(si, (items) => items.map((it, k) => (k === ii ? { ...it, minutes: value } : it)));
  };
  const stepBy = (si: number, ii: number, by: number) => {
    const now = parseMinutes(draft[si].items[ii].minutes) ?? 0;
    setMinutes(si, ii, String(Math.min(AGENDA_MAX_MINUTES, Math.max(0, now + by))));
  };

  const sum = draft.reduce((a, s) => a + s.items.reduce((b, i) => b + (parseMinutes(i.minutes) ?? 0), 0), 0);

  const save = () => {
    const plan: AgendaPlan = [];
    for (const s of draft) {
      const items: Array<{ id: string; minutes: number }> = [];
      for (const it of s.items) {
        const n = parseMinutes(it.minutes);
        if (n === null) {
          setBad(it.id);
          setProblem(it.minutes.trim() === '' ? `请填写「${it.title}」的计划时长` : `「${it.title}」的计划时长应为 0–${AGENDA_MAX_MINUTES} 之间的整数分钟`);
          return;
        }
        items.push({ id: it.id, minutes: n });
      }
      plan.push({ key: s.key, items });
    }
    const same = plan.every((s, si) => s.items.length === sections[si].items.length && s.items.every((it, k) => it.id === sections[si].items[k].id && it.minutes === (sections[si].items[k].minutes || 0)));
    if (same) {
      setProblem('议程没有改动，无需保存');
      return;
    }
    setBad(null);
    setProblem(null);
    onSave(plan);
  };

  const shown = problem ?? error;
  return (
    <View>
      <Text className='mconsole__hint magenda__intro'>议程的四个部分和各项内容由系统生成，可调整各部分内事项的先后顺序和计划时长（0–{AGENDA_MAX_MINUTES} 分钟）。</Text>
      {draft.map((s, si) => (
        <View key={s.key} className='magenda__section' role='group' aria-label={`${NUMERALS[si]}、${s.title}`}>
          <Text className='magenda__section-title'>
            {NUMERALS[si]}、{s.title}
          </Text>
          {s.items.map((it, ii) => {
            const n = parseMinutes(it.minutes);
            const inputName = `「${it.title}」计划时长（分钟）`;
            const inputA11y: Record<string, unknown> = h5 ? { nativeProps: { 'aria-label': inputName, inputmode: 'numeric' } } : { ariaLabel: inputName };
            return (
              <View key={it.id} className='magenda__item'>
                <Text className='magenda__item-title'>{it.title}</Text>
                <View className='magenda__controls'>
                  {s.items.length > 1 ? (
                    <View className='magenda__moves'>
                      <Btn kind='default' small label={`上移「${it.title}」`} disabled={busy || ii === 0} onClick={() => move(si, ii, -1)}>
                        上移
                      </Btn>
                      <Btn kind='default' small label={`下移「${it.title}」`} disabled={busy || ii === s.items.length - 1} onClick={() => move(si, ii, 1)}>
                        下移
                      </Btn>
                    </View>
                  ) : null}
                  <View className='magenda__stepper'>
                    <Btn kind='default' small className='magenda__step' label={`「${it.title}」减少 ${STEP} 分钟`} disabled={busy || n === 0} onClick={() => stepBy(si, ii, -STEP)}>
                      −
                    </Btn>
                    <Input
                      className={bad === it.id ? 'minput magenda__minutes minput--error' : 'minput magenda__minutes'}
                      type='number'
                      value={it.minutes}
                      maxlength={3}
                      placeholder='0'
                      placeholderClass='dialog__placeholder'
                      disabled={busy}
                      {...inputA11y}
                      onInput={(e) => setMinutes(si, ii, e.detail.value)}
                    />
                    <Btn kind='default' small className='magenda__step' label={`「${it.title}」增加 ${STEP} 分钟`} disabled={busy || n === AGENDA_MAX_MINUTES} onClick={() => stepBy(si, ii, STEP)}>
                      +
                    </Btn>
                    <Text className='magenda__unit' aria-hidden='true'>
                      分钟
                    </Text>
                  </View>
                </View>
              </View>
            );
          })}
        </View>
      ))}
      <View className='magenda__total' role='status'>
        <Text>合计 {durationCN(sum)}</Text>
      </View>
      {shown ? (
        <View className='dialog__error magenda__error' role='alert'>
          <Text>{shown}</Text>
        </View>
      ) : null}
      <View className='btn-row magenda__buttons'>
        <Btn disabled={busy} onClick={onCancel}>
          取消
        </Btn>
        <Btn kind='primary' busy={busy} busyText='保存中…' onClick={save}>
          保存议程
        </Btn>
      </View>
    </View>
  );
}
