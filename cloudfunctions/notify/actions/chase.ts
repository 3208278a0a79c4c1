// notify.chase — issue #20, 催办: the keeping office chases, with one tap, a task's responsible
// person, an invitee who has not replied, or the approvers the minutes wait for. At most once a day
// per subject and person (a second chase the same day is refused, saying when it was chased); each
// chase is recorded (`chases`, the subject's timeline) in the transaction that queues its message,
// and the message goes out on every channel the person has (inbox, WeChat 催办通知, SMS where set up).
import {
  AppError,
  cn,
  MINUTES_GOV_REVIEWERS,
  MINUTES_UNION_REVIEWERS,
  OFFICES,
  type ChaseView,
  ChaseInput,
} from '../../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc, TaskDoc } from '../../../server/store/docs';
import { peopleWithRoles, type NotificationDraft } from '../../../server/notify/notify';
import { meetingAhead } from '../../../server/notify/relevance';
import { defineAction } from '../../../server/kit/registry';
import type { StoredDoc } from '../../../server/store/port';

export interface ChaseDoc extends StoredDoc {
  subject: 'task' | 'reply' | 'minutes';
  subjectId: string;
  personId: string;
  personName: string;
  /** the Shanghai day: one chase per subject, person and day */
  day: string;
  by: string;
  byName: string;
  at: string;
}

export const chaseId = (subject: string, id: string, personId: string, day: string) => `${subject}:${id}:${personId}:${day}`;

interface Target {
  personId: string;
  orgId: string;
  name: string;
}

export const chase = defineAction({
  name: 'notify.chase',
  input: ChaseInput,
  handler: async ({ subject, id, personId }, ctx): Promise<ChaseView> => {
    const { store, actor, now } = ctx;
    const day = cn(now).format('YYYY-MM-DD');
    let targets: Target[];
    let title: string;
    let body: (t: Target) => string;
    let link: string;
    let about: NotificationDraft['subject'];
    let what: string;
    if (subject === 'task') {
      const t = await store.get<TaskDoc>('tasks', id);
      if (!t || t.orgId !== actor.orgId) throw new AppError('not_found');
      if (!actor.roles.includes(t.keeperRole)) throw new AppError('forbidden', '只有交办该任务的办公室可以催办');
      if (t.status !== 'in_progress') throw new AppError('invalid_transition', t.status === 'done' ? '任务已办结，无需催办' : '任务已报完成、待核验，无需催办');
      targets = [{ personId: t.ownerId, orgId: t.orgId, name: t.ownerName }];
      what = t.title;
      title = '催办：请尽快落实任务';
      body = () => `${actor.name}催办「${t.title}」（完成时限 ${t.deadline}），请尽快落实并报告进展。`;
      link = `/pages/task/detail/index?id=${t._id}`;
      about = { type: 'task', id: t._id };
    } else {
      const m = await store.get<MeetingDoc>('meetings', id);
      if (!m || m.orgId !== actor.orgId) throw new AppError('not_found');
      if (!actor.roles.some((r) => OFFICES.includes(r))) throw new AppError('forbidden');
      if (subject === 'reply') {
        if (!personId) throw new AppError('validation_error', '请指定要催办的参会人员');
        const inv = await store.get<InvitationDoc>('invitations', `${m._id}:${personId}`);
        if (!inv) throw new AppError('not_found', '该人员未被邀请参加本次会议');
        if (!meetingAhead(m, now)) throw new AppError('invalid_transition', '会议已开始或尚未印发通知，无需催办回复');
        if (inv.answered) throw new AppError('invalid_transition', `${inv.name}已回复，无需催办`);
        targets = [{ personId: inv.personId, orgId: inv.orgId, name: inv.name }];
        what = m.title;
        title = '催办：请回复是否参会';
        body = () => `${actor.name}提醒您回复是否参加「${m.title}」。`;
        link = `/pages/meeting/detail/index?id=${m._id}`;
        about = { type: 'meeting', id: m._id };
      } else {
        const doc = await store.get<MinutesDoc>('minutes', m._id);
        if (!doc || (doc.status !== 'union_review' && doc.status !== 'gov_review')) throw new AppError('invalid_transition', '会议纪要当前不在审核中，无需催办');
        const reviewers = await peopleWithRoles(store, m.orgId, doc.status === 'union_review' ? MINUTES_UNION_REVIEWERS : MINUTES_GOV_REVIEWERS);
        targets = reviewers.filter((p) => !personId || p._id === personId).map((p) => ({ personId: p._id, orgId: p.orgId, name: p.name }));
        if (!targets.length) throw new AppError('not_found', '该人员不是本阶段的审核人');
        what = `${m.title}会议纪要`;
        title = '催办：会议纪要待您审核';
        body = () => `${actor.name}提醒您审核「${m.title}」的会议纪要。`;
        link = `/pages/minutes/index?meetingId=${m._id}`;
        about = { type: 'minutes', id: m._id };
      }
    }
    const at = now.toISOString();
    const chased = await ctx.write(
      async (tx) => {
        const fresh: Target[] = [];
        const earlier: ChaseDoc[] = [];
        for (const t of targets) {
          const had = await tx.get<ChaseDoc>('chases', chaseId(subject, id, t.personId, day));
          if (had) earlier.push(had);
          else fresh.push(t);
        }
        if (!fresh.length) {
          const last = earlier[0];
          throw new AppError('rate_limited', `今天已催办过${last ? `（${last.byName} ${cn(last.at).format('HH:mm')}）` : ''}，每天最多催办一次，请明天再试`);
        }
        for (const t of fresh) {
          await tx.insert<ChaseDoc>('chases', {
            _id: chaseId(subject, id, t.personId, day), subject, subjectId: id, personId: t.personId, personName: t.name, day, by: actor.id, byName: actor.name, at,
          });
        }
        return fresh;
      },
      (fresh) => fresh.map((t): NotificationDraft => ({
        recipientId: t.personId, orgId: t.orgId, milestone: 'chase', subject: about, dueAt: `${day}T00:00:00+08:00`,
        title, body: body(t), link, facts: { subject: what, time: at, note: title.replace(/^催办：/, '') },
      })),
    );
    const history = await store.find<ChaseDoc>('chases', { subjectId: id }, { sort: [['at', 'desc']], limit: 50 });
    return {
      subject, id, chased: chased.map((t) => t.name), at,
      history: history.items.filter((c) => c.subject === subject).map((c) => ({ personName: c.personName, byName: c.byName, at: c.at })),
    };
  },
});
