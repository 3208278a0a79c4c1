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

/**
 * The matrix itself: what the router checks. Each action's one line for the generated docs (which
 * article it carries out) lives in permission-rules.ts, which only the docs generator imports: the
 * cloud functions carry the rules, not their prose (issues #18, #25).
 */
export const PERMISSIONS = {
  'account.me': { roles: 'anyone', mode: 'read' },
  'account.home': { roles: 'anyone', mode: 'read' },
  'account.signIn': { roles: 'anyone', caller: 'anonymous', mode: 'write' },
  'account.redeemInvite': { roles: 'anyone', caller: 'anonymous', mode: 'write' },
  'account.bind': { roles: 'anyone', caller: 'openid', mode: 'write' },
  'account.changePassword': { roles: 'anyone', mode: 'write' },
  'account.signOut': { roles: 'anyone', mode: 'write' },
  'people.list': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'people.get': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'people.create': { roles: OFFICES, mode: 'write', rows: ['orgOffice', 'parentOfficeOnboards'] },
  'people.update': { roles: OFFICES, mode: 'write', rows: ['keepsPerson'] },
  'people.setRoles': { roles: OFFICES, mode: 'write', rows: ['keepsPerson'] },
  'people.deactivate': { roles: OFFICES, mode: 'write', rows: ['keepsPerson'] },
  'people.import': { roles: OFFICES, mode: 'write', rows: ['orgOffice'] },
  'people.inviteCode': { roles: OFFICES, mode: 'write', rows: ['keepsPerson'] },
  'topic.submit': { roles: PROPOSERS, mode: 'write', rows: ['sameOrg'] },
  'topic.update': { roles: PROPOSERS, mode: 'write', rows: ['ownRecord'] },
  'topic.withdraw': { roles: PROPOSERS, mode: 'write', rows: ['ownRecord'] },
  'topic.resubmit': { roles: PROPOSERS, mode: 'write', rows: ['ownRecord'] },
  'topic.accept': { roles: OFFICES, mode: 'write', rows: ['routedToMe'] },
  'topic.return': { roles: OFFICES, mode: 'write', rows: ['routedToMe'] },
  'topic.merge': { roles: OFFICES, mode: 'write', rows: ['routedToMe'] },
  'topic.addOpinion': { roles: OPINION_ROLES, mode: 'write', rows: ['otherSideOfficial'] },
  'topic.noOpinion': { roles: OFFICES, mode: 'write', rows: ['otherSideOffice'] },
  'topic.noOpinionAll': { roles: OFFICES, mode: 'write', rows: ['sameOrg'] },
  'topic.confirmList': { roles: CONFIRMERS, mode: 'write', rows: ['sameOrg'] },
  'topic.revokeConfirmation': { roles: CONFIRMERS, mode: 'write', rows: ['sameOrg'] },
  'topic.list': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'topic.get': { roles: 'anyone', mode: 'read', rows: TOPIC_READERS },
  'topic.exportReplies': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'topic.listStatus': { roles: ORG_LEADERSHIP, mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'meeting.request': { roles: MEETING_REQUESTERS, mode: 'write' },
  'meeting.accept': { roles: MEETING_ACCEPTERS, mode: 'write', rows: ['sameOrg'] },
  'meeting.decline': { roles: MEETING_ACCEPTERS, mode: 'write', rows: ['sameOrg'] },
  'meeting.openCollection': { roles: OFFICES, mode: 'write', rows: ['sameOrg'] },
  'meeting.reschedule': { roles: ['gov_office'], mode: 'write', rows: ['sameOrg'] },
  'meeting.invite': { roles: OFFICES, mode: 'write', rows: ['sameOrg'] },
  'meeting.uninvite': { roles: OFFICES, mode: 'write', rows: ['sameOrg'] },
  'meeting.setPresiding': { roles: ['gov_office'], mode: 'write', rows: ['sameOrg'] },
  'meeting.updateAgenda': { roles: ['union_office'], mode: 'write', rows: ['sameOrg'] },
  'meeting.issueNotice': { roles: ['gov_office'], mode: 'write', rows: ['sameOrg'] },
  'meeting.reply': { roles: 'anyone', mode: 'write', rows: ['invitedMe'] },
  'meeting.checkInCode': { roles: OFFICES, mode: 'write', rows: ['sameOrg'] },
  'meeting.doorToken': { roles: OFFICES, mode: 'write', rows: ['sameOrg'] },
  'meeting.board': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'meeting.checkIn': { roles: 'anyone', mode: 'write', rows: ['invitedMe', 'orgOffice'] },
  'meeting.undoCheckIn': { roles: OFFICES, mode: 'write', rows: ['sameOrg'] },
  'meeting.start': { roles: ['union_office', 'gov_leader', 'mayor'], mode: 'write', rows: ['orgOffice', 'presides'] },
  'meeting.seating': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'meeting.setSeating': { roles: OFFICES, mode: 'write', rows: ['sameOrg'] },
  'meeting.seatingDocument': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'meeting.nameCards': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'meeting.attachMaterial': { roles: OFFICES, mode: 'write', rows: ['sameOrg'] },
  'meeting.material': { roles: 'anyone', mode: 'read', rows: ['invitedMe', 'orgOffice', 'parentOrgRead'] },
  'meeting.advanceAgenda': { roles: ['union_office', 'gov_leader', 'mayor'], mode: 'write', rows: ['orgOffice', 'presides'] },
  'meeting.adjourn': { roles: ['union_office', 'gov_leader', 'mayor'], mode: 'write', rows: ['orgOffice', 'presides'] },
  'meeting.cancel': { roles: OFFICES, mode: 'write', rows: ['sameOrg'] },
  'meeting.attendance': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'meeting.exportAttendance': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'meeting.signInSheet': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'meeting.archive': { roles: OFFICES, mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'meeting.noticeDocument': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'meeting.list': { roles: 'anyone', mode: 'read' },
  'meeting.get': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'meeting.results': { roles: 'anyone', mode: 'read', rows: ['orgLeadership', 'invitedMe', 'proposedHere', 'parentOrgRead'] },
  'meeting.resultsYear': { roles: ORG_LEADERSHIP, mode: 'read', rows: ['orgLeadership', 'parentOrgRead', 'parentLeadershipRead'] },
  'minutes.save': { roles: MINUTES_DRAFTERS, mode: 'write', rows: ['sameOrg'] },
  'minutes.setAttendance': { roles: MINUTES_DRAFTERS, mode: 'write', rows: ['sameOrg'] },
  'minutes.submit': { roles: MINUTES_DRAFTERS, mode: 'write', rows: ['sameOrg'] },
  'minutes.approve': { roles: MINUTES_REVIEWERS, mode: 'write', rows: ['sameOrg'] },
  'minutes.return': { roles: MINUTES_REVIEWERS, mode: 'write', rows: ['sameOrg'] },
  'minutes.issue': { roles: MINUTES_DRAFTERS, mode: 'write', rows: ['sameOrg'] },
  'minutes.get': { roles: 'anyone', mode: 'read', rows: MINUTES_READERS },
  'minutes.document': { roles: 'anyone', mode: 'read', rows: MINUTES_READERS },
  'task.assign': { roles: OFFICES, mode: 'write', rows: ['sameOrg'] },
  'task.report': { roles: 'anyone', mode: 'write', rows: ['taskOwner'] },
  'task.complete': { roles: 'anyone', mode: 'write', rows: ['taskOwner'] },
  'task.verify': { roles: OFFICES, mode: 'write', rows: ['taskKeeper'] },
  'task.sendBack': { roles: OFFICES, mode: 'write', rows: ['taskKeeper'] },
  'task.explain': { roles: 'anyone', mode: 'write', rows: ['taskOwner', 'taskKeeper'] },
  'task.requestDeadline': { roles: 'anyone', mode: 'write', rows: ['taskOwner'] },
  'task.decideDeadline': { roles: OFFICES, mode: 'write', rows: ['taskKeeper'] },
  'task.setDeadline': { roles: OFFICES, mode: 'write', rows: ['taskKeeper'] },
  'task.list': { roles: 'anyone', mode: 'read' },
  'task.get': { roles: 'anyone', mode: 'read', rows: TASK_READERS },
  'task.evidence': { roles: 'anyone', mode: 'read', rows: TASK_READERS },
  'task.exportChecklist': { roles: ORG_LEADERSHIP, mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'press.draft': { roles: PRESS_ROLES, mode: 'write', rows: ['sameOrg'] },
  'press.approve': { roles: PRESS_ROLES, mode: 'write', rows: ['sameOrg'] },
  'press.return': { roles: PRESS_ROLES, mode: 'write', rows: ['sameOrg'] },
  'press.get': { roles: 'anyone', mode: 'read', rows: PRESS_READERS },
  'compliance.overview': { roles: ORG_LEADERSHIP, mode: 'read' },
  'compliance.org': { roles: ORG_LEADERSHIP, mode: 'read', rows: ['orgLeadership', 'parentOrgRead', 'parentLeadershipRead'] },
  'compliance.export': { roles: ORG_LEADERSHIP, mode: 'read' },
  'settings.get': { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'] },
  'settings.set': { roles: OFFICES, mode: 'write', rows: ['orgOffice'] },
  'notify.inbox': { roles: 'anyone', mode: 'read' },
  'notify.unreadCount': { roles: 'anyone', mode: 'read' },
  'notify.markRead': { roles: 'anyone', mode: 'write' },
  'notify.recordConsent': { roles: 'anyone', mode: 'write' },
  'notify.subscriptions': { roles: 'anyone', mode: 'read' },
  'notify.chase': { roles: OFFICES, mode: 'write', rows: ['taskKeeper', 'meetingOffice'] },
  'reminders.tick': { roles: [], system: true, mode: 'write' },
  'system.sweep': { roles: [], system: true, mode: 'write' },
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
