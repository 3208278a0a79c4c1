// The append-only audit log: who, in which role and org, did what to which record, and how it ended.
// Only the router writes it; no action can update or remove a row.
import type { Actor, ErrorCode } from '../../domain';
import type { Store, StoredDoc } from '../store/port';

export interface AuditRow extends StoredDoc {
  /** real time, whatever the development clock says */
  at: string;
  /** the development clock's time, only when it was moved: what the rules saw */
  ruleNow?: string;
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
  entry: { at: Date; ruleNow?: Date; actor: Actor | null; action: string; target?: string; result: 'ok' | ErrorCode; roundTrips: number },
): Promise<void> {
  await store.insert<AuditRow>('audit', {
    at: entry.at.toISOString(),
    ...(entry.ruleNow ? { ruleNow: entry.ruleNow.toISOString() } : {}),
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
