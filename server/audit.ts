// The append-only audit log: who, in which role and org, did what to which record, and how it ended.
// Only the router writes it; no action can update or remove a row.
import type { Actor, ErrorCode } from '../domain';
import type { Store, StoredDoc } from './store/port';

export interface AuditRow extends StoredDoc {
  at: string;
  actorId: string | null;
  actorName: string | null;
  roles: string[];
  orgId: string | null;
  action: string;
  target: string | null;
  result: 'ok' | ErrorCode;
  roundTrips: number;
}

export async function writeAudit(
  store: Store,
  entry: { at: Date; actor: Actor | null; action: string; target?: string; result: 'ok' | ErrorCode; roundTrips: number },
): Promise<void> {
  await store.insert<AuditRow>('audit', {
    at: entry.at.toISOString(),
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.name ?? null,
    roles: entry.actor ? [...entry.actor.roles] : [],
    orgId: entry.actor?.orgId ?? null,
    action: entry.action,
    target: entry.target ?? null,
    result: entry.result,
    roundTrips: entry.roundTrips,
  });
}
