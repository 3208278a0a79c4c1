// Art. 6, as data: who may propose for which side, and which office aggregates what.
// Government topics come from departments to the government office; union topics (including
// representatives') are collected by the union office; a joint topic goes through the side that
// carries the main work.
import { OFFICES, ROLE_INFO, SIDE_LABEL, type Role, type Side } from './roles';

export type OneSide = Exclude<Side, 'joint'>;

/** Sides each role may submit for; `joint` always with the proposer's own side as lead. */
export const SUBMIT_SIDES: Partial<Record<Role, readonly Side[]>> = {
  gov_department: ['gov', 'joint'],
  gov_office: ['gov', 'joint'],
  union_department: ['union', 'joint'],
  union_office: ['union', 'joint'],
  representative: ['union'],
};

/** Everyone who may propose a topic (the roles of SUBMIT_SIDES). */
export const PROPOSERS = Object.keys(SUBMIT_SIDES) as readonly Role[];

/** Art. 6: whom the opening of collection calls on to propose — the proposers other than the offices (which open it). */
export const CALLED_TO_PROPOSE: readonly Role[] = PROPOSERS.filter((r) => !OFFICES.includes(r));

export const AGGREGATING_OFFICE: Record<OneSide, Role> = { gov: 'gov_office', union: 'union_office' };

/** The sides a person may submit a topic for, given all their roles. */
export function submittableSides(roles: readonly Role[]): Side[] {
  return [...new Set(roles.flatMap((r) => SUBMIT_SIDES[r] ?? []))];
}

/** The proposer's own side(s), from the roles that may propose. */
export function proposerSides(roles: readonly Role[]): OneSide[] {
  return [...new Set(roles.filter((r) => SUBMIT_SIDES[r]).map((r) => ROLE_INFO[r].side))];
}

/** The side that carries the topic: its own side, or the lead side of a joint topic. */
export function leadOf(side: Side, leadSide?: OneSide): OneSide {
  return side === 'joint' ? (leadSide ?? 'union') : side;
}

export function otherSide(side: OneSide): OneSide {
  return side === 'gov' ? 'union' : 'gov';
}

/** Art. 6: the topic list is confirmed per side by these roles. */
export const LIST_CONFIRMERS: Record<OneSide, readonly Role[]> = {
  gov: ['gov_convenor', 'gov_leader'],
  union: ['union_convenor', 'union_chair'],
};

/** Everyone who confirms the topic list for a side. */
export const CONFIRMERS: readonly Role[] = [...LIST_CONFIRMERS.gov, ...LIST_CONFIRMERS.union];

/** Art. 6 (征求意见): the other side's office, convenor or leader give opinions. */
export const OPINION_GIVERS: Record<OneSide, readonly Role[]> = {
  gov: ['gov_office', 'gov_convenor', 'gov_leader'],
  union: ['union_office', 'union_convenor', 'union_chair'],
};

/** Who of an org sees every accepted topic: offices, convenors, leaders and the mayor. */
export const ORG_LEADERSHIP: readonly Role[] = [
  'gov_office', 'union_office', 'gov_convenor', 'union_convenor', 'gov_leader', 'union_chair', 'mayor',
];

/**
 * Who sees a topic in its meeting's list besides its proposer (Art. 6): the office it is routed
 * to, at every stage; once accepted, the org's offices, convenors and leaders. Stored on the topic
 * so a meeting's list is one indexed query, paged.
 */
export function topicAudience(status: string, routedTo: Role): Role[] {
  return status === 'accepted' ? [...new Set([routedTo, ...ORG_LEADERSHIP])] : [routedTo];
}

/** Art. 6: a person may submit this many topics a day. */
export const TOPICS_PER_DAY = 10;

/**
 * Why this person may not submit for this side, or null if they may (Art. 6: a representative's
 * topic goes to the union office; a joint topic is proposed by the side carrying the main work).
 */
export function submitSideRefusal(roles: readonly Role[], side: Side, leadSide?: OneSide): string | null {
  if (!submittableSides(roles).includes(side)) return `您不能提交${SIDE_LABEL[side]}议题`;
  if (side === 'joint' && !proposerSides(roles).includes(leadOf(side, leadSide))) {
    return '联合议题由承担主要工作的一方提出，请选择本方为牵头方';
  }
  return null;
}

/** The side on which this person confirms the topic list, if any. */
export function confirmerSide(roles: readonly Role[]): OneSide | null {
  if (roles.some((r) => LIST_CONFIRMERS.gov.includes(r))) return 'gov';
  if (roles.some((r) => LIST_CONFIRMERS.union.includes(r))) return 'union';
  return null;
}

/** The side for which this person gives opinions (on the topics the other side carries), if any. */
export function givesOpinionsFor(roles: readonly Role[]): OneSide | null {
  if (roles.some((r) => OPINION_GIVERS.gov.includes(r))) return 'gov';
  if (roles.some((r) => OPINION_GIVERS.union.includes(r))) return 'union';
  return null;
}


/**
 * Art. 6 (征求意见): the side whose opinion a topic needs before the list is fixed — the side that
 * did not propose it (a one-side topic) or does not lead it (a joint topic).
 */
export function opinionSideOf(leadSide: OneSide): OneSide {
  return otherSide(leadSide);
}

/** Issue #16: only that side's office may record that the side has no opinion (无意见). */
export function noOpinionOffice(leadSide: OneSide): Role {
  return AGGREGATING_OFFICE[opinionSideOf(leadSide)];
}

/** Where a topic stands in the opinion round: an opinion given, 无意见 recorded, or still waiting. */
export type OpinionState = 'given' | 'none' | 'pending';

export function opinionState(t: { otherSideOpinions?: number | null; noOpinion?: unknown }): OpinionState {
  if ((t.otherSideOpinions ?? 0) > 0) return 'given';
  return t.noOpinion ? 'none' : 'pending';
}

/** How the confirmation page says it: 已提 / 无意见（由X办公室登记） / 待提意见. */
export function opinionStateLabel(state: OpinionState, recordedBy?: OneSide): string {
  if (state === 'given') return '已提';
  if (state === 'none') return `无意见（由${recordedBy ? ROLE_INFO[AGGREGATING_OFFICE[recordedBy]].label : '办公室'}登记）`;
  return '待提意见';
}

/** The side whose office this person is, if any (who may record 无意见 for that side). */
export function officeSide(roles: readonly Role[]): OneSide | null {
  if (roles.includes(AGGREGATING_OFFICE.gov)) return 'gov';
  if (roles.includes(AGGREGATING_OFFICE.union)) return 'union';
  return null;
}
