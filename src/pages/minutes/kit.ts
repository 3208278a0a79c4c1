// What the minutes pages share (Art. 9) — the phone page for reviewers and attendees and the union
// office's editor: the page's meeting, the minutes read (minutes.get), how far the two reviews have
// gone, which returns and approvals belong to which version, and the .docx download. The press
// release page (Art. 10) uses the same meeting parameter and download-free parts. Type-only imports
// from the schemas (zod stays out of the mini-program).
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { FileLinkView } from '../../../domain/schemas/meeting';
import type { MinutesApprovalView, MinutesReturnView, MinutesView } from '../../../domain/schemas/minutes';
import { hasFlag } from '../../../domain/workflow';
import { minutesWorkflow } from '../../../domain/workflows/minutes';
import { type RecordPage, useRecordPage } from '../../hooks/useRecordPage';
import { ApiError, call } from '../../services/api';
import { queryValue } from '../../utils/nav';
import { openServerFile } from '../../services/files';

/** The stage labels the server gives approvals and returns (cloudfunctions/minutes/views.ts). */
export const UNION_STAGE = '工会方审核';
export const GOV_STAGE = '政府方审核';

/** The meeting the page is about: `?meetingId=` (or `?id=`), as both platforms pass it. */
export function useMeetingParam(): string {
  const { params } = useRouter();
  return queryValue(params, 'meetingId') || queryValue(params, 'id');
}

/** The minutes of the page's meeting, read with minutes.get. */
export function useMinutesRecord(): { meetingId: string; record: RecordPage<MinutesView> } {
  const meetingId = useMeetingParam();
  const fetchMinutes = useCallback(() => call('minutes.get', { meetingId }), [meetingId]);
  const record = useRecordPage(meetingId ? fetchMinutes : null, missingMeeting);
  return { meetingId, record };
}

export function missingMeeting(): ApiError {
  return new ApiError('not_found', '缺少会议编号，请从会议页面或消息中进入');
}

/** Colour class of the minutes' status tag (the status is always said in words too). */
export function minutesTagClass(status: MinutesView['status']): string {
  if (status === 'draft') return 'tag tag--submitted';
  if (status === 'union_review' || status === 'gov_review') return 'tag tag--merged';
  return 'tag tag--accepted';
}

/** One of the two reviews of Art. 9: the union side first, then the government side. */
export interface ReviewStep {
  key: 'union' | 'gov';
  side: string;
  who: string;
  state: 'done' | 'waiting' | 'later';
  /** the approval of the current text, once given */
  approval: MinutesApprovalView | null;
}

/** The latest approval of `stage` (a return restarts both reviews, so only the last one counts). */
function lastApproval(v: MinutesView, stage: string): MinutesApprovalView | null {
  for (let i = v.approvals.length - 1; i >= 0; i--) if (v.approvals[i].stageLabel === stage) return v.approvals[i];
  return null;
}

/** Art. 9: where each review stands now. */
export function reviewSteps(v: MinutesView): ReviewStep[] {
  const unionDone = hasFlag(minutesWorkflow, v.status, 'union_approved');
  const govDone = hasFlag(minutesWorkflow, v.status, 'gov_approved');
  return [
    {
      key: 'union', side: '工会方', who: '总工会主席或常务副主席',
      state: unionDone ? 'done' : v.status === 'union_review' ? 'waiting' : 'later',
      approval: unionDone ? lastApproval(v, UNION_STAGE) : null,
    },
    {
      key: 'gov', side: '政府方', who: '副市长或副秘书长',
      state: govDone ? 'done' : v.status === 'gov_review' ? 'waiting' : 'later',
      approval: govDone ? lastApproval(v, GOV_STAGE) : null,
    },
  ];
}

/** The returns given on version `n` (Art. 9: kept beside the version they were given on). */
export function returnsOn(v: MinutesView, n: number): MinutesReturnView[] {
  return v.returns.filter((r) => r.version === n);
}

export function approvalsOn(v: MinutesView, n: number): MinutesApprovalView[] {
  return v.approvals.filter((a) => a.version === n);
}

/** The latest return, when the draft is back with the union office because of it. */
export function pendingReturn(v: MinutesView): MinutesReturnView | null {
  if (v.status !== 'draft' || v.returns.length === 0) return null;
  return v.returns[v.returns.length - 1];
}

/** Opens the .docx the server made (the minutes). */
export function openDocx(link: FileLinkView): Promise<void> {
  return openServerFile(link, {
    fileType: 'docx', gone: '文件已失效，请重新下载', failed: '下载失败，请稍后再试', cantOpen: '文件已下载，但无法打开，请安装可查看 Word 文档的应用',
  });
}
