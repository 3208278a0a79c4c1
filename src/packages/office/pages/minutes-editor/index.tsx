// The union office's minutes editor (Art. 9), `?meetingId=`: the office drafts the minutes of a
// held meeting — the text and the decided items (add, remove, reorder) — and every 保存 keeps a new
// version; 提交审核 sends the draft to the union side, then the government side; a return comes
// back with its reason, shown at the top; once both sides approved, 印发 under a 文号 issues the
// 联席会议纪要, whose decided items become the checklist (Art. 11). 下载 .docx previews the document.
// At a desk (≥ 1024 px) two columns: the text and decided items on the left, status, 印发 and the
// versions with their returns on the right; on a phone the same, stacked. Buttons only from
// allowedActions. What is typed is never lost to a failed save: it stays on screen, and is kept on
// the device per meeting and person until it is saved, offered back after a reload (恢复草稿, issue
// #19), and a changed draft is saved as a version by a timer.
// Issue #19: the state and the writes are useEditor.ts (through the page kit), the form DraftEditor,
// the side column SideCards.
import { Text, View } from '@tarojs/components';
import type { MinutesView } from '../../../../../domain/schemas/minutes';
import PageShell from '../../../../kit/PageShell';
import DraftBar from '../../../../components/DraftBar';
import { formatDateTimeShortCN } from '../../../../utils/date';
import { pendingReturn } from '../../../../pages/minutes/kit';
import AttendanceCard from '../../../../pages/minutes/AttendanceCard';
import ProceedingsCard from '../../../../pages/minutes/ProceedingsCard';
import { useDesk } from '../../parts/useDesk';
import DraftEditor, { DraftText } from './DraftEditor';
import { IssueCard, StatusCard, VersionsCard } from './SideCards';
import { useEditor } from './useEditor';
import '../../../../pages/minutes/kit.css';
import './index.css';

export default function MinutesEditor() {
  const ed = useEditor();
  const desk = useDesk();
  const { state, draft, busy } = ed;

  if (state.kind !== 'ready' || !draft) {
    return <PageShell className='medit' state={state.kind === 'ready' ? { kind: 'loading' } : state} skeleton={[[70, 50], [100, 100, 100, 100, 60], [50, 90, 80]]} onRetry={() => void ed.record.reload()} />;
  }

  const m = state.value as MinutesView;
  const returned = pendingReturn(m);
  const status = <StatusCard m={m} ed={ed} />;

  return (
    <PageShell className='medit'>
      <View className='page-container'>
        {returned ? (
          <View className='notice notice--error medit__returned' role='alert'>
            <Text className='notice__title'>
              第{returned.version}稿被退回修改（{returned.stageLabel}）
            </Text>
            <Text className='notice__text medit__returned-reason'>{returned.reason}</Text>
            <Text className='notice__text'>
              {returned.byName} · {formatDateTimeShortCN(returned.at)}。修改后保存为新的一稿，再提交审核，双方重新审核。
            </Text>
          </View>
        ) : null}
        {ed.offer ? <DraftBar savedAt={ed.offer.savedAt} onDiscard={ed.discard} onRestore={ed.restore} /> : null}
        <View className={desk ? 'medit__grid medit__grid--desk' : 'medit__grid'}>
          <View className='medit__col medit__col--main'>
            {desk ? null : status}
            {ed.editable ? <DraftEditor m={m} d={draft} ed={ed} /> : <DraftText m={m} />}
            {m.exists ? <AttendanceCard v={m} busy={busy === 'attendance'} onConfirm={ed.confirmAttendance} /> : null}
          </View>
          <View className='medit__col medit__col--side'>
            {desk ? status : null}
            <IssueCard m={m} ed={ed} />
            <ProceedingsCard v={m} />
            <VersionsCard m={m} />
          </View>
        </View>
      </View>
    </PageShell>
  );
}
