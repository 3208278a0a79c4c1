// The local host's stand-in for WeChat's timer triggers (DESIGN.md "Two deployments"): each timed
// area action runs on an interval as the system actor, through the same router as in the cloud.
import { FUNCTIONS } from '../cloudfunctions';
import { dispatch } from '../server/kit/router';
import type { Runtime } from '../server/kit/runtime';
import type { Store } from '../server/store/port';
import { sweepUploads, type UploadShelf } from '../server/security/uploads';

/** What `cloudfunctions/<area>/config.json` triggers in WeChat: every 10 minutes. */
const TIMED = [
  { area: 'system', action: 'sweep', everyMs: 10 * 60 * 1000 },
  // issue #10: reminders and subscription messages held by quiet hours
  { area: 'reminders', action: 'tick', everyMs: 10 * 60 * 1000 },
] as const;

export function startTimers(runtime: Runtime): () => void {
  const handles = TIMED.map(({ area, action, everyMs }) => {
    const run = () => {
      dispatch(FUNCTIONS[area].area, { action, payload: {} }, {}, runtime, { kind: 'system', name: action })
        .then((r) => r.envelope.ok || runtime.log('warn', 'timer run refused', { area, action, code: r.envelope.error.code }))
        .catch((e: unknown) => runtime.log('error', 'timer run failed', { area, action, error: String(e) }));
    };
    const h = setInterval(run, everyMs);
    h.unref(); // a timer never keeps the process alive on its own
    return h;
  });
  return () => handles.forEach((h) => clearInterval(h));
}

/**
 * Issue #17: the local host's uploads that no task names after 24 hours are removed
 * (server/security/uploads.ts `sweepUploads`), on the same 10-minute rhythm as the system sweep. Only the
 * local host receives upload bytes; in WeChat the app writes to cloud storage itself.
 */
export function startUploadSweep(store: Store, shelf: UploadShelf, log: Runtime['log'], everyMs = 10 * 60 * 1000): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    sweepUploads(store, shelf, new Date())
      .then((r) => r.removed > 0 && log('info', 'unattached uploads removed', { removed: r.removed }))
      .catch((e: unknown) => log('error', 'upload sweep failed', { error: String(e) }))
      .finally(() => {
        running = false;
      });
  };
  const h = setInterval(run, everyMs);
  h.unref();
  return () => clearInterval(h);
}
