// Issue #11/#17: a leadership role, given by its own side's office, is told to the other side's office.
import { LEADERSHIP_ROLES, ROLE_INFO, type OneSide, type Person } from '../../domain';
import { toEach, type NotificationDraft } from '../../server/notify/notify';

type People = ReadonlyArray<Pick<Person, '_id' | 'orgId'>>;

export const leadershipGiven = (offices: People, p: Person, by: string, side: OneSide): NotificationDraft[] =>
  toEach(offices, {
    milestone: 'leadership_role_given', subject: { type: 'person', id: p._id }, occurrence: p.version,
    title: '领导角色变更', body: `${by}为 ${p.name}（${p.unit}${p.title}）设置了${side === 'gov' ? '政府方' : '工会方'}领导角色：${p.roles.filter((r) => LEADERSHIP_ROLES.includes(r)).map((r) => ROLE_INFO[r].label).join('、')}。`,
    link: `/packages/office/pages/people/index?personId=${p._id}`,
  });
