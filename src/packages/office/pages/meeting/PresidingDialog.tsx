// Art. 8 + 4 (issue #19): 设定主持人 — the presiding leader chosen with the people picker among the
// government's leaders who may preside (the attending government leader; the mayor for a special
// major matter). The server checks the roles again.
import { useState } from 'react';
import { MAY_PRESIDE } from '../../../../../domain/meeting-rules';
import type { PersonCardView } from '../../../../../domain/schemas/people';
import Dialog from '../../../../components/Dialog';
import PeoplePicker from '../../../../components/PeoplePicker';

interface Props {
  current: { id: string; name: string } | null;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (personId: string) => void;
}

const presides = (p: PersonCardView) => p.roles.some((r) => MAY_PRESIDE.includes(r.role));

export default function PresidingDialog({ current, busy, error, onCancel, onSubmit }: Props) {
  const [chosen, setChosen] = useState<PersonCardView | null>(null);
  const selected = new Set(chosen ? [chosen.id] : []);
  return (
    <Dialog
      title='设定主持人'
      subtitle={`由出席会议的政府领导主持；研究重大事项时可请市长主持。${current ? `现为${current.name}。` : ''}`}
      confirmText='确定'
      busy={busy}
      confirmDisabled={!chosen || chosen.id === current?.id}
      error={error}
      onCancel={onCancel}
      onConfirm={() => chosen && onSubmit(chosen.id)}
    >
      <PeoplePicker
        purpose='invite'
        multi={false}
        fixed={{ side: 'gov', category: 'leader' }}
        only={presides}
        selected={selected}
        disabled={busy}
        onToggle={(p) => setChosen(p)}
      />
    </Dialog>
  );
}
