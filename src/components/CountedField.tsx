// A text field with its limit (press release, minutes): the input or text area, then a foot with the
// field's error and the count against the contract's maximum. The classes are the page's own block
// (`${block}__placeholder`, `__foot`, `__error`, `__counter`); the control's class, with its error
// modifier, is given by the page. Nothing typed is cut beyond the contract's maximum.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { textLength } from '../utils/form';

const h5 = process.env.TARO_ENV === 'h5';

/** Native accessibility props of a form field: aria-label on H5, ariaLabel in WeChat. */
export function named(label: string, invalid = false): Record<string, unknown> {
  return h5 ? { nativeProps: { 'aria-label': label, 'aria-invalid': invalid ? 'true' : 'false' } } : { ariaLabel: label };
}

export interface CountedFieldProps {
  /** a text area (else a one-line input) */
  area?: boolean;
  /** the page's class block, e.g. 'mpress' */
  block: string;
  /** the control's class; `error` adds `errorClass` */
  className: string;
  errorClass: string;
  label: string;
  value: string;
  max: number;
  placeholder: string;
  error?: string | null;
  disabled?: boolean;
  onInput: (value: string) => void;
}

export default function CountedField({ area, block, className, errorClass, label, value, max, placeholder, error, disabled, onInput }: CountedFieldProps) {
  const Control = area ? Textarea : Input;
  return (
    <>
      <Control
        className={error ? `${className} ${errorClass}` : className}
        value={value}
        maxlength={max}
        placeholder={placeholder}
        placeholderClass={`${block}__placeholder`}
        disabled={disabled}
        {...named(label, !!error)}
        onInput={(e) => onInput(e.detail.value)}
      />
      <View className={`${block}__foot`}>
        <Text className={`${block}__error`}>{error ?? ''}</Text>
        <Text className={`${block}__counter`}>
          {textLength(value)}/{max}
        </Text>
      </View>
    </>
  );
}
