// people.import — issue #11: a directory from a spreadsheet (the page reads the xlsx with exceljs
// and sends its rows). All or nothing in the checking: every row is checked before anything is
// written — its fields, the roles this office may give, logins unique in the file and in the org —
// and any refused row is named by its line; only a clean file is written.
//
// Issue #24, "fits the cloud's limits": the writing is chunked. Each call writes at most
// IMPORT_CHUNK rows in one transaction (with their new units, the job record and the idempotency
// mark: ≤ 18 documents, ≤ 50 CloudBase requests), and answers the progress; the page calls again
// with the same rows until `more` is false. The job record (a `counters` document: `_id` from the
// org and the rows, so the same file is the same job; its cursor, counts and expiry) moves in the
// same transaction as the rows it records, so a repeated call never writes a row twice and an
// interrupted import resumes where it stopped. A finished job answers its counts and writes
// nothing. (Kept in `counters` — short-lived, id-addressed, swept after `expiresAt` — until a
// collection of its own is declared in server/store/indexes.ts.)
import type * as z from 'zod/mini';
import { createHash } from 'node:crypto';
import { AppError, ImportPeopleInput, ImportRow, personSide, type Person, type Role } from '../../../domain';
import { defineAction } from '../../../server/kit/registry';
import { ensureUnit, orgKind } from '../../../server/areas/people';
import type { Store, StoredDoc } from '../../../server/store/port';
import { checkRoles } from './write';

type Row = z.infer<typeof ImportRow>;

/** Rows written per call: 8 people and at most 8 new units, the job and the key's mark in one transaction. */
export const IMPORT_CHUNK = 8;
/** A job is kept a day after its last call (then swept with the counters). */
const JOB_TTL_MS = 86_400_000;

export interface ImportJobDoc extends StoredDoc {
  kind: 'people.import';
  orgId: string;
  /** rows in the file, rows written so far (the cursor), people created */
  total: number;
  cursor: number;
  created: number;
  startedBy: string;
  updatedAt: string;
  expiresAt: string;
}

/** The job of this org and these rows: the same file sent again continues the same job. */
export function importJobId(orgId: string, rows: readonly unknown[]): string {
  return `import:${createHash('sha256').update(`${orgId}\u0000${JSON.stringify(rows)}`).digest('hex').slice(0, 32)}`;
}

/** Logins of `rows` someone already signs in with, asked 100 at a time (one request each). */
async function takenLogins(store: Store, rows: readonly Row[]): Promise<Set<string>> {
  const logins = [...new Set(rows.map((r) => r.login).filter((l): l is string => !!l))];
  const taken = new Set<string>();
  for (let i = 0; i < logins.length; i += 100) {
    const page = await store.find<Person & { login?: string }>('users', { login: { in: logins.slice(i, i + 100) } }, { limit: 100 });
    for (const p of page.items) if (p.login) taken.add(p.login);
  }
  return taken;
}

export const importPeople = defineAction({
  name: 'people.import',
  input: ImportPeopleInput,
  record: orgKind,
  handler: async ({ rows }, ctx) => {
    const org = ctx.record;
    const jobId = importJobId(org._id, rows);
    const job = await ctx.store.get<ImportJobDoc>('counters', jobId);
    const progress = (j: Pick<ImportJobDoc, 'total' | 'cursor' | 'created'>) => ({ created: j.created, total: j.total, done: j.cursor, more: j.cursor < j.total });
    if (job && job.cursor >= job.total) return progress(job);

    const problems: Array<{ line: number; message: string }> = [];
    const good: Row[] = [];
    const logins = new Set<string>();
    for (const [i, raw] of rows.entries()) {
      const line = typeof (raw as { line?: unknown })?.line === 'number' ? (raw as { line: number }).line : i + 2;
      const parsed = ImportRow.safeParse(raw);
      if (!parsed.success) {
        problems.push({ line, message: parsed.error.issues.map((x) => x.message).join('；') });
        continue;
      }
      const row = parsed.data;
      try {
        checkRoles(ctx.actor, row.roles as Role[], false);
      } catch (e) {
        problems.push({ line, message: e instanceof AppError ? e.message : '角色不正确' });
        continue;
      }
      if (row.login) {
        if (logins.has(row.login)) {
          problems.push({ line, message: `登录名 ${row.login} 已被使用` });
          continue;
        }
        logins.add(row.login);
      }
      good.push(row);
    }
    // The whole file's logins before its first row is written; later calls check their own chunk
    // (someone may have taken a login meanwhile; the unique index is the last word).
    const cursor = job?.cursor ?? 0;
    const chunk = good.slice(cursor, cursor + IMPORT_CHUNK);
    const taken = await takenLogins(ctx.store, job ? chunk : good);
    for (const row of job ? chunk : good) {
      if (row.login && taken.has(row.login)) problems.push({ line: row.line, message: `登录名 ${row.login} 已被使用` });
    }
    if (problems.length) {
      problems.sort((a, b) => a.line - b.line);
      const written = job ? `已导入前 ${job.cursor} 行，其余未导入` : '未导入任何人员';
      throw new AppError('validation_error', `有 ${problems.length} 行不符合要求，${written}：${problems.slice(0, 3).map((p) => `第 ${p.line} 行 ${p.message}`).join('；')}`, problems);
    }

    const at = ctx.now.toISOString();
    const expiresAt = new Date(ctx.now.getTime() + JOB_TTL_MS).toISOString();
    const next = await ctx.write(async (tx) => {
      // the cursor is read again where it moves: a call racing this one meets a conflict, never a row twice
      const current = await tx.get<ImportJobDoc>('counters', jobId);
      if ((current?.cursor ?? 0) !== cursor) throw new AppError('conflict');
      // each unit of the chunk once (ensureUnit reads it and creates it when new), then the people
      // as people.create writes them (insertPerson, which would read the unit again for every row)
      const unitIds = new Map<string, string>();
      for (const r of chunk) {
        if (!unitIds.has(r.unit)) unitIds.set(r.unit, await ensureUnit(tx, org._id, r.unit, personSide(r.roles as Role[]), ctx.now));
      }
      for (const r of chunk) {
        await tx.insert<Person>('users', {
          orgId: org._id, name: r.name, unit: r.unit, unitId: unitIds.get(r.unit)!, title: r.title, roles: r.roles as Role[],
          ...(r.login ? { login: r.login } : {}), ...(r.phone ? { phone: r.phone } : {}), ...(r.unitHead ? { unitHead: true } : {}),
          active: true, sessionEpoch: 0,
        });
      }
      const moved = { total: good.length, cursor: cursor + chunk.length, created: (current?.created ?? 0) + chunk.length, updatedAt: at, expiresAt };
      if (current) await tx.update<ImportJobDoc>('counters', jobId, current.version, moved);
      else await tx.insert<ImportJobDoc>('counters', { _id: jobId, kind: 'people.import', orgId: org._id, startedBy: ctx.actor.id, ...moved });
      return moved;
    });
    return progress(next);
  },
});
