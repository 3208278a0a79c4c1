// Art. 12: every county/banner/district runs the same system for its own joint meeting.
// An org is one jurisdiction's pair (people's government + federation of trade unions).

export type OrgLevel = 'city' | 'county';

export interface Org {
  _id: string;
  version: number;
  name: string;
  level: OrgLevel;
  /** the city for a county; absent for the city */
  parentId?: string;
  govName: string;
  unionName: string;
  /** official order: the city first, then 临河区、五原县、磴口县、乌拉特前旗、乌拉特中旗、乌拉特后旗、杭锦后旗 */
  rank?: number;
  /** issue #16: the org's own order of its units for protocol order (domain/protocol.ts); optional */
  unitOrder?: string[];
}

/** The person as stored in the `users` collection: bound to a WeChat openid and/or a demo key. */
export interface Person {
  _id: string;
  version: number;
  name: string;
  orgId: string;
  roles: import('./roles').Role[];
  /** unit and post, e.g. 市人社局 副局长 */
  unit: string;
  title: string;
  openid?: string;
  devKey?: string;
  /** false once deactivated: identity refuses the person at once */
  active?: boolean;
  /** issue #11: the desk login (a demo person's is their demo key) and the password's bcrypt hash */
  login?: string;
  passwordHash?: string;
  /** moved on by sign-out, deactivation and role changes: every earlier session token dies */
  sessionEpoch?: number;
  /** wrong passwords in a row, and the lock they caused */
  failedSignIns?: number;
  lockedUntil?: string;
  /** shown masked except to the person and their own side's office */
  phone?: string;
  /** the unit as a record of the org (`units`), so a task's responsible unit outlives the person */
  unitId?: string;
  /**
   * Issue #20: the head of their unit, as the office marks it in the directory (not guessed from
   * the title): a task of the unit 7 days overdue reaches them in the weekly digest (Art. 11)
   */
  unitHead?: boolean;
}

/** Who is calling, as identified by the router (never from a payload). */
export interface Actor {
  id: string;
  name: string;
  orgId: string;
  roles: import('./roles').Role[];
  unit?: string;
  title?: string;
  /** the org's parent, resolved once so row predicates stay pure */
  parentOrgId?: string;
  openid?: string;
  /** the named system actor of a timer tick: holds no role, may call only `system` actions */
  system?: boolean;
  /** issue #11: a caller who is no known person — a visitor signing in, or an unbound WeChat account */
  visitor?: boolean;
  /** a visitor's client (address), for per-client limits */
  client?: string;
}
