// Workflows are data (STYLE.md §4): states with flags, edges with the roles that may take them.
// `transition()` is the only place a status changes; handlers ask it, then write what it returns.
import { AppError } from './errors';
import type { Role } from './roles';

export interface StateDef<Flag extends string = string> {
  label: string;
  flags?: readonly Flag[];
  /** terminal states have no outgoing edges */
  terminal?: boolean;
}

export interface EdgeDef<S extends string, E extends string> {
  from: S | readonly S[];
  event: E;
  to: S;
  /** who may take the edge; row predicates are checked by the action's permission */
  roles: readonly Role[];
  label: string;
}

export interface Workflow<S extends string, E extends string, Flag extends string = string> {
  name: string;
  initial: S;
  states: Record<S, StateDef<Flag>>;
  edges: readonly EdgeDef<S, E>[];
}

export function defineWorkflow<S extends string, E extends string, Flag extends string = string>(
  wf: Workflow<S, E, Flag>,
): Workflow<S, E, Flag> {
  for (const edge of wf.edges) {
    for (const from of fromList(edge)) {
      if (!(from in wf.states)) throw new Error(`${wf.name}: unknown state ${from}`);
      if (wf.states[from].terminal) throw new Error(`${wf.name}: edge out of terminal ${from}`);
    }
    if (!(edge.to in wf.states)) throw new Error(`${wf.name}: unknown state ${edge.to}`);
  }
  return wf;
}

function fromList<S extends string, E extends string>(edge: EdgeDef<S, E>): readonly S[] {
  return typeof edge.from === 'string' ? [edge.from as S] : (edge.from as readonly S[]);
}

export function findEdge<S extends string, E extends string>(
  wf: Workflow<S, E>,
  state: S,
  event: E,
): EdgeDef<S, E> | undefined {
  return wf.edges.find((e) => e.event === event && fromList(e).includes(state));
}

/**
 * The one transition function. Returns the next state, or throws
 * `invalid_transition` (no such edge from this state) or `forbidden` (the actor holds no role of the edge).
 */
export function transition<S extends string, E extends string>(
  wf: Workflow<S, E>,
  state: S,
  event: E,
  actorRoles: readonly Role[],
): S {
  const edge = findEdge(wf, state, event);
  if (!edge) {
    throw new AppError('invalid_transition', `当前状态「${wf.states[state]?.label ?? state}」下不能进行此操作`, {
      workflow: wf.name,
      state,
      event,
    });
  }
  if (!actorRoles.some((r) => edge.roles.includes(r))) {
    throw new AppError('forbidden', undefined, { workflow: wf.name, event });
  }
  return edge.to;
}

/** The events this actor may fire from this state: feeds `allowedActions`. */
export function availableEvents<S extends string, E extends string>(
  wf: Workflow<S, E>,
  state: S,
  actorRoles: readonly Role[],
): E[] {
  return wf.edges
    .filter((e) => fromList(e).includes(state) && actorRoles.some((r) => e.roles.includes(r)))
    .map((e) => e.event);
}

export function hasFlag<S extends string, Flag extends string>(
  wf: Workflow<S, string, Flag>,
  state: S,
  flag: Flag,
): boolean {
  return wf.states[state].flags?.includes(flag) ?? false;
}

/** The states that carry `flag`, in the workflow's order (a query's `in`, a page's set). */
export function statesWith<S extends string, Flag extends string>(wf: Workflow<S, string, Flag>, flag: Flag): S[] {
  return (Object.keys(wf.states) as S[]).filter((s) => hasFlag(wf, s, flag));
}

/** Rows for the generated docs table. */
export function workflowRows<S extends string, E extends string>(wf: Workflow<S, E>) {
  return wf.edges.flatMap((e) =>
    fromList(e).map((from) => ({ from, event: e.event, to: e.to, roles: [...e.roles], label: e.label })),
  );
}
