// The two review buttons of a document both offices approve (minutes, press release): 退回修改 opens
// the page's return dialog, 审核通过 approves the current version. Either is drawn only when offered;
// both wait while any write of the page runs.
import Btn from './Btn';

export interface ApprovalBarProps {
  canReturn: boolean;
  canApprove: boolean;
  /** the page's running write (useAction's `busy`), null when none */
  busy: string | null;
  /** 退回修改 tapped while nothing runs */
  onReturn: () => void;
  onApprove: () => void;
}

export default function ApprovalBar({ canReturn, canApprove, busy, onReturn, onApprove }: ApprovalBarProps) {
  return (
    <>
      {canReturn ? (
        <Btn
          kind='outline'
          disabled={busy !== null}
          onClick={() => {
            if (busy) return;
            onReturn();
          }}
        >
          退回修改
        </Btn>
      ) : null}
      {canApprove ? (
        <Btn kind='primary' busy={busy === 'approve'} busyText='提交中…' disabled={busy !== null} onClick={onApprove}>
          审核通过
        </Btn>
      ) : null}
    </>
  );
}
