import type { Actor } from './org';
import { rowAdmits, roleMayCall, type Permission, type RowFacts } from './permissions';

const cityOffice: Actor = { id: 'u1', name: '赵敏', orgId: 'city', roles: ['gov_office'] };
const cityRep: Actor = { id: 'u2', name: '马春花', orgId: 'city', roles: ['representative'] };
const wuyuanOffice: Actor = { id: 'u3', name: '田锐', orgId: 'wuyuan', roles: ['gov_office'], parentOrgId: 'city' };
const linheRecord: RowFacts = { kind: 'topic', orgId: 'linhe', orgParentId: 'city', createdBy: 'u9', routedTo: 'gov_office', leadSide: 'gov', accepted: false };

const read: Permission = { roles: 'anyone', mode: 'read', rows: ['sameOrg', 'parentOrgRead'] };
const write: Permission = { roles: ['gov_office'], mode: 'write', rows: ['sameOrg', 'parentOrgRead'] };

describe('row predicates (Art. 12)', () => {
  it('lets a parent org office read a county record, but never change it', () => {
    expect(rowAdmits(read, cityOffice, linheRecord)).toBe(true);
    expect(rowAdmits(write, cityOffice, linheRecord)).toBe(false);
  });

  it('gives a sibling county nothing, and a parent non-office nothing', () => {
    expect(rowAdmits(read, wuyuanOffice, linheRecord)).toBe(false);
    expect(rowAdmits(read, cityRep, linheRecord)).toBe(false);
  });

  it('admits the owner through ownRecord only inside their own org', () => {
    const own: Permission = { roles: 'anyone', mode: 'write', rows: ['ownRecord'] };
    expect(rowAdmits(own, { ...cityRep, id: 'u9', orgId: 'linhe' }, linheRecord)).toBe(true);
    expect(rowAdmits(own, cityRep, linheRecord)).toBe(false);
  });

  it('checks roles before rows', () => {
    expect(roleMayCall(write, ['gov_office'])).toBe(true);
    expect(roleMayCall(write, ['union_office', 'representative'])).toBe(false);
    expect(roleMayCall(read, ['representative'])).toBe(true);
  });
});

describe('the system actor (a timer tick)', () => {
  const sweep: Permission = { roles: [], system: true, mode: 'write' };
  it('may call only system actions, and no person may call those', () => {
    expect(roleMayCall(sweep, [], true)).toBe(true);
    expect(roleMayCall(write, [], true)).toBe(false);
    expect(roleMayCall({ ...write, roles: 'anyone' }, [], true)).toBe(false);
    expect(roleMayCall(sweep, ['gov_office'])).toBe(false);
  });
});
