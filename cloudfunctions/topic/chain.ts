// Issue #23: what became of a topic — the meeting it went to, the decided items of the issued
// minutes that name it (Art. 9), the tasks carrying them (Art. 11) with the checklist's lights, or
// the written reply (答复). Three reads at most, whatever the size of the meeting.
import {
  chainPartAdmits,
  hasFlag,
  meetingWorkflow,
  topicWorkflow,
  type Actor,
  type TopicChainTaskView,
  type TopicChainView,
  type TopicReplyView,
} from '../../domain';
import { REPLY_KIND_LABEL } from '../../domain/chain-rules';
import type { ActionContext } from '../../server/kit/registry';
import { orgById } from '../../server/security/identity';
import type { MeetingDoc, MinutesDoc, TaskDoc, TopicDoc, TopicReply } from '../../server/store/docs';
import { findAll } from '../../server/store/port';
import { toResultTask } from '../../server/areas/task-card';
import { topicFacts } from './model';


const EVIDENCE_TYPE_LABEL: Record<string, string> = { 'image/jpeg': '图片', 'image/png': '图片', 'application/pdf': 'PDF 文件' };

/** Decided items of issued minutes that answer `topicId`. */
export function decisionsFor(minutes: MinutesDoc | null, topicId: string): NonNullable<MinutesDoc['decisions']> {
  if (minutes?.status !== 'issued') return [];
  return (minutes.decisions ?? []).filter((d) => d.topicIds?.includes(topicId));
}

/** A task as the chain shows it: the light by the checklist's rule; evidence by type, never the file. */
export function chainTask(t: TaskDoc, now: Date, dueSoonDays: number): TopicChainTaskView {
  return {
    ...toResultTask(t, now, dueSoonDays), decisionId: t.decisionId,
    progress: t.progress.map(({ text, at }) => ({ text, at })),
    completion: t.completion
      ? { text: t.completion.text, at: t.completion.at, evidence: t.completion.evidence.map((e) => ({ typeLabel: EVIDENCE_TYPE_LABEL[e.contentType] ?? '文件' })) }
      : null,
    ...(t.verifiedAt ? { verifiedAt: t.verifiedAt } : {}),
  };
}

/** A reply answers the topic as it stands: a return answered before a resubmission no longer does. */
export function replyInForce(t: TopicDoc): boolean {
  if (!t.reply) return false;
  if (t.reply.kind === 'returned') return hasFlag(topicWorkflow, t.status, 'with_proposer');
  if (t.reply.kind === 'merged') return t.status === 'merged';
  return true;
}

export function replyView(r: TopicReply): TopicReplyView {
  return { kind: r.kind, kindLabel: REPLY_KIND_LABEL[r.kind], text: r.text, at: r.at, byName: r.byName };
}

type ChainContext = Pick<ActionContext<unknown>, 'store' | 'now' | 'params' | 'actor'>;

/** Which parts of the chain the caller reads (CHAIN_READS in domain/permissions.ts). */
async function partsFor(ctx: ChainContext, topic: TopicDoc): Promise<(part: 'decisions' | 'tasks' | 'reply') => boolean> {
  const actor: Actor = ctx.actor;
  const facts = topicFacts(topic);
  const orgParentId = facts.orgId === actor.orgId ? actor.parentOrgId : (await orgById(ctx.store, facts.orgId))?.parentId;
  return (part) => chainPartAdmits(part, actor, { ...facts, orgParentId });
}

export async function chainOf(ctx: ChainContext, topic: TopicDoc, meeting: MeetingDoc): Promise<TopicChainView> {
  const reads = await partsFor(ctx, topic);
  const minutes = meeting.minutesIssuedAt && reads('decisions') ? await ctx.store.get<MinutesDoc>('minutes', meeting._id) : null;
  const decisions = decisionsFor(minutes, topic._id);
  const ids = reads('tasks') ? decisions.map((d) => d.id) : [];
  const [tasks, params] = ids.length
    ? await Promise.all([
        findAll<TaskDoc>(ctx.store, 'tasks', { meetingId: meeting._id, decisionId: { in: ids } }, [['dueAt', 'asc']]),
        ctx.params(meeting.orgId),
      ])
    : [[], null];
  // ordered like the minutes: by decided item, then by deadline
  const order = new Map(ids.map((id, i) => [id, i]));
  const sorted = [...tasks].sort((a, b) => (order.get(a.decisionId) ?? 0) - (order.get(b.decisionId) ?? 0) || a.deadline.localeCompare(b.deadline));
  return {
    meeting: {
      id: meeting._id, title: meeting.title, statusLabel: meetingWorkflow.states[meeting.status].label,
      listed: (meeting.agendaTopics ?? []).some((t) => t.id === topic._id),
      ...(meeting.heldAt ? { heldAt: meeting.heldAt } : {}),
      ...(minutes?.issuedAt ? { minutesIssuedAt: minutes.issuedAt } : {}),
      ...(minutes?.docNumber ? { docNumber: minutes.docNumber } : {}),
    },
    decisions: decisions.map(({ id, n, title, text }) => ({ id, n, title, text })),
    tasks: params ? sorted.map((t) => chainTask(t, ctx.now, params.dueSoonDays)) : [],
    ...(replyInForce(topic) && reads('reply') ? { reply: replyView(topic.reply!) } : {}),
  };
}
