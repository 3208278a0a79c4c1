// Issue #19: the one people picker — wherever a person is chosen (invitations, the presiding leader,
// a task's owner). Search by name, unit or post; filter by side and Art. 5 category; one or many.
// The server answers only the people the caller may choose (`people.list` with `purpose`); the
// picker shows name, unit and post, never an id.
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { PersonCardView } from '../../../domain/schemas/people';
import type { PickPurpose } from '../../../domain/workbench';
import { INVITEE_CATEGORIES, INVITEE_CATEGORY_LABEL, type InviteeCategory } from '../../../domain/workflows/meeting';
import { call, toApiError } from '../../services/api';
import Btn from '../Btn';
import Tap from '../Tap';
import './index.css';

/** The picker's filters; fixed ones are not offered as choices. */
export interface PickFilters {
  side?: 'gov' | 'union';
  category?: InviteeCategory;
}

export interface PeoplePickerProps {
  purpose: PickPurpose;
  /** many (checkboxes) or one (radio) */
  multi: boolean;
  /** the ids chosen */
  selected: ReadonlySet<string>;
  onToggle: (p: PersonCardView, on: boolean) => void;
  /** select every person the list shows (multi only) */
  onSelectAll?: (people: PersonCardView[]) => void;
  /** filters the caller may not change (e.g. the presiding leader: the government's leaders) */
  fixed?: PickFilters;
  /** the people already chosen elsewhere (already invited): shown, not selectable */
  taken?: ReadonlySet<string>;
  /** a further rule the server does not know (e.g. who may preside) */
  only?: (p: PersonCardView) => boolean;
  /** what the filter category currently is (the invite dialog invites under it) */
  onFilters?: (f: PickFilters) => void;
  disabled?: boolean;
}

const SIDES: ReadonlyArray<{ key: 'gov' | 'union' | undefined; label: string }> = [
  { key: undefined, label: '全部' },
  { key: 'gov', label: '政府方' },
  { key: 'union', label: '工会方' },
];

export default function PeoplePicker({ purpose, multi, selected, onToggle, onSelectAll, fixed, taken, only, onFilters, disabled }: PeoplePickerProps) {
  const [q, setQ] = useState('');
  const [side, setSide] = useState<'gov' | 'union' | undefined>(fixed?.side);
  const [category, setCategory] = useState<InviteeCategory | undefined>(fixed?.category);
  const [people, setPeople] = useState<PersonCardView[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');
  const seq = useRef(0);

  const load = async (more: boolean) => {
    const mine = ++seq.current;
    if (!more) setState('loading');
    try {
      const needle = q.trim();
      const page = await call('people.list', {
        purpose, ...(needle ? { q: needle } : {}), ...(side ? { side } : {}), ...(category ? { category } : {}), ...(more && cursor ? { cursor } : {}),
      });
      if (mine !== seq.current) return;
      setPeople((before) => [...(more ? before : []), ...page.items]);
      setCursor(page.nextCursor);
      setState('ready');
    } catch (e) {
      if (mine !== seq.current) return;
      setError(toApiError(e).message);
      setState('error');
    }
  };

  // a search waits for the typing to pause; a filter answers at once
  useEffect(() => {
    const t = setTimeout(() => void load(false), q ? 300 : 0);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load reads the filters it is re-run for
  }, [q, side, category, purpose]);

  useEffect(() => {
    onFilters?.({ side, category });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report the filters only when they change
  }, [side, category]);

  const shown = only ? people.filter(only) : people;
  const free = shown.filter((p) => !taken?.has(p.id));
  const h5 = process.env.TARO_ENV === 'h5';
  return (
    <View className='picker'>
      <Input
        className='picker__search'
        value={q}
        maxlength={20}
        placeholder='搜索姓名、单位或职务'
        placeholderClass='dialog__placeholder'
        disabled={disabled}
        aria-label='搜索姓名、单位或职务'
        onInput={(e) => setQ(e.detail.value)}
      />
      {fixed?.side ? null : (
        <Chips label='按所属方筛选' items={SIDES.map((s) => ({ key: s.key ?? 'all', label: s.label, on: side === s.key, pick: () => setSide(s.key) }))} />
      )}
      {fixed?.category ? null : (
        <Chips
          label='按参会类别筛选'
          items={[
            { key: 'all', label: '全部类别', on: !category, pick: () => setCategory(undefined) },
            ...INVITEE_CATEGORIES.map((c) => ({ key: c, label: INVITEE_CATEGORY_LABEL[c], on: category === c, pick: () => setCategory(c) })),
          ]}
        />
      )}
      <View className='picker__bar'>
        <Text className='picker__count' aria-live='polite'>
          {state === 'loading' ? '查找中…' : `找到 ${shown.length}${cursor ? '+' : ''} 人${multi ? `，已选 ${selected.size} 人` : ''}`}
        </Text>
        {multi && onSelectAll && free.length > 0 ? (
          <Btn small kind='default' disabled={disabled} onClick={() => onSelectAll(free)}>
            全选以上 {free.length} 人
          </Btn>
        ) : null}
      </View>
      {state === 'error' ? (
        <View className='picker__empty' role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
      {state === 'ready' && shown.length === 0 ? (
        <View className='picker__empty'>
          <Text>没有符合条件的人员</Text>
        </View>
      ) : null}
      <View className='picker__list' role='group' aria-label='人员'>
        {shown.map((p) => {
          const isTaken = taken?.has(p.id) ?? false;
          const on = isTaken || selected.has(p.id);
          const a11y: Record<string, unknown> = h5
            ? { role: multi ? 'checkbox' : 'radio', 'aria-checked': on, 'aria-disabled': isTaken || disabled ? true : undefined, tabIndex: isTaken ? -1 : 0 }
            : { ariaRole: multi ? 'checkbox' : 'radio', ariaChecked: on };
          if (a11y['aria-disabled'] === undefined) delete a11y['aria-disabled'];
          return (
            <View
              key={p.id}
              className={`choice picker__row${on ? ' choice--on' : ''}${isTaken ? ' picker__row--taken' : ''}`}
              {...a11y}
              onClick={() => !disabled && !isTaken && onToggle(p, !selected.has(p.id))}
            >
              <View className={multi ? 'choice__radio picker__box' : 'choice__radio'} />
              <View className='choice__main'>
                <Text className='choice__title'>
                  {p.name}
                  {isTaken ? <Text className='picker__taken'>（已邀请）</Text> : null}
                </Text>
                <Text className='choice__meta'>{[p.unit, p.title].filter(Boolean).join(' · ')}</Text>
              </View>
              <Text className='picker__side'>{p.sideLabel}</Text>
            </View>
          );
        })}
      </View>
      {cursor && state === 'ready' ? (
        <View className='picker__more'>
          <Btn small kind='outline' disabled={disabled} onClick={() => void load(true)}>
            加载更多
          </Btn>
        </View>
      ) : null}
    </View>
  );
}

interface Chip {
  key: string;
  label: string;
  on: boolean;
  pick: () => void;
}

function Chips({ label, items }: { label: string; items: Chip[] }) {
  return (
    <View className='picker__chips' role='group' aria-label={label}>
      {items.map((c) => (
        <Tap key={c.key} role='button' className={c.on ? 'picker__chip picker__chip--on' : 'picker__chip'} label={c.on ? `${c.label}（已选）` : undefined} onTap={c.pick}>
          <Text>{c.label}</Text>
        </Tap>
      ))}
    </View>
  );
}
