// The router (STYLE.md §2): every call runs parse → identify → authorise → handle → audit.
// A handler never sees unparsed input and cannot skip a check; every answer is an envelope.
import type * as z from 'zod';
import {
  AppError,
  CallBody,
  ERROR_MESSAGES,
  HTTP_STATUS,
  PERMISSIONS,
  rowAdmits,
  roleMayCall,
  type Actor,
  type Envelope,
  type ErrorCode,
  type Org,
  type Permission,
  type RowFacts,
} from '../domain';
import { writeAudit } from './audit';
import { identify } from './identity';
import { reserve, settle, type Reservation } from './idempotency';
import { deliver, type NotificationDraft } from './notify';
import type { Area, RegisteredAction } from './registry';
import type { Runtime } from './runtime';
import { CountingStore, type Store } from './store/port';

export interface Dispatched {
  envelope: Envelope<unknown>;
  status: number;
  /** database round trips of the whole call, identity and audit included */
  roundTrips: number;
}

function fail(code: ErrorCode, message?: string, details?: unknown): Envelope<never> {
  return { ok: false, error: new AppError(code, message ?? ERROR_MESSAGES[code], details).toBody() };
}

function zodDetails(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

async function withParent(store: Store, row: RowFacts): Promise<RowFacts> {
  if (row.orgParentId !== undefined) return row;
  const org = await store.get<Org>('orgs', row.orgId);
  return { ...row, orgParentId: org?.parentId };
}

/** Authorise: the role matrix, then the row predicates on the record the payload names. */
async function authorise(action: RegisteredAction, input: unknown, actor: Actor, store: Store): Promise<void> {
  const { permission } = action;
  if (!roleMayCall(permission, actor.roles)) throw new AppError('forbidden');
  if (!permission.rows?.length || !action.row) return;
  const found = await action.row(input, store, actor);
  if (!found) throw new AppError('not_found');
  const row = await withParent(store, found);
  if (rowAdmits(permission, actor, row)) return;
  // Someone who may read the record learns they may not change it; anyone else learns nothing.
  const visibility: Permission = action.readAs ? PERMISSIONS[action.readAs] : { ...permission, rows: ['sameOrg', 'parentOrgRead'] };
  const mayRead = permission.mode === 'write' && rowAdmits({ ...visibility, mode: 'read' }, actor, row);
  throw new AppError(mayRead ? 'forbidden' : 'not_found');
}

export async function dispatch(area: Area, event: unknown, context: unknown, rt: Runtime): Promise<Dispatched> {
  const store = new CountingStore(rt.store);
  const done = (envelope: Envelope<unknown>): Dispatched => ({
    envelope,
    status: envelope.ok ? 200 : HTTP_STATUS[envelope.error.code],
    roundTrips: store.roundTrips,
  });

  // 1. parse: the body, the action, the payload (strict: unknown keys are refused)
  const body = CallBody.safeParse(event);
  if (!body.success) return done(fail('validation_error', '请求格式不正确', zodDetails(body.error)));
  const action = area.actions.get(body.data.action);
  if (!action) return done(fail('validation_error', `未知的操作：${area.name}.${body.data.action}`));
  const parsed = action.input.safeParse(body.data.payload ?? {});
  if (!parsed.success) return done(fail('validation_error', undefined, zodDetails(parsed.error)));
  const input: unknown = parsed.data;

  // 2. identify: only from the platform context, never from the payload
  const now = rt.clock.now();
  let actor: Actor | null;
  try {
    actor = await identify(store, rt.principal(context));
  } catch (e) {
    rt.log('error', 'identify failed', { action: action.name, error: String(e) });
    return done(fail('internal'));
  }
  if (!actor) return done(fail('unauthenticated'));

  // 3–4. authorise, then handle (with an idempotency reservation when asked)
  let envelope: Envelope<unknown>;
  const key = action.idempotent ? body.data.idempotencyKey : undefined;
  const outbox: NotificationDraft[] = [];
  let reservation: Reservation | null = null;
  try {
    await authorise(action, input, actor, store);
    reservation = key ? await reserve(store, actor.id, action.name, key, now) : null;
    if (reservation?.kind === 'replay') return done(reservation.envelope);
    const checkContent = async (texts: readonly string[]) => {
      if (!(await rt.content.allows(texts, actor?.openid))) throw new AppError('content_rejected');
    };
    envelope = await run(action, input, {
      actor, store, now, idempotencyKey: key, log: rt.log, checkContent, notify: (d) => outbox.push(...d),
    });
  } catch (e) {
    envelope = toFailure(e, rt, action.name);
  }
  // settle the key whatever happened: a success is replayed, a refusal may be retried with it
  if (reservation?.kind === 'fresh') {
    try {
      await settle(store, reservation.id, reservation.version, envelope);
    } catch (e) {
      rt.log('error', 'idempotency settle failed', { action: action.name, error: String(e) });
    }
  }

  // after the writes: notifications (a failed delivery never undoes a committed action)
  if (envelope.ok && outbox.length) {
    try {
      await deliver(store, outbox, now, rt.channels);
    } catch (e) {
      rt.log('error', 'notification delivery failed', { action: action.name, error: String(e) });
    }
  }

  // 5. audit: every write, and every refusal of anything (a denial writes nothing else)
  if (action.permission.mode === 'write' || !envelope.ok) {
    try {
      await writeAudit(store, {
        at: now,
        actor,
        action: action.name,
        target: action.target?.(input),
        result: envelope.ok ? 'ok' : envelope.error.code,
        roundTrips: store.roundTrips + 1,
      });
    } catch (e) {
      rt.log('error', 'audit write failed', { action: action.name, error: String(e) });
    }
  }
  return done(envelope);
}

async function run(action: RegisteredAction, input: unknown, ctx: Parameters<RegisteredAction['handler']>[1]): Promise<Envelope<unknown>> {
  const data = await action.handler(input, ctx);
  return { ok: true, data };
}

function toFailure(e: unknown, rt: Runtime, actionName: string): Envelope<never> {
  if (e instanceof AppError) return { ok: false, error: e.toBody() };
  // Unexpected: log it here, answer without stack or database text.
  rt.log('error', 'action failed', { action: actionName, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  return fail('internal');
}
