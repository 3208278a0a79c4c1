// Development-only routes of the local host (issue #2 §4): the demo-user list, demo sign-in and the
// development clock. Refused in production, whenever the host listens beyond loopback, and to any
// request whose Host header does not name this machine.
import * as z from 'zod/mini';
import { AppError, DevSignInInput, ROLES, type DevUserView, type Envelope, type Org, type Person } from '../domain';
import { writeAudit } from '../server/kit/audit';
import type { DevClock } from '../server/kit/clock';
import { signSession } from '../server/security/session';
import type { Store, StoredDoc } from '../server/store/port';
import { isLoopbackBindHost, isLoopbackHostHeader, isLoopbackIp } from './loopback';

/**
 * Whether this host offers development routes at all: never in production, and only when it is
 * bound to loopback — both as configured (`HOST`) and as the socket actually reports it.
 */
export function devEnabled(bindHost: string, boundAddress: string): boolean {
  return process.env.NODE_ENV !== 'production' && isLoopbackBindHost(bindHost) && isLoopbackIp(boundAddress);
}

/** Per request, too: a page on another site reaching us through DNS rebinding sends its own Host. */
export function devRequestAllowed(enabled: boolean, hostHeader: string | undefined): boolean {
  return enabled && isLoopbackHostHeader(hostHeader);
}

async function all<T extends StoredDoc>(store: Store, collection: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.find<T>(collection, {}, { limit: 100, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export async function listDevUsers(store: Store): Promise<DevUserView[]> {
  const [people, orgs] = await Promise.all([all<Person>(store, 'users'), all<Org>(store, 'orgs')]);
  const orgById = new Map(orgs.map((o) => [o._id, o]));
  // official order (Org.rank): the city, then 临河区、五原县、磴口县、乌拉特前旗、乌拉特中旗、乌拉特后旗、杭锦后旗
  const orgRank = (id: string) => orgById.get(id)?.rank ?? (orgById.get(id)?.level === 'city' ? 0 : 99);
  const roleRank = (p: Person) => Math.min(...p.roles.map((r) => ROLES.indexOf(r)));
  return people
    .filter((p) => p.devKey)
    .sort((a, b) => orgRank(a.orgId) - orgRank(b.orgId) || roleRank(a) - roleRank(b) || a._id.localeCompare(b._id))
    .map((p) => ({
      key: p.devKey!, id: p._id, name: p.name, orgId: p.orgId, orgName: orgById.get(p.orgId)?.name ?? p.orgId,
      roles: [...p.roles], unit: p.unit, title: p.title,
    }));
}

export async function devSignIn(store: Store, secret: string, now: Date, payload: unknown): Promise<Envelope<{ token: string }>> {
  const parsed = DevSignInInput.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: new AppError('validation_error').toBody() };
  const page = await store.find<Person>('users', { devKey: parsed.data.key }, { limit: 1 });
  const person = page.items[0];
  if (!person) return { ok: false, error: new AppError('not_found', '没有这位演示人员').toBody() };
  await writeAudit(store, {
    at: now, actor: { id: person._id, name: person.name, orgId: person.orgId, roles: person.roles },
    action: 'account.devSignIn', target: person._id, result: 'ok', roundTrips: 2,
  });
  return { ok: true, data: { token: signSession(secret, person._id, now, person.sessionEpoch ?? 0) } };
}

export const ClockInput = z.strictObject({ now: z.nullable(z.iso.datetime({ offset: true })) });

export function setDevClock(clock: DevClock, payload: unknown): Envelope<{ now: string; shifted: boolean }> {
  const parsed = ClockInput.safeParse(payload);
  if (!parsed.success) return { ok: false, error: new AppError('validation_error', '时间格式不正确，应为 ISO 时间或 null').toBody() };
  clock.set(parsed.data.now ? new Date(parsed.data.now) : null);
  return { ok: true, data: { now: clock.now().toISOString(), shifted: clock.shifted } };
}
