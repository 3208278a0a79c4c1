// Form pieces of the office's meeting pages (request, reschedule): a field's label with its error,
// a date / time picker field, a segmented choice, and moving to the first field in error.
import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import DeskDate, { DeskTime } from '../../../../components/DeskDate';
import { useDesk } from '../meeting/useDesk';
import './fields.css';

export function FieldHead({ label, error, required = true }: { label: string; error?: string | null; required?: boolean }) {
  return (
    <View className='mfield__head'>
      <Text className='mfield__label'>
        {label}
        {required ? <Text className='mfield__required'> *</Text> : <Text className='mfield__optional'>（选填）</Text>}
      </Text>
      {error ? (
        <View className='mfield__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/** A tappable field opening WeChat's / Taro's date or time picker; at a desk, typed or clicked (issue #19). */
export function PickerField({
  mode,
  value,
  start,
  label,
  placeholder,
  error,
  disabled,
  id,
  onChange,
}: {
  mode: 'date' | 'time';
  value: string;
  start?: string;
  label: string;
  placeholder: string;
  error?: boolean;
  disabled?: boolean;
  id?: string;
  onChange: (v: string) => void;
}) {
  const h5 = process.env.TARO_ENV === 'h5';
  const desk = useDesk();
  if (h5 && desk) {
    return mode === 'date'
      ? <DeskDate id={id} value={value} min={start} label={label} error={error} disabled={disabled} onChange={onChange} />
      : <DeskTime id={id} value={value} label={label} error={error} disabled={disabled} onChange={onChange} />;
  }
  const a11y: Record<string, unknown> = h5 ? { role: 'button', tabIndex: 0, 'aria-label': `${label}：${value || '未选择'}` } : { ariaRole: 'button', ariaLabel: `${label}：${value || '未选择'}` };
  return (
    <Picker mode={mode} value={value} start={start} disabled={disabled} onChange={(e) => onChange(String(e.detail.value))}>
      <View id={id} className={error ? 'mpicker mpicker--error' : 'mpicker'} {...a11y}>
        <Text className={value ? 'mpicker__value' : 'mpicker__value mpicker__value--empty'}>{value || placeholder}</Text>
        <Text className='mpicker__arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
    </Picker>
  );
}

export function Segmented<V extends string>({
  options,
  value,
  disabled,
  label,
  onChange,
}: {
  options: ReadonlyArray<{ value: V; label: string; hint?: string }>;
  value: V | '';
  disabled?: boolean;
  label: string;
  onChange: (v: V) => void;
}) {
  const h5 = process.env.TARO_ENV === 'h5';
  return (
    <View className='msegmented' role='radiogroup' aria-label={label}>
      {options.map((o) => {
        const on = value === o.value;
        const a11y: Record<string, unknown> = h5 ? { role: 'radio', 'aria-checked': on, tabIndex: 0 } : { ariaRole: 'radio', ariaChecked: on };
        return (
          <View
            key={o.value}
            className={on ? 'msegmented__item msegmented__item--on' : 'msegmented__item'}
            {...a11y}
            onClick={() => !disabled && onChange(o.value)}
          >
            <Text>{o.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** A card-less block holding one field, addressable for scrolling to it. */
export function Field({ id, children }: { id: string; children: ReactNode }) {
  return (
    <View id={id} className='mfield'>
      {children}
    </View>
  );
}

/**
 * Brings the field with this element id into view and puts the cursor in it (its input or
 * textarea, if it has one): in a browser directly, in WeChat by scrolling the page to it (the
 * page focuses the input through its `focus` property).
 */
export function revealField(id: string): void {
  if (process.env.TARO_ENV === 'h5') {
    setTimeout(() => {
      const el = typeof document !== 'undefined' ? document.getElementById(id) : null;
      if (!el) return;
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      const input = el.querySelector<HTMLElement>('input, textarea, [role="button"], [role="radio"]');
      input?.focus({ preventScroll: true });
    }, 0);
    return;
  }
  void Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -120, duration: 200 }).catch(() => undefined);
}
