// The record kit's workflow half (DESIGN.md "The record kit"): a record moves along its workflow
// only through `move`, which checks the edge (transition()) and writes with the version it read,
// so a concurrent change makes the slower writer fail with `conflict` instead of overwriting.
import { AppError, transition, type Actor, type Role, type Workflow } from '../../domain';
import type { Patch, StoredDoc, TxStore } from '../store/port';

export async function move<S extends string, E extends string, D extends StoredDoc & { status: S }>(
  tx: TxStore,
  collection: string,
  wf: Workflow<S, E>,
  doc: D,
  event: E,
  roles: readonly Role[],
  patch: Patch<D> | ((next: S) => Patch<D>) = {},
): Promise<D> {
  const status = transition(wf, doc.status, event, roles);
  const extra = typeof patch === 'function' ? patch(status) : patch;
  return tx.update<D>(collection, doc._id, doc.version, { ...extra, status } as Patch<D>);
}

/** A guard for an action that takes one workflow edge: the same check `move` makes. */
export function edgeGuard<S extends string, E extends string, R>(wf: Workflow<S, E>, stateOf: (record: R) => S, event: E) {
  return (record: R, actor: Actor): void => {
    transition(wf, stateOf(record), event, actor.roles);
  };
}

/** Runs `fn` again when a concurrent writer won (optimistic concurrency), a few times at most. */
export async function retryOnConflict<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'conflict') || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 5 * attempt)));
    }
  }
}
