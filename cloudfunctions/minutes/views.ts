// How minutes are shown (Art. 9): the current text, every version, the returns and approvals, the
// frozen decisions once issued, the 出席 / 请假 / 列席 blocks from attendance, and allowedActions.
import { findEdge, hasAnyRole, meetingWorkflow, minutesWorkflow, ORG_LEADERSHIP, type Actor, type MinutesStatus, type MinutesView } from '../../domain';
import { offeredActions, offeredCall } from '../../server/kit/access';
import { CHASE_RULES, chaseLoaded } from '../../server/notify/chase';
import type { MinutesDoc } from '../../server/store/docs';
import type { Store } from '../../server/store/port';
import { invitationsInOrder } from '../../server/areas/meeting';
import { requireIssuedDecision } from '../../server/areas/task';
import { attendanceList, blocksOf } from '../../server/areas/attendance';
import { draftedBy, minutesFacts, minutesKind, type MinutesRecord } from './model';

const STAGE_LABEL: Record<MinutesStatus, string> = {
  draft: '起草', union_review: '工会方审核', gov_review: '政府方审核', approved: '印发', issued: '印发',
};

const NEXT_STEP: Record<MinutesStatus, string> = {
  draft: '总工会办公室起草纪要，完成后提交工会方审核',
  union_review: '待工会方（主席或常务副主席）审核',
  gov_review: '待政府方（副市长或副秘书长）审核',
  approved: '双方已审核，待总工会办公室印发',
  issued: '纪要已印发，按议定事项分解落实任务',
};

async function taskCounts(store: Store, meetingId: string, decisions: readonly { id: string }[]): Promise<Map<string, number>> {
  const counts = await Promise.all(decisions.map((d) => store.count('tasks', { meetingId, decisionId: d.id })));
  return new Map(decisions.map((d, i) => [d.id, counts[i]]));
}

export async function toMinutesView(store: Store, r: MinutesRecord, actor: Actor): Promise<MinutesView> {
  const { meeting: m, minutes } = r;
  const status = minutes?.status ?? 'draft';
  const versions = [...(minutes?.versions ?? [])].reverse().map(({ n, text, decisions, notTakenUp, savedAt, savedByName }) => ({ n, text, decisions, ...(notTakenUp ? { notTakenUp } : {}), savedAt, savedByName }));
  const decisions = minutes?.decisions ?? [];
  const office = hasAnyRole(actor.roles, ORG_LEADERSHIP);
  const [{ invitations, org }, counts] = await Promise.all([
    invitationsInOrder(store, m),
    office && decisions.length ? taskCounts(store, m._id, decisions) : Promise.resolve(new Map<string, number>()),
  ]);
  return {
    meetingId: m._id, orgId: m.orgId, meetingTitle: m.title, meetingStatus: meetingWorkflow.states[m.status].label,
    ...(m.heldAt ? { heldAt: m.heldAt } : {}),
    exists: !!minutes, status, statusLabel: minutes ? minutesWorkflow.states[status].label : '尚未起草',
    nextStep: NEXT_STEP[status],
    current: versions[0] ?? null, versions,
    returns: (minutes?.returns ?? []).map((x) => ({ version: x.version, stageLabel: STAGE_LABEL[x.stage], reason: x.reason, byName: x.byName, at: x.at })),
    approvals: (minutes?.approvals ?? []).map((x) => ({ version: x.version, stageLabel: STAGE_LABEL[x.stage], byName: x.byName, at: x.at })),
    decisions: decisions.map((d) => ({
      ...d, taskCount: counts.get(d.id) ?? 0,
      // Art. 11: whether the caller may give tasks against it — task.assign's own table row and guard,
      // asked directly (offeredCall): the minutes function is deployed without the task area, so the
      // decided item's record kind has no offers registered in it
      allowedActions: minutes ? offeredCall(ASSIGN_RULES, actor, { record: { meeting: m, minutes, decision: d }, facts: { kind: 'org', orgId: m.orgId } }).map(() => 'assign') : [],
    })),
    ...(minutes?.docNumber ? { docNumber: minutes.docNumber } : {}),
    ...(minutes?.issuedAt ? { issuedAt: minutes.issuedAt } : {}),
    attendance: blocksOf(m, minutes, invitations, org),
    attendanceList: attendanceList(m, minutes, invitations, org),
    proceedings: (m.proceedings ?? []).map(({ title, sectionTitle, startedAt }) => ({ title, sectionTitle, startedAt })),
    // issue #23: the listed topics a decided item may answer (suggested in the editor)
    ...(m.agendaTopics ? { listedTopics: m.agendaTopics.map(({ id, title, sideLabel }) => ({ id, title, sideLabel })) } : {}),
    ...(minutes && draftedBy(minutes, actor) && reviewsNow(status, actor) ? { approveBlocked: '您起草或提交了当前稿，按审核分离的要求不能审核本稿，请由本方其他审核人审核' } : {}),
    // what the record kit offers: the writes, and the download (minutes.document) once there is a text
    // issue #20: 催办 of the stage's approvers by the org's offices, while the minutes wait at it
    allowedActions: [...offeredActions(minutesKind, actor, { record: r, facts: minutesFacts(r) }), ...offeredCall(CHASE_RULES, actor, chaseLoaded({ subject: 'minutes', meeting: m, minutes }))],
  };
}

/** task.assign's checks, for the offer on each decided item (the page calls it by its verb, 'assign'). */
const ASSIGN_RULES = { name: 'task.assign' as const, guard: requireIssuedDecision };

/** The caller reviews at this stage by role (the approve edge admits them). */
const reviewsNow = (status: MinutesStatus, actor: Actor) => !!findEdge(minutesWorkflow, status, 'approve')?.roles.some((role) => actor.roles.includes(role));

export const latestVersion = (m: MinutesDoc) => m.versions[m.versions.length - 1];
