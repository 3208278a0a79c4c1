import { Text, Textarea, View } from '@tarojs/components';
import { type ReactNode, useState } from 'react';
import { type TextLimit, lengthError, textLength } from '../../utils/form';
import Btn from '../Btn';
import './index.css';

export interface DialogProps {
  title: string;
  /** a quieter line under the title */
  subtitle?: string;
  confirmText: string;
  busy?: boolean;
  confirmDisabled?: boolean;
  /** a refusal from the server, shown above the buttons */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}

/** A bottom sheet on a phone, a centred panel on a wide screen. Closing is refused while busy. */
export default function Dialog({ title, subtitle, confirmText, busy, confirmDisabled, error, onConfirm, onCancel, children }: DialogProps) {
  return (
    <View className='dialog'>
      {/* The mask swallows touch moves so the page below does not scroll; the panel itself may. */}
      <View className='dialog__mask' catchMove onClick={() => !busy && onCancel()} />
      <View className='dialog__panel' role='dialog' aria-modal='true' aria-label={title}>
        <Text className='dialog__title'>{title}</Text>
        {subtitle ? <Text className='dialog__subtitle'>{subtitle}</Text> : null}
        <View className='dialog__body'>{children}</View>
        {error ? (
          <View className='dialog__error' role='alert'>
            <Text>{error}</Text>
          </View>
        ) : null}
        <View className='dialog__buttons'>
          <Btn disabled={busy} onClick={onCancel}>
            取消
          </Btn>
          <Btn kind='primary' busy={busy} busyText='提交中…' disabled={confirmDisabled} onClick={onConfirm}>
            {confirmText}
          </Btn>
        </View>
      </View>
    </View>
  );
}

export interface TextDialogProps {
  /** the text's limits (and its name in the messages) */
  limit: TextLimit;
  title: string;
  subtitle?: string;
  placeholder: string;
  confirmText: string;
  busy?: boolean;
  error?: string | null;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

/** A dialog around one required text (退回理由, 意见) with its counter and limits. */
export function TextDialog({ limit, title, subtitle, placeholder, confirmText, busy, error, onSubmit, onCancel }: TextDialogProps) {
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const { max } = limit;
  const problem = lengthError(limit, text);
  const shownError = touched ? problem : null;
  return (
    <Dialog
      title={title}
      subtitle={subtitle}
      confirmText={confirmText}
      busy={busy}
      error={error}
      onCancel={onCancel}
      onConfirm={() => {
        setTouched(true);
        if (!problem) onSubmit(text.trim());
      }}
    >
      <Textarea
        className={shownError ? 'dialog__textarea dialog__textarea--error' : 'dialog__textarea'}
        value={text}
        maxlength={max}
        placeholder={placeholder}
        placeholderClass='dialog__placeholder'
        disabled={busy}
        onInput={(e) => setText(e.detail.value)}
      />
      <DialogCounter error={shownError} value={text} max={max} />
    </Dialog>
  );
}

/** Under a dialog's box: the error (when shown) and the count against the limit. */
export function DialogCounter({ error, value, max }: { error: string | null; value: string; max: number }) {
  return (
    <View className='dialog__counter'>
      <Text className='dialog__field-error'>{error ?? ''}</Text>
      <Text>
        {textLength(value)}/{max}
      </Text>
    </View>
  );
}
