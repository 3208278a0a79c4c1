// The action registry (STYLE.md §2): an action declares its name, strict input schema, the record
// it names and its handler. Its permission comes from the one matrix in domain/permissions.ts; an
// action without a row there does not compile.
import type * as z from 'zod/mini';
import {
  functionOf,
  PERMISSIONS,
  type ActionInput,
  type ActionName,
  type ActionOutput,
  type Actor,
  type Permission,
  type RowFacts,
  type ParamsInForce,
} from '../../domain';
import type { ChannelOutcome, DeliveryChannel, NotificationDraft } from '../notify/notify';
import type { TemplateConfigs } from '../notify/subscriptions';
import type { CodeMaker, FileOutlet } from './outputs';
import type { Store, TxStore } from '../store/port';

/** A record as the router loads it: the document(s) the handler works on and what the row rules see. */
export interface Loaded<R> {
  record: R;
  facts: RowFacts;
}

/**
 * How an action names its record (the record kit, DESIGN.md): one loader per kind of record,
 * shared by every action on that kind, with the read action whose rules say who may see it.
 */
export interface RecordKind<I, R> {
  /** null when the record does not exist (→ not_found) */
  load(input: I, store: Store, actor: Actor): Promise<Loaded<R> | null>;
  /**
   * The read action whose row rules say who may see this record. A caller refused a write who may
   * see the record gets `forbidden`; anyone else `not_found`, so a record's existence never leaks.
   */
  readAs: ActionName;
  /**
   * What `allowedActions` offers on this kind, filled in by defineArea: every write action that
   * names it, and every read declared a `button` (a download, an export) — issue #18: a read
   * button is offered by the same rules as a write, never appended by a view.
   */
  readonly offers: Offer[];
}

/** What `allowedActions` needs of an action offered on a record: its rules, never its handler. */
export interface Offer {
  name: ActionName;
  verb: string;
  permission: Permission;
  guard?(record: unknown, actor: Actor, now?: Date): void;
}

/**
 * The rules of a button that another cloud function of the same area serves (domain/functions.ts
 * SERVED_APART: the meeting's files). Declared once in server/areas/, spread into the action's full
 * definition where it is served, and listed by the area whose views show its record (`servedApart`),
 * so the button is offered by exactly the checks its call meets, without its handler in this bundle.
 */
export interface ButtonRules<I, R> {
  name: ActionName;
  record: RecordKind<I, R>;
  button: true;
  guard?(record: R, actor: Actor, now?: Date): void;
}

/** An entry of `defineArea`: offered on its record here, served by the function domain/functions.ts names. */
export interface ServedApart {
  servedApart: ButtonRules<unknown, unknown>;
}

export function servedApart<I, R>(rules: ButtonRules<I, R>): ServedApart {
  return { servedApart: rules as unknown as ButtonRules<unknown, unknown> };
}

/** A kind of record; `defineArea` registers the actions offered on it. */
export function defineRecordKind<I, R>(kind: Omit<RecordKind<I, R>, 'offers'>): RecordKind<I, R> {
  return { ...kind, offers: [] };
}

export interface ActionContext<R = undefined> {
  actor: Actor;
  /** counts its round trips; the router reads the count for the audit row */
  store: Store;
  now: Date;
  /** the record the action names, loaded once by the router before authorising */
  record: R;
  idempotencyKey?: string;
  /**
   * Commits `fn`'s writes and the notifications `messages` builds from its result in one
   * transaction (an outbox), so a crash after the commit loses no message; the router delivers
   * them after the handler. `messages` must be pure: a transaction may run more than once.
   */
  write<T>(fn: (tx: TxStore) => Promise<T>, messages?: (result: T) => readonly NotificationDraft[]): Promise<T>;
  /** system actions only: delivers outbox entries a crash left pending; answers how many */
  redeliver(): Promise<number>;
  /**
   * Delivers now what this call has written to the outbox so far (the router would after the
   * handler) and answers what the channels did: the timer's tick reports what it sent.
   */
  deliverNow(): Promise<Record<ChannelOutcome, number>>;
  /** the delivery channels beyond the inbox (the tick flushes the subscription channel) */
  channels: readonly DeliveryChannel[];
  /** issue #10: the subscription templates this deployment has (ids and kinds: configuration) */
  templates: TemplateConfigs;
  /** issue #11: signs a desk session (the local host); absent in WeChat, where the openid is the session */
  issueSession?(personId: string, epoch: number): string;
  /** downloads (xlsx, docx) and scannable codes, made by the platform's outlets */
  files: FileOutlet;
  codes: CodeMaker;
  /** Art. 13: the org's rule parameters in force at `now` */
  params(orgId: string): Promise<ParamsInForce>;
  /** throws content_rejected unless every text passes the content check (fail closed) */
  checkContent(texts: readonly string[]): Promise<void>;
  log(level: 'error' | 'warn' | 'info', message: string, extra?: Record<string, unknown>): void;
}

export interface ActionDef<S extends z.ZodMiniType = z.ZodMiniType, O = unknown, R = undefined> {
  name: ActionName;
  input: S;
  /** the record the payload names; required when the permission lists row predicates */
  record?: RecordKind<z.infer<S>, R>;
  /**
   * The state rules that must hold for the action to make sense on this record (a workflow edge,
   * the meeting's phase). Throws an AppError. The router runs it before the handler and
   * `allowedActions` offers the action exactly when it passes, so a button never fails. `now` is
   * the call's time (the rules' clock): a guard that depends on the day refuses when it is absent.
   */
  guard?(record: R, actor: Actor, now?: Date): void;
  /**
   * A read that the views of its record offer as a button (a file to download, an export): it
   * joins the writes in `allowedActions` when it would pass authorisation and its guard. Reads
   * that answer a view are not buttons. Requires `record`.
   */
  button?: boolean;
  /** the record the audit row names */
  target?(input: z.infer<S>): string | undefined;
  // Method syntax on purpose: an area holds actions of many record types (bivariant parameters).
  handler(input: z.infer<S>, ctx: ActionContext<R>): Promise<O>;
}

export interface RegisteredAction extends ActionDef<z.ZodMiniType, unknown, unknown> {
  permission: Permission;
  area: string;
  verb: string;
}

/** Whether two types are the same both ways (a schema's input against the contract's). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Declares an action; its result type is the contract's (domain/contract.ts) for that name, and its
 * input schema must be the contract's for that name too: declaring `topic.accept` with another
 * action's schema does not compile (issue #18).
 */
export function defineAction<N extends ActionName, S extends z.ZodMiniType, R = undefined>(
  def: ActionDef<S, ActionOutput<N>, R> & { name: N } & (Same<z.input<S>, ActionInput<N>> extends true ? unknown : { input: never }),
): ActionDef<S, ActionOutput<N>, R> {
  return def;
}

export interface Area {
  name: string;
  actions: ReadonlyMap<string, RegisteredAction>;
}

/** Offers `offer` on `record`, once, in registration order. */
function offerOn(offers: Offer[], offer: Offer): void {
  if (!offers.some((w) => w.name === offer.name)) offers.push(offer);
}

/**
 * An area is a deployable cloud function; its actions are called as `{ action: verb }`. The meeting
 * area is two functions (domain/functions.ts): each declares the actions it serves, and the one that
 * shows the meeting lists the other's buttons with `servedApart` so they are offered all the same.
 */
export function defineArea(name: string, defs: ReadonlyArray<ActionDef<z.ZodMiniType, unknown, unknown> | ServedApart>): Area {
  const actions = new Map<string, RegisteredAction>();
  for (const entry of defs) {
    if ('servedApart' in entry) {
      const rules = entry.servedApart;
      const [area, verb] = rules.name.split('.');
      if (area !== name || !verb) throw new Error(`action ${rules.name} does not belong to area ${name}`);
      if (functionOf(rules.name) === name) throw new Error(`action ${rules.name} is not served apart (domain/functions.ts)`);
      offerOn(rules.record.offers, { name: rules.name, verb, permission: PERMISSIONS[rules.name], guard: rules.guard });
      continue;
    }
    const def = entry;
    const [area, verb] = def.name.split('.');
    if (area !== name || !verb) throw new Error(`action ${def.name} does not belong to area ${name}`);
    const permission: Permission = PERMISSIONS[def.name];
    if (!permission) throw new Error(`action ${def.name} has no row in the permission matrix`);
    if (permission.rows?.length && !def.record) throw new Error(`action ${def.name} has row predicates but names no record`);
    if (actions.has(verb)) throw new Error(`action ${def.name} declared twice`);
    const registered: RegisteredAction = { ...def, permission, area: name, verb };
    actions.set(verb, registered);
    if (def.button && (permission.mode !== 'read' || !def.record)) throw new Error(`action ${def.name}: only a read that names a record is a button`);
    const offered = permission.mode === 'write' || def.button === true;
    if (def.record && offered) offerOn(def.record.offers, registered);
  }
  return { name, actions };
}
