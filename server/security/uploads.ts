// Upload quota and the sweep of unattached uploads (issue #17, local host). Each person may upload
// at most UPLOAD_FILES_PER_DAY files and UPLOAD_BYTES_PER_DAY bytes a Shanghai calendar day, held by
// one counter document read and bumped in its own transaction (exact under any burst, like the
// topic limit, server/security/quota.ts); an upload no task names 24 hours after it arrived is removed by
// `sweepUploads`, which the local host's timer runs (host/timers.ts). In WeChat the app
// uploads to cloud storage itself and the function never sees the bytes arrive, so neither the
// quota nor this sweep applies there (cloud storage has no listing in wx-server-sdk).
import { addDaysCN, AppError, cn, startOfDayCN, type Person } from '../../domain';
import { UPLOAD_BYTES_PER_DAY, UPLOAD_FILES_PER_DAY, UPLOAD_UNATTACHED_TTL_MS } from '../../domain/files';
import type { Store, StoredDoc } from '../store/port';

interface UploadCounter extends StoredDoc {
  n: number;
  bytes: number;
  expiresAt: string;
}

const MB = 1024 * 1024;

/** Takes one upload of `size` bytes from the person's day, or refuses with rate_limited. */
export async function takeUploadQuota(store: Store, personId: string, size: number, now: Date): Promise<void> {
  const day = cn(now).format('YYYY-MM-DD');
  const id = `uploads:${personId}:${day}`;
  const expiresAt = addDaysCN(startOfDayCN(now), 2);
  await store.transaction(async (tx) => {
    const c = await tx.get<UploadCounter>('counters', id);
    const n = (c?.n ?? 0) + 1;
    const bytes = (c?.bytes ?? 0) + size;
    if (n > UPLOAD_FILES_PER_DAY) throw new AppError('rate_limited', `每人每天最多上传 ${UPLOAD_FILES_PER_DAY} 个文件，请明天再上传`);
    if (bytes > UPLOAD_BYTES_PER_DAY) throw new AppError('rate_limited', `每人每天最多上传 ${UPLOAD_BYTES_PER_DAY / MB} MB，请明天再上传`);
    if (c) await tx.update<UploadCounter>('counters', id, c.version, { n, bytes });
    else await tx.insert<UploadCounter>('counters', { _id: id, n, bytes, expiresAt });
  });
}

/** What the sweep needs of the host's file store. */
export interface UploadShelf {
  /** every upload not yet known to be attached: its id (as `task.complete` names it), owner, arrival */
  unattached(): Array<{ fileId: string; ownerId: string; at: string }>;
  /** found named by a task: kept for good, never looked at again */
  attached(fileId: string): void;
  remove(fileId: string): void;
}

/**
 * Removes every upload older than 24 hours that no task (evidence) or meeting (materials) names. A task names only its owner's
 * uploads (task.complete accepts only the caller's own), but a task may later pass to someone else
 * of the org, so the owner's whole org is read (one indexed query per org with old uploads, paged);
 * an upload found named is marked attached and never read again. Answers how many were removed.
 */
export async function sweepUploads(store: Store, shelf: UploadShelf, now: Date): Promise<{ removed: number; kept: number }> {
  const cutoff = new Date(now.getTime() - UPLOAD_UNATTACHED_TTL_MS).toISOString();
  const byOrg = new Map<string, string[]>();
  for (const u of shelf.unattached().filter((x) => x.at < cutoff)) {
    const orgId = (await store.get<Person>('users', u.ownerId))?.orgId ?? '';
    byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), u.fileId]);
  }
  let removed = 0;
  let kept = 0;
  for (const [orgId, fileIds] of byOrg) {
    const named = new Set<string>();
    let cursor: string | undefined;
    // tasks name evidence; meetings name their materials (issue #22)
    for (const collection of ['tasks', 'meetings'] as const) {
      cursor = undefined;
      while (orgId) {
        const page: { items: StoredDoc[]; nextCursor?: string } = await store.find<StoredDoc>(collection, { orgId }, { limit: 100, cursor });
        for (const t of page.items) {
          const text = JSON.stringify(t);
          for (const f of fileIds) if (text.includes(f)) named.add(f);
        }
        cursor = page.nextCursor;
        if (!cursor) break;
      }
    }
    for (const f of fileIds) {
      if (named.has(f)) {
        shelf.attached(f);
        kept += 1;
      } else {
        shelf.remove(f);
        removed += 1;
      }
    }
  }
  return { removed, kept };
}
