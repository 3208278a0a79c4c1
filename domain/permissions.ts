// The permission matrix (DESIGN.md "Workflows and permissions"): role × action, plus named row
// predicates. Every action in the registry must have a row here, or the registry refuses it.
import type { Actor } from './org';
import { hasAnyRole, OFFICES, type Role } from './roles';
import { CONFIRMERS, noOpinionOffice, OPINION_GIVERS, ORG_LEADERSHIP, otherSide, PROPOSERS, type OneSide } from './topic-rules';
import { MEETING_ACCEPTERS, MEETING_REQUESTERS } from './workflows/meeting';
import { MINUTES_DRAFTERS, MINUTES_REVIEWERS } from './workflows/minutes';
import { PRESS_ROLES } from './workflows/press';
import { SIDE_OFFICE } from './people-rules';

/** Named row-level predicates; an action admits the caller to a record if ANY of its predicates holds. */
export type RowPredicate =
  | 'sameOrg'
  | 'parentOrgRead'
  | 'ownRecord'
  | 'routedToMe'
  | 'otherSideOfficial'
  | 'otherSideOffice'
  | 'leadershipSeesAccepted'
  | 'invitedMe'
  | 'presides'
  | 'orgOffice'
  | 'orgLeadership'
  | 'attendeeSeesIssued'
  | 'taskOwner'
  | 'taskKeeper'
  | 'parentOfficeOnboards'
  | 'parentLeadershipRead'
  | 'keepsPerson'
  | 'proposedHere'
  | 'meetingOffice';

export interface Permission {
  /** 'anyone' = any identified person; otherwise the roles that may call the action at all */
  roles: readonly Role[] | 'anyone';
  /** reads may use parentOrgRead; writes never can (Art. 12: the city reads, never changes, a county) */
  mode: 'read' | 'write';
  /** checked against the record the action names; absent when the action names no record */
  rows?: readonly RowPredicate[];
  /** the named system actor (a timer tick) may call it; no person ever may unless `roles` says so */
  system?: boolean;
  /** one line for the generated docs table: which article this carries out */
  rule: string;
  /**
   * Who may call at all (issue #11): a known person (default); 'openid' also an unbound WeChat
   * account (binding it); 'anonymous' anyone, identified or not (signing in at a desk).
   */
  caller?: 'person' | 'openid' | 'anonymous';
}

/**
 * What the row predicates see of a record, per kind of record. Every kind has its org; the
 * router fills in the org's parent. Later kinds (an invitation's invitee, a task's responsible
 * unit, the stage of minutes) add their own member here with their own predicates.
 */
interface FactsBase {
  orgId: string;
  /** the parent org of the record's org, resolved by the router */
  orgParentId?: string;
}

/** A record that is only "something of an org" (a meeting as a whole, the caller's own org). */
export interface OrgFacts extends FactsBase {
  kind: 'org';
}

/** Art. 6: a topic — who proposed it, the office it is routed to, the side carrying it. */
export interface TopicFacts extends FactsBase {
  kind: 'topic';
  createdBy: string;
  routedTo: Role;
  leadSide: OneSide;
  accepted: boolean;
}

/** Art. 5, 8: a meeting — who presides, and whether the caller is invited. */
export interface MeetingFacts extends FactsBase {
  kind: 'meeting';
  presidingId?: string;
  /** the caller's id when the caller is invited (the loader knows the caller) */
  inviteeId?: string;
  /** issue #23: the caller's id when a topic of theirs is on the meeting's list */
  proposerId?: string;
}

/** Art. 9: a meeting's minutes — whether issued, and whether the caller was invited. */
export interface MinutesFacts extends FactsBase {
  kind: 'minutes';
  issued: boolean;
  inviteeId?: string;
}

/** Art. 11: a task of the checklist — its responsible person and the office that keeps it. */
export interface TaskFacts extends FactsBase {
  kind: 'task';
  ownerId: string;
  keeperRole: Role;
}

/** Issue #11: a person of the directory — their org and side (whose office keeps them). */
export interface PersonFacts extends FactsBase {
  kind: 'person';
  side: OneSide;
}

export type RowFacts = OrgFacts | TopicFacts | MeetingFacts | MinutesFacts | TaskFacts | PersonFacts;

/** The named row predicates; exported so a guard can ask one by name, never re-spell it. */
export const ROW_RULES: Record<RowPredicate, (actor: Actor, row: RowFacts) => boolean> = {
  sameOrg: (actor, row) => actor.orgId === row.orgId,
  // Art. 12: a parent org's offices may read (not change) a child org's records.
  parentOrgRead: (actor, row) => row.orgParentId === actor.orgId && hasAnyRole(actor.roles, OFFICES),
  ownRecord: (actor, row) => row.kind === 'topic' && row.createdBy === actor.id && actor.orgId === row.orgId,
  // Art. 6: the office the topic was routed to screens it.
  routedToMe: (actor, row) => row.kind === 'topic' && actor.orgId === row.orgId && actor.roles.includes(row.routedTo),
  // Art. 6 (征求意见): the other side's office, convenor or leader.
  otherSideOfficial: (actor, row) =>
    row.kind === 'topic' && actor.orgId === row.orgId && hasAnyRole(actor.roles, OPINION_GIVERS[otherSide(row.leadSide)]),
  // Issue #16 (Art. 6 征求意见): the other side's office alone records that its side has no opinion,
  // on an accepted topic (before that the topic is not theirs to see, and a refusal must not say so).
  otherSideOffice: (actor, row) =>
    row.kind === 'topic' && actor.orgId === row.orgId && row.accepted && actor.roles.includes(noOpinionOffice(row.leadSide)),
  leadershipSeesAccepted: (actor, row) =>
    row.kind === 'topic' && actor.orgId === row.orgId && row.accepted && hasAnyRole(actor.roles, ORG_LEADERSHIP),
  // Art. 5: the invitee answers their own invitation and checks in.
  invitedMe: (actor, row) => row.kind === 'meeting' && !!row.inviteeId && row.inviteeId === actor.id,
  // Art. 8: the attending government leader presides.
  presides: (actor, row) => row.kind === 'meeting' && !!row.presidingId && row.presidingId === actor.id && actor.orgId === row.orgId,
  // Art. 7: the org's own offices run the meeting's preparation.
  orgOffice: (actor, row) => actor.orgId === row.orgId && hasAnyRole(actor.roles, OFFICES),
  // The org's offices, convenors, leaders and mayor: who follows the minutes and the whole checklist.
  orgLeadership: (actor, row) => actor.orgId === row.orgId && hasAnyRole(actor.roles, ORG_LEADERSHIP),
  // Art. 9: once issued, the minutes go to those invited to the meeting.
  attendeeSeesIssued: (actor, row) => row.kind === 'minutes' && row.issued && !!row.inviteeId && row.inviteeId === actor.id,
  // Art. 11: the responsible person of a task.
  taskOwner: (actor, row) => row.kind === 'task' && row.ownerId === actor.id && actor.orgId === row.orgId,
  // Art. 11: the office that keeps the checklist verifies — the one that assigned the task.
  taskKeeper: (actor, row) => row.kind === 'task' && actor.orgId === row.orgId && actor.roles.includes(row.keeperRole),
  // Issue #11, Art. 12: the city's offices create a county's first office accounts (a write the
  // parent may make; everything else of a county they only read)
  parentOfficeOnboards: (actor, row) => row.kind === 'org' && !!row.orgParentId && row.orgParentId === actor.orgId && hasAnyRole(actor.roles, OFFICES),
  // Art. 12 (issue #12): the city's convenors and leaders follow each county's assessment (read only)
  parentLeadershipRead: (actor, row) => !!row.orgParentId && row.orgParentId === actor.orgId && hasAnyRole(actor.roles, ORG_LEADERSHIP),
  // Issue #11: each org's office keeps its own side's people
  keepsPerson: (actor, row) => row.kind === 'person' && actor.orgId === row.orgId && actor.roles.includes(SIDE_OFFICE[row.side]),
  // Issue #23: the proposer of a topic on the meeting's list follows what the meeting decided
  proposedHere: (actor, row) => row.kind === 'meeting' && !!row.proposerId && row.proposerId === actor.id && actor.orgId === row.orgId,
  // Issue #20 (催办): the org's offices, on a meeting or its minutes — never on a task, which only
  // the office that keeps it follows up (taskKeeper)
  meetingOffice: (actor, row) => (row.kind === 'meeting' || row.kind === 'minutes') && actor.orgId === row.orgId && hasAnyRole(actor.roles, OFFICES),
};

const OPINION_ROLES: readonly Role[] = [...OPINION_GIVERS.gov, ...OPINION_GIVERS.union];
const TOPIC_READERS: readonly RowPredicate[] = ['ownRecord', 'routedToMe', 'leadershipSeesAccepted', 'parentOrgRead'];
const MINUTES_READERS: readonly RowPredicate[] = ['orgLeadership', 'attendeeSeesIssued', 'parentOrgRead'];
const TASK_READERS: readonly RowPredicate[] = ['taskOwner', 'orgLeadership', 'parentOrgRead'];
const PRESS_READERS: readonly RowPredicate[] = ['orgLeadership', 'parentOrgRead'];

/**
 * Issue #23: who reads which part of a topic's chain (topic.get's `chain`), on top of topic.get's
 * own rows — a caller who may not read the topic reads none of it. The proposer reads the decided
 * items answering their topic and the tasks carrying them (unit, deadline, light, progress, the
 * completion text) although task.get stays the responsible person's and the offices'; evidence is
 * shown by its type only, never the file. A part whose rows do not admit the caller comes back empty.
 */
export const CHAIN_READS = {
  decisions: ['ownRecord', 'routedToMe', 'leadershipSeesAccepted', 'parentOrgRead'],
  tasks: ['ownRecord', 'routedToMe', 'leadershipSeesAccepted', 'parentOrgRead'],
  reply: ['ownRecord', 'routedToMe', 'leadershipSeesAccepted', 'parentOrgRead'],
} as const satisfies Record<string, readonly RowPredicate[]>;
export type ChainPart = keyof typeof CHAIN_READS;

export function chainPartAdmits(part: ChainPart, actor: Actor, row: RowFacts): boolean {
  return CHAIN_READS[part].some((name) => ROW_RULES[name](actor, row));
}

export const PERMISSIONS = {
  'account.me': { roles: 'anyone', mode: 'read', rule: '所有人查看本人身份、单位与角色' },
  'account.home': { roles: 'anyone', mode: 'read', rule: '所有人查看本人待办（议题、邀请、任务）' },
  'account.signIn': { roles: 'anyone', caller: 'anonymous', mode: 'write', rule: '办公室人员在电脑上以登录名和密码登录；连续 5 次错误锁定 15 分钟' },
  'account.redeemInvite': { roles: 'anyone', caller: 'anonymous', mode: 'write', rule: '凭办公室发放的邀请码设置首次密码（一次有效，7 天内）' },
  'account.bind': { roles: 'anyone', caller: 'openid', mode: 'write', rule: '凭邀请码绑定本人微信（一次有效，7 天内；每小时错误 5 次即暂停）' },
  'account.changePassword': { roles: 'anyone', mode: 'write', rule: '本人修改密码（尚无密码时直接设置）' },
  'account.signOut': { roles: 'anyone', mode: 'write', rule: '退出登录：本人此前的登录凭证全部失效' },
  'people.list': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '本级人员名录；手机号仅本人与本方办公室可见；上级办公室只读' },
  'people.get': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '查看人员；手机号仅本人与本方办公室可见' },
  'people.create': { roles: OFFICES, mode: 'write', rows: ['orgOffice', 'parentOfficeOnboards'], rule: '各方办公室只开设本方人员、只设本方角色（领导角色由本方办公室设置并告知另一方）；上级办公室可开设下级本方办公室账号' },
  'people.update': { roles: OFFICES, mode: 'write', rows: ['keepsPerson'], rule: '本方办公室修改本方人员信息' },
  'people.setRoles': { roles: OFFICES, mode: 'write', rows: ['keepsPerson'], rule: '本方办公室只设本方角色，不能把人员改到另一方（调方须停用后由另一方重新开设）；调整后原登录立即失效' },
  'people.deactivate': { roles: OFFICES, mode: 'write', rows: ['keepsPerson'], rule: '本方办公室停用人员；停用后立即不能登录' },
  'people.import': { roles: OFFICES, mode: 'write', rows: ['orgOffice'], rule: '批量导入本方人员：全部通过才导入，逐行说明问题' },
  'people.inviteCode': { roles: OFFICES, mode: 'write', rows: ['keepsPerson'], rule: '生成邀请码（小程序码）供本人绑定微信或设置首次密码' },
  'topic.submit': { roles: PROPOSERS, mode: 'write', rows: ['sameOrg'], rule: '第六条：部门报政府办、工会议题由总工会办公室征集' },
  'topic.update': { roles: PROPOSERS, mode: 'write', rows: ['ownRecord'], rule: '第六条：提出人在审核前或退回后修改' },
  'topic.withdraw': { roles: PROPOSERS, mode: 'write', rows: ['ownRecord'], rule: '第六条：提出人撤回' },
  'topic.resubmit': { roles: PROPOSERS, mode: 'write', rows: ['ownRecord'], rule: '第六条：退回后重新提交' },
  'topic.accept': { roles: OFFICES, mode: 'write', rows: ['routedToMe'], rule: '第六条：汇总办公室筛选采纳' },
  'topic.return': { roles: OFFICES, mode: 'write', rows: ['routedToMe'], rule: '第六条：汇总办公室退回并说明理由' },
  'topic.merge': { roles: OFFICES, mode: 'write', rows: ['routedToMe'], rule: '第六条：汇总办公室合并同类议题' },
  'topic.addOpinion': { roles: OPINION_ROLES, mode: 'write', rows: ['otherSideOfficial'], rule: '第六条：会前征求另一方意见' },
  'topic.noOpinion': { roles: OFFICES, mode: 'write', rows: ['otherSideOffice'], rule: '第六条：征求意见时另一方办公室登记“无意见”' },
  'topic.noOpinionAll': { roles: OFFICES, mode: 'write', rows: ['sameOrg'], rule: '第六条：另一方办公室对待提意见的议题一并登记“无意见”' },
  'topic.confirmList': { roles: CONFIRMERS, mode: 'write', rows: ['sameOrg'], rule: '第六条：议题由双方商议确定，双方确认后议题清单确定' },
  'topic.revokeConfirmation': { roles: CONFIRMERS, mode: 'write', rows: ['sameOrg'], rule: '第六条：发通知前撤回本方确认' },
  'topic.list': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '按可见范围列出议题；上级办公室只读' },
  'topic.get': { roles: 'anyone', mode: 'read', rows: TOPIC_READERS, rule: '提出人、汇总办公室、本级领导（已采纳）与上级办公室可见' },
  'topic.exportReplies': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '议题答复（退回、合并、会议未议定的书面答复）导出（.xlsx）' },
  'topic.listStatus': { roles: ORG_LEADERSHIP, mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '第六条：查看双方对议题清单的确认情况' },
  'meeting.request': { roles: MEETING_REQUESTERS, mode: 'write', rule: '第四条：工会方提请召开联席会议' },
  'meeting.accept': { roles: MEETING_ACCEPTERS, mode: 'write', rows: ['sameOrg'], rule: '第四条：政府方同意召开' },
  'meeting.decline': { roles: MEETING_ACCEPTERS, mode: 'write', rows: ['sameOrg'], rule: '第四条：政府方不同意召开并说明理由' },
  'meeting.openCollection': { roles: OFFICES, mode: 'write', rows: ['sameOrg'], rule: '第六条：会前两个月启动议题征集' },
  'meeting.reschedule': { roles: ['gov_office'], mode: 'write', rows: ['sameOrg'], rule: '第七条：政府办公室调整会议时间地点并告知参会人员；通知印发后以变更通知（另编文号）告知' },
  'meeting.invite': { roles: OFFICES, mode: 'write', rows: ['sameOrg'], rule: '第五条、第七条：政府办公室协调政府方、总工会办公室邀请工会方与特邀人员' },
  'meeting.uninvite': { roles: OFFICES, mode: 'write', rows: ['sameOrg'], rule: '第五条：取消本方邀请' },
  'meeting.setPresiding': { roles: ['gov_office'], mode: 'write', rows: ['sameOrg'], rule: '第八条：出席会议的政府领导主持；重大事项可请市长主持' },
  'meeting.updateAgenda': { roles: ['union_office'], mode: 'write', rows: ['sameOrg'], rule: '第七条、第八条：总工会办公室安排议程' },
  'meeting.issueNotice': { roles: ['gov_office'], mode: 'write', rows: ['sameOrg'], rule: '第七条：会议通知由政府办公室印发' },
  'meeting.reply': { roles: 'anyone', mode: 'write', rows: ['invitedMe'], rule: '第五条：参会人员确认、请假或委托代会' },
  'meeting.checkInCode': { roles: OFFICES, mode: 'write', rows: ['sameOrg'], rule: '第五条：会议当天签到码（每 30 秒更换）' },
  'meeting.doorToken': { roles: OFFICES, mode: 'write', rows: ['sameOrg'], rule: '第五条：会场签到屏的二维码，每 30 秒更换，转发无效' },
  'meeting.board': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '第五条：按方显示应到、已回复、已签到、请假和未到人员' },
  'meeting.checkIn': { roles: 'anyone', mode: 'write', rows: ['invitedMe', 'orgOffice'], rule: '第五条：参会人员当天签到，办公室可代为登记' },
  'meeting.undoCheckIn': { roles: OFFICES, mode: 'write', rows: ['sameOrg'], rule: '第五条：散会前本级办公室撤销误登记的签到，说明理由' },
  'meeting.start': { roles: ['union_office', 'gov_leader', 'mayor'], mode: 'write', rows: ['orgOffice', 'presides'], rule: '第七条、第八条：总工会办公室或主持人宣布开会' },
  'meeting.seating': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '会场座次：主席台按礼宾次序居中、左右交替，会场按方就座' },
  'meeting.setSeating': { roles: OFFICES, mode: 'write', rows: ['sameOrg'], rule: '本级办公室调整主席台次序（散会前）' },
  'meeting.seatingDocument': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '座次图（.docx，A4 横向）' },
  'meeting.nameCards': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '桌签（.docx，A4 对折）' },
  'meeting.attachMaterial': { roles: OFFICES, mode: 'write', rows: ['sameOrg'], rule: '本级办公室为议程附会议材料，标明公开或会内' },
  'meeting.material': { roles: 'anyone', mode: 'read', rows: ['invitedMe', 'orgOffice', 'parentOrgRead'], rule: '参会人员自通知印发起查阅会议材料；会内材料仅在小程序内带水印查看，会后 3 天停止查阅，查阅留痕' },
  'meeting.advanceAgenda': { roles: ['union_office', 'gov_leader', 'mayor'], mode: 'write', rows: ['orgOffice', 'presides'], rule: '第八条：会议进行中由主持人或总工会办公室转入下一项议程，时间记入纪要' },
  'meeting.adjourn': { roles: ['union_office', 'gov_leader', 'mayor'], mode: 'write', rows: ['orgOffice', 'presides'], rule: '第八条：会议结束' },
  'meeting.cancel': { roles: OFFICES, mode: 'write', rows: ['sameOrg'], rule: '取消会议并说明理由' },
  'meeting.attendance': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '第五条：参会回复与签到情况' },
  'meeting.exportAttendance': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '第五条：导出参会名单' },
  'meeting.signInSheet': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '第五条：签到表（.xlsx）' },
  'meeting.archive': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '会议材料归档（.zip）' },
  'meeting.noticeDocument': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '第七条：会议通知公文（.docx）' },
  'meeting.list': { roles: 'anyone', mode: 'read', rule: '本人受邀的会议与本级会议' },
  'meeting.get': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '本级会议；上级办公室只读' },
  'meeting.results': { roles: 'anyone', mode: 'read', rows: ['orgLeadership', 'invitedMe', 'proposedHere', 'parentOrgRead'], rule: '第三条（一）、第十一条：会议议定事项落实情况（完成数/总数、红黄绿灯），本级办公室与领导、参会人员、清单内议题提出人；上级办公室只读' },
  'meeting.resultsYear': { roles: ORG_LEADERSHIP, mode: 'read', rows: ['orgLeadership', 'parentOrgRead', 'parentLeadershipRead'], rule: '第十一条、第十二条：一个机构一年的议定事项：按期办结、逾期办结、在办、逾期未办结（与该机构年度落实情况同一读者）' },
  'minutes.save': { roles: MINUTES_DRAFTERS, mode: 'write', rows: ['sameOrg'], rule: '第九条：会议纪要由总工会办公室起草，每次保存留存一个版本' },
  'minutes.setAttendance': { roles: MINUTES_DRAFTERS, mode: 'write', rows: ['sameOrg'], rule: '第五条、第九条：提交纪要前由总工会办公室按签到确认出席、请假、缺席，更正须说明理由' },
  'minutes.submit': { roles: MINUTES_DRAFTERS, mode: 'write', rows: ['sameOrg'], rule: '第九条：起草完成后报工会方审核' },
  'minutes.approve': { roles: MINUTES_REVIEWERS, mode: 'write', rows: ['sameOrg'], rule: '第九条：工会方审核后报政府方审核' },
  'minutes.return': { roles: MINUTES_REVIEWERS, mode: 'write', rows: ['sameOrg'], rule: '第九条：当前审核方退回修改并说明理由' },
  'minutes.issue': { roles: MINUTES_DRAFTERS, mode: 'write', rows: ['sameOrg'], rule: '第九条：双方审核后以联席会议纪要形式印发' },
  'minutes.get': { roles: 'anyone', mode: 'read', rows: MINUTES_READERS, rule: '第九条：本级办公室、召集人、领导；印发后参会人员；上级办公室只读' },
  'minutes.document': { roles: 'anyone', mode: 'read', rows: MINUTES_READERS, rule: '第九条：纪要公文（.docx）' },
  'task.assign': { roles: OFFICES, mode: 'write', rows: ['sameOrg'], rule: '第十一条：议定事项明确责任单位、责任人和完成时限' },
  'task.report': { roles: 'anyone', mode: 'write', rows: ['taskOwner'], rule: '第十一条：责任人报告落实进展' },
  'task.complete': { roles: 'anyone', mode: 'write', rows: ['taskOwner'], rule: '第十一条：责任人标记完成并上传证明材料' },
  'task.verify': { roles: OFFICES, mode: 'write', rows: ['taskKeeper'], rule: '第十一条：交办的办公室核验办结' },
  'task.sendBack': { roles: OFFICES, mode: 'write', rows: ['taskKeeper'], rule: '第十一条：交办的办公室退回继续落实' },
  'task.explain': { roles: 'anyone', mode: 'write', rows: ['taskOwner', 'taskKeeper'], rule: '第三条（一）：未完成事项说明原因、提出意见和新的时限（新时限为延期申请，由交办的办公室审批）' },
  'task.requestDeadline': { roles: 'anyone', mode: 'write', rows: ['taskOwner'], rule: '第三条（一）：责任人申请延期，说明理由；审批前原时限不变' },
  'task.decideDeadline': { roles: OFFICES, mode: 'write', rows: ['taskKeeper'], rule: '第十一条：交办的办公室同意或不同意延期申请（不同意须说明理由）' },
  'task.setDeadline': { roles: OFFICES, mode: 'write', rows: ['taskKeeper'], rule: '第十一条：交办的办公室调整完成时限，说明理由并告知责任人' },
  'task.list': { roles: 'anyone', mode: 'read', rule: '第十一条：本人任务；本级办公室、召集人、领导看全部清单；上级办公室只读' },
  'task.get': { roles: 'anyone', mode: 'read', rows: TASK_READERS, rule: '第十一条：责任人、本级办公室与领导、上级办公室可见' },
  'task.evidence': { roles: 'anyone', mode: 'read', rows: TASK_READERS, rule: '第十一条：查看证明材料' },
  'task.exportChecklist': { roles: ORG_LEADERSHIP, mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '第十一条：导出落实清单（红黄绿灯）' },
  'press.draft': { roles: PRESS_ROLES, mode: 'write', rows: ['sameOrg'], rule: '第十条：政府办公室与总工会共同负责宣传报道' },
  'press.approve': { roles: PRESS_ROLES, mode: 'write', rows: ['sameOrg'], rule: '第十条：双方办公室均审核当前稿件后方可发布' },
  'press.return': { roles: PRESS_ROLES, mode: 'write', rows: ['sameOrg'], rule: '第十条：退回修改并说明理由' },
  'press.get': { roles: 'anyone', mode: 'read', rows: PRESS_READERS, rule: '第十条：本级办公室、召集人、领导；上级办公室只读' },
  'compliance.overview': { roles: ORG_LEADERSHIP, mode: 'read', rule: '第十二条：市级办公室、召集人、领导看全市及各旗县区的年度落实情况；旗县区只看本级' },
  'compliance.org': { roles: ORG_LEADERSHIP, mode: 'read', rows: ['orgLeadership', 'parentOrgRead', 'parentLeadershipRead'], rule: '第十二条：一个机构的年度会议、纪要与逾期任务' },
  'compliance.export': { roles: ORG_LEADERSHIP, mode: 'read', rule: '第十二条：年度考核工作簿（.xlsx）' },
  'settings.get': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'], rule: '第十三条：现行规则参数及历次修订' },
  'settings.set': { roles: OFFICES, mode: 'write', rows: ['orgOffice'], rule: '第十三条：本级政府办公室或总工会办公室修订参数，自生效日起施行，并告知另一方' },
  'notify.inbox': { roles: 'anyone', mode: 'read', rule: '本人的站内消息' },
  'notify.unreadCount': { roles: 'anyone', mode: 'read', rule: '本人的未读消息数' },
  'notify.markRead': { roles: 'anyone', mode: 'write', rule: '将本人的消息标为已读' },
  'notify.recordConsent': { roles: 'anyone', mode: 'write', rule: '本人订阅消息的授权结果（一次性订阅每次同意可发送一条）' },
  'notify.subscriptions': { roles: 'anyone', mode: 'read', rule: '本人各类提醒能否送达' },
  'notify.chase': { roles: OFFICES, mode: 'write', rows: ['taskKeeper', 'meetingOffice'], rule: '催办（issue #20）：交办的办公室催办任务责任人，本级办公室催办未回复的参会人员与会议纪要审核人；同一事项对同一人每天一次' },
  'reminders.tick': { roles: [], system: true, mode: 'write', rule: '系统定时：到期提醒（回复、会前一天、纪要待审、任务临期与逾期）与免打扰后的订阅消息' },
  'system.sweep': { roles: [], system: true, mode: 'write', rule: '系统定时：补发中断未送达的消息，清理过期的请求编号' },
} as const satisfies Record<string, Permission>;

export type ActionName = keyof typeof PERMISSIONS;

/** Art. 12: a parent org reads a county's records, never changes them — these admit reads only. */
const READ_ONLY_PREDICATES: readonly RowPredicate[] = ['parentOrgRead', 'parentLeadershipRead'];

/** The role matrix alone. The system actor holds no role: only `system` actions admit it. */
export function roleMayCall(permission: Permission, roles: readonly Role[], system = false): boolean {
  if (system) return permission.system === true;
  return permission.roles === 'anyone' || hasAnyRole(roles, permission.roles);
}

export function rowAdmits(permission: Permission, actor: Actor, row: RowFacts): boolean {
  const predicates = permission.rows ?? [];
  return predicates.some((name) => {
    if (READ_ONLY_PREDICATES.includes(name) && permission.mode !== 'read') return false;
    return ROW_RULES[name](actor, row);
  });
}
