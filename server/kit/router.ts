// The router (STYLE.md §2): every call runs bound → parse → identify → idempotency → authorise →
// handle → audit. A handler never sees unparsed input and cannot skip a check; every answer is an
// envelope. Issue #17: the body's size and depth are bounded by one linear walk before anything
// else, and a key already answered gets its answer before authorisation and the state guards.
import type * as z from 'zod/mini';
import {
  AppError,
  CallBody,
  ERROR_MESSAGES,
  HTTP_STATUS,
  inspectPayload,
  PAYLOAD_LIMITS,
  type Actor,
  type Permission,
  type Envelope,
  type ErrorCode,
} from '../../domain';
import { authorise } from './access';
import { writeAudit } from './audit';
import { identify } from '../security/identity';
import { commitInTx, payloadHash, reserveOrWait, settle, type Held } from './idempotency';
import { countRefusal } from './metrics';
import { deliverOutbox, strandedOutbox, writeWithOutbox, type OutboxDoc } from '../notify/outbox';
import type { ChannelOutcome, NotificationDraft } from '../notify/notify';
import { paramsFor } from './params';
import type { ActionContext, Area, RegisteredAction } from './registry';
import type { Principal, Runtime } from './runtime';
import { CountingStore, type TxStore } from '../store/port';

export interface Dispatched {
  envelope: Envelope<unknown>;
  status: number;
  /** database round trips of the whole call, identity and audit included */
  roundTrips: number;
}

function fail(code: ErrorCode, message?: string, details?: unknown): Envelope<never> {
  return { ok: false, error: new AppError(code, message ?? ERROR_MESSAGES[code], details).toBody() };
}

function zodDetails(error: z.core.$ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Parse: the body's bounds, the body, the action, the payload (strict: unknown keys are refused).
 * The bounds come first, from one iterative walk (domain/text.ts `inspectPayload`): nothing later —
 * zod, hashing, logging — ever sees a value deeper than 32 levels or larger than 10,000 values, so
 * the work done for a caller nobody has identified yet is linear in the body's size.
 */
function parse(area: Area, event: unknown): { action: RegisteredAction; input: unknown; key?: string } | Envelope<never> {
  const problem = inspectPayload(event);
  if (problem?.kind === 'too_deep') {
    countRefusal('malformed');
    return fail('validation_error', `请求内容嵌套过深（最多 ${PAYLOAD_LIMITS.depth} 层）`);
  }
  if (problem?.kind === 'too_large') {
    countRefusal('malformed');
    return fail('validation_error', `请求内容过多（最多 ${PAYLOAD_LIMITS.nodes} 项）`);
  }
  if (problem?.kind === 'unstorable') {
    // Postgres text cannot hold NUL or a lone surrogate: refuse them by name instead of failing later.
    countRefusal('malformed');
    const path = problem.path[0] === 'payload' ? problem.path.slice(1) : problem.path;
    return fail('validation_error', '内容含有无法保存的字符', [{ path: path.join('.'), message: '含有无法保存的字符' }]);
  }
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

  // 3. idempotency: a key already answered gets its answer before authorisation and the guards
  //    (the action it took has moved the record on); a key in flight waits briefly for it. It runs
  //    on real time even when the dev clock is moved.
  let envelope: Envelope<unknown>;
  let held: Held | null = null;
  /** the stored results of the writes a crash cut off from their answer (replayed, never rewritten) */
  let replayWrites: Array<{ v?: unknown }> | null = null;
  const outbox: OutboxDoc[] = [];
  try {
    if (key) {
      const r = await reserveOrWait(store, actor.id, action.name, key, payloadHash(input), () => new Date());
      if (r.kind === 'replay') return done(r.envelope);
      held = r;
      if (r.kind === 'recover') replayWrites = r.writes;
    }
    // 4–5. authorise (roles, row rules on the loaded record, state guard), then handle. A
    // recovering call acted already under this very authorisation: it only loads the record.
    const record = replayWrites ? (action.record ? (await action.record.load(input, store, actor))?.record : undefined) : await authorise(action, input, actor, store, now);
    const who = actor;
    const holder = held;
    let replayed = 0;
    const ctx: ActionContext<unknown> = {
      actor: who, store, now, record, idempotencyKey: key, log: rt.log,
      write: async <T>(fn: (tx: TxStore) => Promise<T>, messages?: (result: T) => readonly NotificationDraft[]): Promise<T> => {
        if (replayWrites && replayed < replayWrites.length) return replayWrites[replayed++].v as T;
        // the key is marked committed in the action's own transaction (crash-safe, issue #17 item 8)
        let version: number | undefined;
        const mark = holder ? async (tx: TxStore, result: T) => void (version = await commitInTx(tx, holder, result, new Date())) : undefined;
        const result = await writeWithOutbox(store, now, action.name, fn, messages, (entry) => outbox.push(entry), mark, { actor: who, input, log: rt.log });
        if (holder && version !== undefined) {
          holder.version = version;
          holder.committed = true;
        }
        return result;
      },
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
  // settle the key whatever happened: a success (or anything after a write) is replayed, a
  // refusal before any write may be retried with it
  if (held) {
    try {
      await settle(store, held, envelope, new Date());
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
