// Issue #25: every query the actions (and the timer's jobs) make of the store, in one place — the
// collection, the shape of the filter (values are examples: only which fields and which operators
// matter to the plan) and the sort. test/store-explain.test.ts asks PostgreSQL (PGlite, and a server
// when TEST_DATABASE_URL is set) for the plan of each and requires an index to serve it; a new
// query in a handler belongs here, and an index for it in indexes.ts (DESIGN.md "Store").
//
// Not listed: `get`/`update` by id (the primary key by construction), and the whole-collection
// counts only the seed and tests make (`count(c, {})`, a full scan by definition).

import type { Filter, FindOptions } from './port';
import type { CollectionName } from './indexes';

export interface ListedQuery {
  /** where the query is made, `file: what` */
  source: string;
  collection: CollectionName;
  filter: Filter;
  sort?: FindOptions['sort'];
  /** `count` (or `removeWhere`, which deletes through the same WHERE) rather than `find` */
  count?: boolean;
}

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2027-01-01T00:00:00.000Z';
const ROLES = { in: ['union_office', 'gov_office'] };
/** server/areas/topic.ts awaitingOpinionFilter: accepted, no opinion of the other side yet, no 无意见 */
const AWAITING: Filter = { meetingId: 'm', status: 'accepted', otherSideOpinions: { in: [0, null] }, noOpinion: null };

const find = (source: string, collection: CollectionName, filter: Filter, sort?: FindOptions['sort']): ListedQuery => ({ source, collection, filter, ...(sort ? { sort } : {}) });
const count = (source: string, collection: CollectionName, filter: Filter): ListedQuery => ({ source, collection, filter, count: true });

export const QUERIES: readonly ListedQuery[] = [
  // account
  find('account/actions/home.ts: upcoming meetings', 'meetings', { orgId: 'o', status: { in: ['accepted', 'notice_issued'] }, plannedAt: { gte: T0 } }, [['plannedAt', 'asc']]),
  find('account/actions/home.ts: meetings collecting topics', 'meetings', { orgId: 'o', status: 'collecting' }, [['plannedAt', 'asc']]),
  find('account/actions/home.ts: my latest topics', 'topics', { createdBy: 'p' }, [['createdAt', 'desc']]),
  count('account/actions/home.ts: my topics', 'topics', { createdBy: 'p' }),
  count('account/actions/home.ts: the queue', 'topics', { orgId: 'o', routedTo: ROLES, status: 'submitted' }),
  count('account/actions/home.ts, notify/views.ts: unread messages', 'notifications', { recipientId: 'p', readAt: null }),
  find('account/actions/home.ts: my invitations', 'invitations', { personId: 'p', plannedAt: { gte: T0 } }, [['answered', 'asc'], ['plannedAt', 'asc']]),
  count('account/actions/home.ts: unanswered invitations', 'invitations', { personId: 'p', answered: false, plannedAt: { gte: T0 } }),
  find('account/actions/home.ts: my open tasks', 'tasks', { ownerId: 'p', open: true }, [['dueAt', 'asc']]),
  count('account/actions/home.ts: my open tasks', 'tasks', { ownerId: 'p', open: true }),
  count('account/actions/home.ts: the org\'s overdue tasks', 'tasks', { orgId: 'o', open: true, dueAt: { lte: T0 } }),
  find('account/actions/home.ts, server/areas/meeting.ts: minutes waiting for me', 'minutes', { orgId: 'o', status: { in: ['review', 'approval'] } }),
  find('account/actions/home.ts: held meetings', 'meetings', { orgId: 'o', status: 'held' }, [['plannedAt', 'desc']]),
  find('account/actions/home.ts, meeting/actions/read.ts, topic/actions/list.ts: documents by id', 'minutes', { _id: { in: ['a', 'b'] } }),
  count('account/actions/home.ts: topics awaiting my side\'s opinion', 'topics', { ...AWAITING, meetingId: { in: ['m1', 'm2'] }, leadSide: 'gov' }),
  find('account/actions/access.ts, server/areas/people.ts: the desk login', 'users', { login: 'l' }),
  count('account/work.ts: a meeting\'s queue', 'topics', { orgId: 'o', routedTo: ROLES, status: 'submitted', meetingId: 'm' }),
  count('account/work.ts, topic/list-status.ts: awaiting an opinion', 'topics', { ...AWAITING, leadSide: 'gov' }),
  count('account/work.ts: meetings at a step', 'meetings', { orgId: 'o', status: 'accepted' }),
  count('account/work.ts: tasks to verify', 'tasks', { orgId: 'o', open: true, status: 'awaiting_verification', keeperRole: ROLES }),
  // topic
  find('topic/actions/list.ts: mine', 'topics', { createdBy: 'p', meetingId: 'm', status: 'accepted' }, [['createdAt', 'desc']]),
  find('topic/actions/list.ts: the queue', 'topics', { orgId: 'o', routedTo: ROLES, status: 'submitted', meetingId: 'm' }, [['createdAt', 'asc']]),
  find('topic/actions/list.ts, noOpinionAll.ts: awaiting my opinion', 'topics', { ...AWAITING, leadSide: 'gov' }, [['createdAt', 'asc']]),
  find('topic/actions/list.ts: a meeting, as its leadership', 'topics', { meetingId: 'm', audience: { hasAny: ['union_office'] } }, [['createdAt', 'asc']]),
  find('topic/actions/list.ts: a meeting by status, as its leadership', 'topics', { meetingId: 'm', status: 'accepted', audience: { hasAny: ['union_office'] } }, [['createdAt', 'asc']]),
  find('topic/actions/list.ts: a meeting, as a proposer', 'topics', { meetingId: 'm', createdBy: 'p' }, [['createdAt', 'asc']]),
  find('topic/actions/list.ts: a county\'s meeting, as the parent office', 'topics', { meetingId: 'm' }, [['createdAt', 'asc']]),
  find('topic/actions/list.ts, meeting/actions/read.ts: meetings by id', 'meetings', { _id: { in: ['a', 'b'] } }),
  count('topic/actions/confirmList.ts: topics not withdrawn', 'topics', { meetingId: 'm', status: { ne: 'withdrawn' } }),
  find('topic/list-status.ts: the first awaiting an opinion', 'topics', AWAITING, [['createdAt', 'asc']]),
  count('topic/list-status.ts: a meeting\'s topics by status', 'topics', { meetingId: 'm', status: 'submitted' }),
  find('topic/list-status.ts: the accepted list', 'topics', { meetingId: 'm', status: 'accepted' }, [['createdAt', 'asc']]),
  count('topic/list-status.ts: awaiting an opinion', 'topics', AWAITING),
  find('topic/chain.ts: a decision\'s tasks', 'tasks', { meetingId: 'm', decisionId: { in: ['d1', 'd2'] } }, [['dueAt', 'asc']]),
  find('server/notify/todos.ts: a meeting\'s topics', 'topics', { meetingId: 'm' }),
  // meeting
  find('meeting/actions/read.ts: my invitations', 'invitations', { personId: 'p' }, [['answered', 'asc'], ['plannedAt', 'asc']]),
  find('meeting/actions/read.ts: an org\'s meetings of a year by status', 'meetings', { orgId: 'o', plannedAt: { gte: T0, lt: T1 }, status: 'held' }, [['plannedAt', 'desc']]),
  find('meeting/actions/read.ts: an org\'s meetings', 'meetings', { orgId: 'o' }, [['plannedAt', 'desc']]),
  find('meeting/actions/read.ts: an org\'s meetings by status', 'meetings', { orgId: 'o', status: 'held' }, [['plannedAt', 'desc']]),
  find('meeting/actions/resultsYear.ts, compliance/figures.ts: an org\'s meetings of a year', 'meetings', { orgId: 'o', plannedAt: { gte: T0, lt: T1 } }, [['plannedAt', 'asc']]),
  find('meeting/views.ts: the previous meeting', 'meetings', { orgId: 'o', plannedAt: { lt: T0 }, status: { in: ['minutes_issued', 'closed'] } }, [['plannedAt', 'desc']]),
  find('meeting/views.ts, task/actions/read.ts: the org\'s open tasks', 'tasks', { orgId: 'o', open: true }, [['dueAt', 'asc']]),
  count('meeting/views.ts: replies by answer', 'invitations', { meetingId: 'm', answer: 'attend' }),
  count('meeting/views.ts: no reply', 'invitations', { meetingId: 'm', answer: null }),
  count('meeting/views.ts: present', 'invitations', { meetingId: 'm', presentAt: { ne: null } }),
  find('meeting/actions/notice.ts, schedule.ts, reminders/resolve.ts: a meeting\'s invitations', 'invitations', { meetingId: 'm' }),
  find('server/areas/meeting.ts: the attendance list', 'invitations', { meetingId: 'm' }, [['side', 'asc'], ['invitedAt', 'asc']]),
  count('server/areas/meeting.ts: silent invitees', 'invitations', { meetingId: 'm', side: { in: ['union', 'gov'] }, answered: false }),
  find('meeting/actions/invite.ts: invitations by id', 'invitations', { _id: { in: ['a', 'b'] } }),
  count('meeting/actions/invite.ts: remove an invitation (removeWhere)', 'invitations', { _id: 'a', version: 1 }),
  find('meeting/actions/invite.ts, server/notify/todos.ts: people by id', 'users', { _id: { in: ['a', 'b'] } }),
  find('server/areas/meeting.ts: meetings by id, latest first', 'meetings', { _id: { in: ['a', 'b'] } }, [['plannedAt', 'desc']]),
  find('server/areas/meeting.ts: meetings asking for replies', 'meetings', { orgId: 'o', status: { in: ['notice_issued', 'accepted'] } }, [['plannedAt', 'desc']]),
  find('server/areas/meeting.ts: press releases waiting', 'press', { orgId: 'o', status: 'draft' }),
  find('meeting/materials.ts: openings of the material', 'material_openings', { meetingId: 'm' }, [['at', 'asc']]),
  find('meeting/actions/results.ts: my accepted topic in a meeting', 'topics', { createdBy: 'p', meetingId: 'm', status: 'accepted' }),
  find('meeting/actions/archive.ts, topic/actions/exportReplies.ts: a meeting\'s topics', 'topics', { meetingId: 'm' }, [['createdAt', 'asc']]),
  // task
  find('task/actions/read.ts, export.ts, meeting/*: a meeting\'s checklist', 'tasks', { meetingId: 'm' }, [['dueAt', 'asc']]),
  find('reminders/resolve.ts: a meeting\'s tasks', 'tasks', { meetingId: 'm' }),
  find('task/actions/read.ts: my tasks', 'tasks', { ownerId: 'p' }, [['open', 'desc'], ['dueAt', 'asc']]),
  find('task/actions/read.ts: tasks to verify', 'tasks', { orgId: 'o', open: true, status: 'awaiting_verification', keeperRole: ROLES }, [['dueAt', 'asc']]),
  find('task/actions/read.ts: overdue', 'tasks', { orgId: 'o', open: true, dueAt: { lte: T0 } }, [['dueAt', 'asc']]),
  find('reminders/resolve.ts: overdue', 'tasks', { orgId: 'o', open: true, dueAt: { lt: T0 } }),
  find('server/areas/task.ts: tasks an office keeps', 'tasks', { orgId: 'o', open: true, keeperRole: ROLES }, [['dueAt', 'asc']]),
  find('compliance/figures.ts, meeting/actions/resultsYear.ts: tasks of meetings', 'tasks', { meetingId: { in: ['m1', 'm2'] } }, [['dueAt', 'asc']]),
  count('minutes/views.ts: a decision\'s tasks', 'tasks', { meetingId: 'm', decisionId: 'd' }),
  // the paged task lists and their lights (task/actions/read.ts, server/areas/task.ts countLights)
  count('task/actions/read.ts: my tasks, done or not', 'tasks', { ownerId: 'p', open: false }),
  count('server/areas/task.ts countLights: my red or yellow tasks', 'tasks', { ownerId: 'p', open: true, dueAt: { gt: T0, lte: T1 } }),
  count('server/areas/task.ts countLights (compliance): lights of meetings\' tasks', 'tasks', { meetingId: { in: ['m1', 'm2'] }, open: true, dueAt: { lte: T0 } }),
  count('server/areas/task.ts countLights (compliance): done tasks of meetings', 'tasks', { meetingId: { in: ['m1', 'm2'] }, open: false }),
  find('task/actions/read.ts: overdue, a page', 'tasks', { orgId: 'o', open: true, dueAt: { lte: T0 } }, [['dueAt', 'asc']]),
  count('compliance/figures.ts: tasks of meetings', 'tasks', { meetingId: { in: ['m1', 'm2'] } }),
  count('compliance/figures.ts: done on time', 'tasks', { meetingId: { in: ['m1', 'm2'] }, open: false, onTime: true }),
  count('compliance/figures.ts: extended', 'tasks', { meetingId: { in: ['m1', 'm2'] }, extended: true }),
  find('compliance/figures.ts: tasks whose figures are not kept yet', 'tasks', { meetingId: { in: ['m1', 'm2'] }, extended: null }),
  find('compliance/figures.ts: meetings of several orgs in a year', 'meetings', { orgId: { in: ['o1', 'o2'] }, plannedAt: { gte: T0, lt: T1 } }, [['plannedAt', 'asc']]),
  find('server/security/uploads.ts: an org\'s tasks', 'tasks', { orgId: 'o' }),
  find('server/security/uploads.ts: an org\'s meetings', 'meetings', { orgId: 'o' }),
  // compliance
  find('compliance/actions.ts: child orgs', 'orgs', { parentId: 'o' }),
  count('compliance/figures.ts: topics of meetings', 'topics', { meetingId: { in: ['m1', 'm2'] } }),
  count('compliance/figures.ts: accepted topics of meetings', 'topics', { meetingId: { in: ['m1', 'm2'] }, status: 'accepted' }),
  // people
  find('people/actions/read.ts: the directory', 'users', { orgId: 'o' }, [['name', 'asc']]),
  find('people/actions/read.ts: search by the beginning of a name', 'users', { orgId: 'o', name: { gte: '王', lt: '王\u{10FFFF}' } }, [['name', 'asc']]),
  find('people/actions/read.ts: search by the beginning of a unit', 'users', { orgId: 'o', unit: { gte: '王', lt: '王\u{10FFFF}' } }, [['unit', 'asc']]),
  find('people/actions/read.ts: search by the beginning of a post', 'users', { orgId: 'o', title: { gte: '王', lt: '王\u{10FFFF}' } }, [['title', 'asc']]),
  find('people/actions/read.ts: search, the org\'s units (matched anywhere in the name)', 'units', { orgId: 'o' }, [['name', 'asc']]),
  find('people/actions/read.ts: search, the people of the matching units', 'users', { orgId: 'o', unit: { in: ['市财政局'] } }, [['unit', 'asc']]),
  find('reminders/resolve.ts: unit heads', 'users', { orgId: 'o', unitHead: true }),
  find('server/notify/notify.ts: people of an org by role', 'users', { orgId: 'o', roles: { hasAny: ['union_office'] } }),
  find('server/security/identity.ts: sign-in by openid', 'users', { openid: 'x' }),
  find('server/security/invites.ts: a person\'s invite codes', 'invites', { personId: 'p' }),
  // notify
  find('notify/actions/inbox.ts: the inbox', 'notifications', { recipientId: 'p' }, [['createdAt', 'desc']]),
  find('notify/actions/inbox.ts: unread only', 'notifications', { recipientId: 'p', readAt: null }, [['createdAt', 'desc']]),
  find('notify/actions/inbox.ts: to-dos only', 'notifications', { recipientId: 'p', needsAction: true, doneAt: null }, [['createdAt', 'desc']]),
  count('server/notify/notify.ts: open to-dos', 'notifications', { recipientId: 'p', needsAction: true, doneAt: null }),
  find('notify/actions/markRead.ts: my unread messages by id', 'notifications', { _id: { in: ['a', 'b'] }, recipientId: 'p', readAt: null }),
  find('server/notify/notify.ts, todos.ts: a subject\'s open to-dos', 'notifications', { subjectId: 's', milestone: { in: ['topic_accepted', 'opinion_requested'] }, handledAt: null }),
  find('server/notify/notify.ts: a subject\'s open to-dos of some people', 'notifications', { subjectId: 's', milestone: { in: ['topic_accepted'] }, handledAt: null, recipientId: { in: ['a', 'b'] } }),
  find('notify/actions/chase.ts: a subject\'s 催办', 'chases', { subjectId: 's' }, [['at', 'desc']]),
  find('notify/actions/subscriptions.ts: deliveries of unknown outcome', 'deliveries', { personId: 'p', state: 'unknown' }, [['createdAt', 'desc']]),
  find('server/notify/subscriptions.ts: deliveries due', 'deliveries', { state: 'queued', sendAt: { lte: T0 } }, [['sendAt', 'asc']]),
  count('server/notify/subscriptions.ts: deliveries queued', 'deliveries', { state: 'queued' }),
  find('server/notify/subscriptions.ts: stale sends', 'deliveries', { state: 'sending', sendAt: { lt: T0 } }, [['sendAt', 'asc']]),
  find('server/notify/sms.ts: SMS due', 'sms', { state: 'queued', sendAt: { lte: T0 } }, [['sendAt', 'asc']]),
  find('server/notify/outbox.ts: pending messages', 'outbox', { state: 'pending', createdAt: { lt: T0 } }, [['createdAt', 'asc']]),
  // settings and the timer
  find('settings/actions.ts: an org\'s settings history', 'settings', { orgId: 'o' }, [['effectiveFrom', 'desc']]),
  find('server/kit/params.ts, server/notify/reminders.ts: settings in force', 'settings', { orgId: 'o', effectiveFrom: { lte: T0 } }, [['effectiveFrom', 'desc']]),
  find('reminders/tick.ts: held meetings', 'meetings', { status: 'held' }),
  find('reminders/tick.ts: meetings with minutes issued', 'meetings', { status: 'minutes_issued' }, [['plannedAt', 'desc']]),
  find('reminders/tick.ts: reminders due', 'reminders', { state: 'due', dueAt: { lte: T0 } }, [['dueAt', 'asc']]),
  find('reminders/tick.ts: reminders a dead tick left', 'reminders', { state: 'claimed', claimedAt: { lt: T0 } }, [['claimedAt', 'asc']]),
  count('system/actions/sweep.ts: expired idempotency keys (removeWhere)', 'idempotency', { expiresAt: { lt: T0 } }),
  count('system/actions/sweep.ts: delivered outbox rows (removeWhere)', 'outbox', { state: 'done', createdAt: { lt: T0 } }),
  count('system/actions/sweep.ts: expired counters (removeWhere)', 'counters', { expiresAt: { lt: T0 } }),
];
