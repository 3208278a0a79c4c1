// The topic form's fields: a field's head (label, 必填, its error announced as it appears), the
// category choice (Art. 3), a segmented choice (提出方, 承担主要工作的一方), the four texts with their
// hints and counters, and how the first error is brought into view and focused.
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { TOPIC_CATEGORIES, TOPIC_CATEGORY_LABEL, type TopicCategory } from '../../../../domain/workflows/topic';
import { textLength } from '../../../utils/form';
import { TOPIC_LIMITS, type TextField } from '../../../utils/topic';
import { type Errors, type Form, type FormKey, HINTS, PLACEHOLDERS, TEXT_FIELDS, counterClass, overLimit } from './form';

/**
 * No cutting of what is typed or pasted: the count and the message say when it is too long.
 * -1 is "no limit" in WeChat; a browser refuses a negative maxLength, so H5 gets a bound far above
 * every limit.
 */
const NO_CUT = process.env.TARO_ENV === 'h5' ? 100000 : -1;

/** A choice group the browser can focus from script (not by Tab) when it holds the first error. */
const FOCUS_TARGET: Record<string, unknown> = process.env.TARO_ENV === 'h5' ? { tabIndex: -1 } : {};

export function FieldHead({ field, label, error, required = true }: { field: FormKey; label: string; error?: string; required?: boolean }) {
  return (
    <View className='field__head'>
      <Text className='field__label'>
        {label}
        {required ? (
          <Text className='field__required' aria-label='必填'>
            {' '}
            *
          </Text>
        ) : null}
      </Text>
      {/* Announced as it appears, e.g. too long while typing. */}
      <View className='field__error-slot' aria-live='polite'>
        {error ? (
          <Text className='field__error' id={`error-${field}`}>
            {error}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

/** Art. 3: the category, one of the rules' list. */
export function CategoryCard({ value, error, disabled, onChange }: { value: Form['category']; error?: string; disabled: boolean; onChange: (c: TopicCategory) => void }) {
  return (
    <View className='card' id='field-category'>
      <FieldHead field='category' label='议题类别' error={error} />
      <Text className='field__hint'>按《工作规则》第三条选择议题所属类别</Text>
      <View className='field__options' role='radiogroup' aria-label='议题类别' aria-describedby={error ? 'error-category' : undefined} aria-invalid={error ? true : undefined} {...FOCUS_TARGET}>
        {TOPIC_CATEGORIES.map((c) => (
          <View key={c} className={value === c ? 'choice choice--on' : 'choice'} role='radio' aria-checked={value === c} onClick={() => !disabled && onChange(c)}>
            <View className='choice__radio' />
            <View className='choice__main'>
              <Text className='choice__title'>{TOPIC_CATEGORY_LABEL[c]}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

export function Segmented<V extends string>({
  field,
  options,
  value,
  disabled,
  label,
  error,
  onChange,
}: {
  field: FormKey;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V | '';
  disabled: boolean;
  label: string;
  error?: string;
  onChange: (v: V) => void;
}) {
  return (
    <View className='segmented' role='radiogroup' aria-label={label} aria-describedby={error ? `error-${field}` : undefined} aria-invalid={error ? true : undefined} {...FOCUS_TARGET}>
      {options.map((o) => (
        <View
          key={o.value}
          className={value === o.value ? 'segmented__item segmented__item--on' : 'segmented__item'}
          role='radio'
          aria-checked={value === o.value}
          onClick={() => !disabled && onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** The four texts: title, background, research, request, each with its hint and counter. */
export function TextsCard({
  form,
  errors,
  focused,
  disabled,
  onBlur,
  onInput,
}: {
  form: Form;
  errors: Errors;
  focused: TextField | null;
  disabled: boolean;
  onBlur: (f: TextField) => void;
  onInput: (f: TextField, value: string) => void;
}) {
  return (
    <View className='card'>
      {TEXT_FIELDS.map((f) => {
        const over = overLimit(f, form[f]);
        const error = over ?? errors[f];
        const describedBy = [error ? `error-${f}` : '', `hint-${f}`, `count-${f}`].filter(Boolean).join(' ');
        return (
          <View key={f} className='field' id={`field-${f}`}>
            <FieldHead field={f} label={TOPIC_LIMITS[f].label} error={error ?? undefined} />
            <Textarea
              className={['field__textarea', f === 'title' ? 'field__textarea--title' : '', error ? 'field__textarea--error' : ''].filter(Boolean).join(' ')}
              value={form[f]}
              maxlength={NO_CUT}
              autoHeight={f === 'title'}
              focus={focused === f}
              placeholder={PLACEHOLDERS[f]}
              placeholderClass='field__placeholder'
              disabled={disabled}
              confirmType={f === 'title' ? 'done' : undefined}
              nativeProps={{
                id: `input-${f}`,
                'aria-label': TOPIC_LIMITS[f].label,
                'aria-required': 'true',
                'aria-invalid': error ? 'true' : 'false',
                'aria-describedby': describedBy,
              }}
              onBlur={() => onBlur(f)}
              // A title is one line of text, however long: line breaks are not kept.
              onInput={(e) => onInput(f, f === 'title' ? e.detail.value.replace(/[\r\n]+/g, '') : e.detail.value)}
            />
            <View className='field__foot'>
              <Text className='field__hint field__hint--inline' id={`hint-${f}`}>
                {HINTS[f]}
              </Text>
              <Text className={counterClass(form[f], f)} id={`count-${f}`}>
                {textLength(form[f])}/{TOPIC_LIMITS[f].max}
                <Text className='sr-only'>字</Text>
              </Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}

/** WeChat: scroll the page to the field and focus its textarea. Browser: the same through the DOM. */
export function revealField(key: FormKey, focusInWeChat: (f: TextField | null) => void): void {
  const text = (TEXT_FIELDS as string[]).includes(key) ? (key as TextField) : null;
  if (process.env.TARO_ENV === 'h5') {
    // After this render has reached the DOM.
    setTimeout(() => {
      const box = document.getElementById(`field-${key}`);
      if (!box) return;
      box.scrollIntoView({ block: 'center', behavior: 'smooth' });
      const target = text ? document.getElementById(`input-${text}`) : box.querySelector<HTMLElement>('[role="radiogroup"]');
      target?.focus({ preventScroll: true });
    }, 0);
    return;
  }
  void Taro.pageScrollTo({ selector: `#field-${key}`, offsetTop: -16, duration: 300 }).catch(() => undefined);
  focusInWeChat(text);
}
