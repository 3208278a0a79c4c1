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
  type ChaseView,
  ChaseInput,
} from '../../../domain';
import { peopleWithRoles, type NotificationDraft } from '../../../server/notify/notify';
import { CHASE_RULES } from '../../../server/notify/chase';
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

// Who may chase what (the role matrix, taskKeeper / meetingOffice) and whether the subject still
// needs it (CHASE_RULES' guard) are checked by the router on the loaded record, exactly as the
// views offer 'notify.chase'; the handler adds the once-a-day rule.
export const chase = defineAction({
  ...CHASE_RULES,
  input: ChaseInput,
  target: (i) => i.id,
  handler: async ({ subject, id, personId }, ctx): Promise<ChaseView> => {
    const { store, actor, now, record: s } = ctx;
    const day = cn(now).format('YYYY-MM-DD');
    let targets: Target[];
    let title: string;
    let body: (t: Target) => string;
    let link: string;
    let about: NotificationDraft['subject'];
    let what: string;
    if (s.subject === 'task') {
      const t = s.task;
      targets = [{ personId: t.ownerId, orgId: t.orgId, name: t.ownerName }];
      what = t.title;
      title = '催办：请尽快落实任务';
      body = () => `${actor.name}催办「${t.title}」（完成时限 ${t.deadline}），请尽快落实并报告进展。`;
      link = `/pages/task/detail/index?id=${t._id}`;
      about = { type: 'task', id: t._id };
    } else if (s.subject === 'reply') {
      const { meeting: m, invitation: inv } = s;
      targets = [{ personId: inv!.personId, orgId: inv!.orgId, name: inv!.name }];
      what = m.title;
      title = '催办：请回复是否参会';
      body = () => `${actor.name}提醒您回复是否参加「${m.title}」。`;
      link = `/pages/meeting/detail/index?id=${m._id}`;
      about = { type: 'meeting', id: m._id };
    } else {
      const { meeting: m, minutes: doc } = s;
      const reviewers = await peopleWithRoles(store, m.orgId, doc!.status === 'union_review' ? MINUTES_UNION_REVIEWERS : MINUTES_GOV_REVIEWERS);
      targets = reviewers.filter((p) => p.active !== false && (!personId || p._id === personId)).map((p) => ({ personId: p._id, orgId: p.orgId, name: p.name }));
      if (!targets.length) throw new AppError('not_found', '该人员不是本阶段的审核人');
      what = `${m.title}会议纪要`;
      title = '催办：会议纪要待您审核';
      body = () => `${actor.name}提醒您审核「${m.title}」的会议纪要。`;
      link = `/pages/minutes/index?meetingId=${m._id}`;
      about = { type: 'minutes', id: m._id };
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
