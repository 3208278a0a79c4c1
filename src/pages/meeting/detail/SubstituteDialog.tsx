// 委托代会 on the invitee's meeting page: who comes instead, with their post, in a dialog.
import { Input, Text } from '@tarojs/components';
import { useState } from 'react';
import { MEETING_LIMITS } from '../../../../domain/limits';
import Dialog, { DialogCounter } from '../../../components/Dialog';
import { lengthError } from '../../../utils/form';

interface SubstituteDialogProps {
  initial?: { name: string; post: string };
  busy: boolean;
  error: string | null;
  onSubmit: (s: { name: string; post: string }) => void;
  onCancel: () => void;
}

/** 委托代会: who comes instead, with their post; both required, within the contract's limits. */
export default function SubstituteDialog({ initial, busy, error, onSubmit, onCancel }: SubstituteDialogProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [post, setPost] = useState(initial?.post ?? '');
  const [touched, setTouched] = useState(false);
  const nameError = lengthError(MEETING_LIMITS.personName, name);
  const postError = lengthError(MEETING_LIMITS.post, post);
  return (
    <Dialog
      title='委托代会'
      subtitle='请填写代您参会人员的姓名和职务，办公室将收到通知。'
      confirmText='提交'
      busy={busy}
      error={error}
      onCancel={onCancel}
      onConfirm={() => {
        setTouched(true);
        if (!nameError && !postError) onSubmit({ name: name.trim(), post: post.trim() });
      }}
    >
      <LineField label='代会人员姓名' placeholder='请输入代会人员姓名' value={name} max={MEETING_LIMITS.personName.max} error={touched ? nameError : null} busy={busy} onInput={setName} />
      <LineField label='职务' placeholder='请输入代会人员职务' value={post} max={MEETING_LIMITS.post.max} error={touched ? postError : null} busy={busy} onInput={setPost} />
    </Dialog>
  );
}

interface LineFieldProps {
  label: string;
  placeholder: string;
  value: string;
  max: number;
  /** shown under the box (and the box marked) when set */
  error: string | null;
  busy: boolean;
  onInput: (value: string) => void;
}

/** One line of the dialog: its label, the box, then the error (once shown) and the count against the limit. */
function LineField({ label, placeholder, value, max, error, busy, onInput }: LineFieldProps) {
  return (
    <>
      <Text className='dialog__label'>{label}</Text>
      <Input
        className={error ? 'minput minput--error' : 'minput'}
        value={value}
        maxlength={max}
        placeholder={placeholder}
        placeholderClass='dialog__placeholder'
        disabled={busy}
        onInput={(e) => onInput(e.detail.value)}
      />
      <DialogCounter error={error} value={value} max={max} />
    </>
  );
}
