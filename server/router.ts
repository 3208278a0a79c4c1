// The router (STYLE.md §2): every call runs parse → identify → authorise → handle → audit.
// A handler never sees unparsed input and cannot skip a check; every answer is an envelope.
import type * as z from 'zod';
import {
  AppError,
  CallBody,
  ERROR_MESSAGES,
  findUnstorable,
  HTTP_STATUS,
  type Actor,
  type Permission,
  type Envelope,
  type ErrorCode,
} from '../domain';
import { authorise } from './access';
import { writeAudit } from './audit';
import { identify } from './identity';
import { payloadHash, reserve, settle, type Reservation } from './idempotency';
import { countRefusal } from './metrics';
import { deliverOutbox, strandedOutbox, writeWithOutbox, type OutboxDoc } from './outbox';
import type { ChannelOutcome } from './notify';
import { paramsFor } from './params';
import type { ActionContext, Area, RegisteredAction } from './registry';
import type { Principal, Runtime } from './runtime';
import { CountingStore } from './store/port';

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

/** Parse: the body, the action, the payload (strict: unknown keys are refused). */
function parse(area: Area, event: unknown): { action: RegisteredAction; input: unknown; key?: string } | Envelope<never> {
  const body = CallBody.safeParse(event);
  if (!body.success) {
    countRefusal('malformed');
    return fail('validation_error', '请求格式不正确', zodDetails(body.error));
  }
  const action = area.actions.get(body.data.action);
  if (!action) {
    countRefusal('unknown_action');
    return fail('validation_error', `未知的操作：${area.name}.${body.data.action}`);
  }
  // Postgres text cannot hold NUL or a lone surrogate: refuse them by name instead of failing later.
  const bad = findUnstorable(body.data.payload);
  if (bad) {
    countRefusal('malformed');
    return fail('validation_error', '内容含有无法保存的字符', [{ path: bad.join('.'), message: '含有无法保存的字符' }]);
  }
  const parsed = action.input.safeParse(body.data.payload ?? {});
  if (!parsed.success) {
    countRefusal('malformed');
    return fail('validation_error', undefined, zodDetails(parsed.error));
  }
  // Every write that carries a key is idempotent (issue #6, defect 5); reads need none.
  const key = action.permission.mode === 'write' ? body.data.idempotencyKey : undefined;
  return { action, input: parsed.data, key };
}

/**
 * Issue #11: the caller who is no known person, for the few actions that admit one — anyone
 * signing in at a desk ('anonymous'), or a WeChat account not yet bound ('openid'). They hold no
 * role and name no org, so no row rule ever admits them to a record.
 */
function visitor(permission: Permission, principal: Principal | null, client: string | undefined): Actor | null {
  if (permission.caller === 'anonymous' && principal?.kind !== 'system') {
    return {
      id: 'visitor', name: '访客', orgId: '', roles: [], visitor: true,
      ...(principal?.kind === 'openid' ? { openid: principal.openid } : {}), ...(client ? { client } : {}),
    };
  }
  if (permission.caller === 'openid' && principal?.kind === 'openid') {
    return { id: 'visitor', name: '未绑定的微信用户', orgId: '', roles: [], visitor: true, openid: principal.openid };
  }
  return null;
}

/**
 * Runs one call. `as` names the system actor for calls with nobody behind them (a timer tick); it
 * is set only by server code (function.ts, the local host), never from a request.
 */
export async function dispatch(area: Area, event: unknown, context: unknown, rt: Runtime, as?: Principal): Promise<Dispatched> {
  const store = new CountingStore(rt.store);
  const done = (envelope: Envelope<unknown>): Dispatched => ({
    envelope,
    status: envelope.ok ? 200 : HTTP_STATUS[envelope.error.code],
    roundTrips: store.roundTrips,
  });

  // 1. parse
  const parsed = parse(area, event);
  if ('ok' in parsed) return done(parsed);
  const { action, input, key } = parsed;

  // 2. identify: only from the platform context, never from the payload
  const now = rt.clock.now();
  let actor: Actor | null;
  const principal = as ?? rt.principal(context);
  try {
    actor = (await identify(store, principal)) ?? visitor(action.permission, principal, rt.clientOf?.(context));
  } catch (e) {
    rt.log('error', 'identify failed', { action: action.name, error: String(e) });
    return done(fail('internal'));
  }
  if (!actor) {
    countRefusal('unauthenticated');
    return done(fail('unauthenticated'));
  }

  // 3–4. authorise (roles, row rules on the loaded record, state guard), then handle
  let envelope: Envelope<unknown>;
  let reservation: Reservation | null = null;
  const outbox: OutboxDoc[] = [];
  try {
    const record = await authorise(action, input, actor, store);
    // idempotency is infrastructure: it runs on real time even when the dev clock is moved
    reservation = key ? await reserve(store, actor.id, action.name, key, payloadHash(input), new Date()) : null;
    if (reservation?.kind === 'replay') return done(reservation.envelope);
    const who = actor;
    const ctx: ActionContext<unknown> = {
      actor: who, store, now, record, idempotencyKey: key, log: rt.log,
      write: (fn, messages) => writeWithOutbox(store, now, action.name, fn, messages, (entry) => outbox.push(entry)),
      params: paramsFor(store, now),
      files: rt.files,
      codes: rt.codes,
      redeliver: async () => deliverOutbox(store, await strandedOutbox(store, now), now, rt),
      deliverNow: async () => {
        const outcomes: Record<ChannelOutcome, number> = { sent: 0, queued: 0, skipped: 0, failed: 0 };
        const taken = outbox.splice(0, outbox.length);
        await deliverOutbox(store, taken, now, rt, outcomes);
        return outcomes;
      },
      channels: rt.channels,
      issueSession: rt.issueSession,
      templates: rt.templates ?? {},
      checkContent: async (texts) => {
        if (!(await rt.content.allows(texts, who.openid))) throw new AppError('content_rejected');
      },
    };
    envelope = { ok: true, data: await action.handler(input, ctx) };
  } catch (e) {
    envelope = toFailure(e, rt, action.name);
  }
  // settle the key whatever happened: a success is replayed, a refusal may be retried with it
  if (reservation?.kind === 'fresh') {
    try {
      await settle(store, reservation, envelope, new Date());
    } catch (e) {
      rt.log('error', 'idempotency settle failed', { action: action.name, error: String(e) });
    }
  }

  // after the commit: deliver what the action wrote to the outbox (a failure leaves it pending
  // for the sweep; it never undoes the action)
  if (outbox.length) await deliverOutbox(store, outbox, now, rt);

  // 5. audit: every write, and every refusal of anything (a denial writes nothing else)
  if (action.permission.mode === 'write' || !envelope.ok) {
    try {
      await writeAudit(store, {
        at: new Date(),
        ruleNow: rt.clock.shifted ? now : undefined,
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

function toFailure(e: unknown, rt: Runtime, actionName: string): Envelope<never> {
  if (e instanceof AppError) return { ok: false, error: e.toBody() };
  // Unexpected: log it here, answer without stack or database text.
  rt.log('error', 'action failed', { action: actionName, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  return fail('internal');
}
