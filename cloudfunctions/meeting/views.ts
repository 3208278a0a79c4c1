// How a meeting is shown: labels, the four-section agenda (Art. 8), the caller's invitation, the
// replies at a glance for the offices, and allowedActions from the record kit.
import {
  AGENDA_SECTIONS,
  hasAnyRole,
  INVITEE_CATEGORY_LABEL,
  MINUTES_DRAFTERS,
  MEETING_KIND_LABEL,
  meetingWorkflow,
  NEXT_STEP,
  NO_REPLY_LABEL,
  OFFICES,
  statesWith,
  REPLY_LABEL,
  SIDE_LABEL,
  type Actor,
  type AgendaSectionView,
  type AttendanceRowView,
  type MeetingCardView,
  type MeetingResultsView,
  type MeetingView,
  type MyInvitationView,
} from '../../domain';
import { offeredActions } from '../../server/kit/access';
import type { InvitationDoc, MeetingDoc, TaskDoc } from '../../server/store/docs';
import type { ActionContext } from '../../server/kit/registry';
import { findAll } from '../../server/store/port';
import { toTaskCard } from '../../server/areas/task-card';
import { orgById } from '../../server/security/identity';
import type { Filter, Store } from '../../server/store/port';
import { noticeRecords } from './issued';
import { materialViews } from './materials';
import { meetingResults } from './actions/results';
import { meetingFacts, meetingKind, type MeetingRecord } from '../../server/areas/meeting';

type AgendaItem = AgendaSectionView['items'][number];

/** What a view needs of the action's context: the store, the time and the org's parameters. */
export type ViewContext = Pick<ActionContext<unknown>, 'store' | 'now' | 'params'>;

/** The checklist of the org's previous meeting whose minutes were issued, or null when there is none. */
export interface PreviousChecklist {
  meetingTitle: string;
  items: AgendaItem[];
  /** issue #23: the previous meeting's 落实情况, from the function meeting.results answers with */
  results?: MeetingResultsView;
}

/**
 * Art. 3 (1), Art. 8 (1): the previous meeting (the org's latest earlier one with issued minutes)
 * and every task of its checklist with state and light; an unfinished one shows its explanation,
 * opinion and new deadline, or 待说明. Tasks of meetings before it that are still open follow
 * (issue #16): an unfinished task is reported at every meeting until it is done.
 */
export async function previousChecklist(ctx: ViewContext, m: MeetingDoc): Promise<PreviousChecklist | null> {
  const { items: [prev] } = await ctx.store.find<MeetingDoc>(
    'meetings',
    { orgId: m.orgId, plannedAt: { lt: m.plannedAt }, status: { in: statesWith(meetingWorkflow, 'minutes_out') } },
    { sort: [['plannedAt', 'desc']], limit: 1 },
  );
  if (!prev) return null;
  const [tasks, open, params, results] = await Promise.all([
    findAll<TaskDoc>(ctx.store, 'tasks', { meetingId: prev._id }, [['dueAt', 'asc']]),
    // issue #16: a task of an earlier meeting still unfinished is reported too, until it is done
    findAll<TaskDoc>(ctx.store, 'tasks', { orgId: m.orgId, open: true }, [['dueAt', 'asc']]),
    ctx.params(m.orgId),
    ctx.params(prev.orgId).then((p) => meetingResults(ctx.store, prev, ctx.now, p)),
  ]);
  const carried = open.filter((t) => t.meetingId !== prev._id && t.meetingId !== m._id && t.assignedAt < prev.plannedAt);
  const items = [...tasks, ...carried].map((t): AgendaItem => {
    const card = toTaskCard(t, ctx.now, params);
    const last = t.explanations[t.explanations.length - 1];
    return {
      id: t._id, title: t.title, minutes: 0,
      note: `${t.unit} ${t.ownerName} · ${card.statusLabel}${t.meetingId === prev._id ? '' : ` · ${t.meetingTitle}议定，尚未完成`}`,
      task: {
        light: card.light, lightLabel: card.lightLabel, statusLabel: card.statusLabel, unit: t.unit, ownerName: t.ownerName,
        deadline: t.deadline, done: t.status === 'done',
        // the deadline in force (issue #16: a date the person asked for is not a deadline until the keeper approves)
        explanation: t.status !== 'done' && last ? { explanation: last.explanation, opinion: last.opinion, newDeadline: t.deadline } : null,
      },
    };
  });
  return { meetingTitle: prev.title, items, results };
}

function previousItems(previous: PreviousChecklist | null): AgendaItem[] {
  if (!previous) return [{ id: 'previous', title: '本级此前没有已印发纪要的会议，本项暂无内容', minutes: 0 }];
  if (!previous.items.length) return [{ id: 'previous', title: `「${previous.meetingTitle}」未分解落实任务`, minutes: 0 }];
  return previous.items;
}

/** Art. 8: the agenda is generated from the meeting's records, never typed from scratch. */
export function agendaOf(m: MeetingDoc, previous: PreviousChecklist | null): AgendaSectionView[] {
  const generated: Record<string, AgendaItem[]> = {
    previous: previousItems(previous),
    origin: [{
      id: 'origin',
      title: m.agendaTopics
        ? `本次会议共征集议题 ${m.proposedCount ?? m.agendaTopics.length} 项，经双方确认列入议题清单 ${m.agendaTopics.length} 项`
        : '议题清单确定后自动生成',
      minutes: 0,
    }],
    discussion: (m.agendaTopics ?? []).map((t) => ({ id: t.id, topicId: t.id, title: t.title, note: t.sideLabel, minutes: 0 })),
    deployment: [{ id: 'deployment', title: '部署议定事项的贯彻落实工作，明确责任单位、责任人和完成时限', minutes: 0 }],
  };
  return AGENDA_SECTIONS.map(({ key, title }) => {
    const results = key === 'previous' && previous?.results ? { results: previous.results } : {};
    const plan = m.agendaPlan?.[key] ?? [];
    const byId = new Map(generated[key].map((item) => [item.id, item]));
    // the office's order and minutes first, then anything generated since
    const ordered = [
      ...plan.filter((p) => byId.has(p.id)).map((p) => ({ ...byId.get(p.id)!, minutes: p.minutes })),
      ...generated[key].filter((item) => !plan.some((p) => p.id === item.id)),
    ];
    // topics are numbered in the order the office set, so 议题1 is always the first discussed
    const items = key === 'discussion' ? ordered.map((item, i) => ({ ...item, title: `议题${i + 1}：${item.title}` })) : ordered;
    return { key, title, items, ...results };
  });
}

export function answerLabel(i: Pick<InvitationDoc, 'answer'>): string {
  return i.answer ? REPLY_LABEL[i.answer] : NO_REPLY_LABEL;
}

export function myInvitation(i: InvitationDoc | null): MyInvitationView | null {
  if (!i) return null;
  return {
    category: i.category, categoryLabel: INVITEE_CATEGORY_LABEL[i.category], answer: i.answer, answerLabel: answerLabel(i),
    ...(i.reason ? { reason: i.reason } : {}), ...(i.substitute ? { substitute: i.substitute } : {}), present: !!i.presentAt,
  };
}

/** Replies at a glance (已确认 / 请假 / 代会 / 未回复, present on the day): for the offices only. */
async function replies(store: Store, m: MeetingDoc): Promise<MeetingView['replies']> {
  const n = (f: Filter) => store.count('invitations', { meetingId: m._id, ...f });
  const [attend, decline, substitute, none, present] = await Promise.all([
    n({ answer: 'attend' }), n({ answer: 'decline' }), n({ answer: 'substitute' }), n({ answer: null }), n({ presentAt: { ne: null } }),
  ]);
  return { attend, decline, substitute, none, present };
}

export async function toMeetingView(ctx: ViewContext, r: MeetingRecord, actor: Actor): Promise<MeetingView> {
  const { store } = ctx;
  const { meeting: m, mine } = r;
  // the org's offices and, read-only, the parent org's offices (the router admitted them)
  const office = hasAnyRole(actor.roles, OFFICES);
  const [org, counts, previous, materials] = await Promise.all([
    orgById(store, m.orgId), office ? replies(store, m) : Promise.resolve(null), previousChecklist(ctx, m), materialViews(store, m, actor, mine, ctx.now),
  ]);
  const sections = agendaOf(m, previous);
  return {
    id: m._id, orgId: m.orgId, orgName: org?.name ?? '', kind: m.kind, kindLabel: MEETING_KIND_LABEL[m.kind], title: m.title,
    plannedAt: m.plannedAt, place: m.place ?? null, reason: m.reason ?? '',
    state: m.status, stateLabel: meetingWorkflow.states[m.status].label, lateCollection: !!m.lateCollection,
    scheduleVersion: m.scheduleVersion ?? 1, presiding: m.presiding ?? null,
    docNumber: m.docNumber ?? null, noticeIssuedAt: m.noticeIssuedAt ?? null, notices: noticeRecords(m),
    ...(m.cancelReason ? { cancelReason: m.cancelReason } : {}), ...(m.declineReason ? { declineReason: m.declineReason } : {}),
    nextStep: NEXT_STEP[m.status] ?? null,
    agenda: { sections },
    proceedings: m.proceedings ?? [],
    agendaItemCount: sections.reduce((n, s) => n + s.items.length, 0),
    materials,
    invitation: myInvitation(mine),
    replies: counts,
    rules: m.rules ?? null,
    draftsMinutes: actor.orgId === m.orgId && hasAnyRole(actor.roles, MINUTES_DRAFTERS),
    // the call's time: opening the meeting is offered on its day only (issue #16)
    allowedActions: offeredActions(meetingKind, actor, { record: r, facts: meetingFacts(m, mine) }, ctx.now),
  };
}

export function toMeetingCard(m: MeetingDoc, mine: InvitationDoc | null): MeetingCardView {
  return {
    id: m._id, title: m.title, kindLabel: MEETING_KIND_LABEL[m.kind], plannedAt: m.plannedAt, place: m.place ?? null,
    state: m.status, stateLabel: meetingWorkflow.states[m.status].label, nextStep: NEXT_STEP[m.status] ?? null,
    invitation: mine ? { answer: mine.answer, answerLabel: answerLabel(mine) } : null,
  };
}

export function toAttendanceRow(i: InvitationDoc): Omit<AttendanceRowView, 'allowedActions'> {
  return {
    personId: i.personId, name: i.name, unit: i.unit, title: i.title, side: i.side, sideLabel: SIDE_LABEL[i.side],
    ...(myInvitation(i) as MyInvitationView), ...(i.presentAt ? { presentAt: i.presentAt } : {}),
  };
}
