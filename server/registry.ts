// The action registry (STYLE.md §2): an action declares its name, strict input schema, how to find
// the record it names (for row predicates) and its handler. Its permission comes from the one
// matrix in domain/permissions.ts; an action without a row there does not compile.
import type * as z from 'zod';
import { PERMISSIONS, type ActionName, type Actor, type Permission, type RowFacts } from '../domain';
import type { NotificationDraft } from './notify';
import type { Store } from './store/port';

export interface ActionContext {
  actor: Actor;
  /** counts its round trips; the router reads the count for the audit row */
  store: Store;
  now: Date;
  idempotencyKey?: string;
  /** queue notifications; the router delivers them after the handler's writes have committed */
  notify(drafts: readonly NotificationDraft[]): void;
  /** throws content_rejected unless every text passes the content check (fail closed) */
  checkContent(texts: readonly string[]): Promise<void>;
  log(level: 'error' | 'warn' | 'info', message: string, extra?: Record<string, unknown>): void;
}

export interface ActionDef<S extends z.ZodType = z.ZodType, O = unknown> {
  name: ActionName;
  input: S;
  /**
   * Loads the facts of the record the payload names, for the permission's row predicates.
   * Returning null means the record does not exist (→ not_found). Required when the
   * permission lists `rows`.
   */
  row?: (input: z.infer<S>, store: Store, actor: Actor) => Promise<RowFacts | null>;
  /**
   * The read action whose row rules say who may see this record (default: same org or parent
   * office). A caller refused a write who may see the record gets `forbidden`; anyone else
   * `not_found`, so a record's existence never leaks.
   */
  readAs?: ActionName;
  /** the record the audit row names */
  target?: (input: z.infer<S>) => string | undefined;
  /** with an idempotencyKey, a repeated call returns the first answer instead of acting twice */
  idempotent?: boolean;
  handler: (input: z.infer<S>, ctx: ActionContext) => Promise<O>;
}

export interface RegisteredAction extends ActionDef {
  permission: Permission;
  area: string;
  verb: string;
}

export function defineAction<S extends z.ZodType, O>(def: ActionDef<S, O>): ActionDef<S, O> {
  return def;
}

export interface Area {
  name: string;
  actions: ReadonlyMap<string, RegisteredAction>;
}

/** An area is one deployable cloud function; its actions are called as `{ action: verb }`. */
export function defineArea(name: string, defs: ReadonlyArray<ActionDef<z.ZodType, unknown>>): Area {
  const actions = new Map<string, RegisteredAction>();
  for (const def of defs) {
    const [area, verb] = def.name.split('.');
    if (area !== name || !verb) throw new Error(`action ${def.name} does not belong to area ${name}`);
    const permission: Permission = PERMISSIONS[def.name];
    if (!permission) throw new Error(`action ${def.name} has no row in the permission matrix`);
    if (permission.rows?.length && !def.row) throw new Error(`action ${def.name} has row predicates but no row loader`);
    if (actions.has(verb)) throw new Error(`action ${def.name} declared twice`);
    actions.set(verb, { ...(def as ActionDef), permission, area: name, verb });
  }
  return { name, actions };
}
