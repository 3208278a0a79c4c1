// The server process stops as one (issue #6, defect 12): on SIGINT, SIGTERM or SIGHUP, and also when
// the process that started it is gone. `npm start` is npm → sh → node, and neither npm nor sh is
// sure to pass a signal on: killed by its pid, npm leaves sh and node behind, and nothing tells
// node — except that its parent, or its parent shell's parent, changes.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ash']);

/** A process's parent pid and name from /proc (Linux); null where there is no /proc. */
function procInfo(pid: number): { ppid: number; name: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); // "pid (name) state ppid …"
    const close = stat.lastIndexOf(')');
    return { name: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(stat.slice(close + 2).split(' ')[1]) };
  } catch {
    return null;
  }
}

/**
 * What "the starter is gone" means for this process: its parent changes (re-parented to init or a
 * subreaper) or, when the parent is a shell running us (npm's `sh -c`), the shell's parent changes.
 * A parent of 1 at start (started by init or as a container's command) is never "gone".
 */
export function starterGone(): () => boolean {
  const parent = process.ppid;
  if (parent === 1) return () => false;
  const info = procInfo(parent);
  const grand = info && SHELLS.has(basename(info.name)) && info.ppid > 1 ? info.ppid : null;
  return () => process.ppid !== parent || (grand !== null && procInfo(parent)?.ppid !== grand);
}

export interface StopOptions {
  /** how often to look at the parent */
  pollMs?: number;
  /** after this long, exit even if closing hangs */
  graceMs?: number;
}

/** Calls `stop` once on the first of those events, then exits. Returns a function that stops now. */
export function stopTogether(stop: () => Promise<void>, opts: StopOptions = {}): (why: string) => void {
  const { pollMs = 1000, graceMs = 5000 } = opts;
  let stopping = false;
  const shutdown = (why: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`正在停止（${why}）…`);
    setTimeout(() => process.exit(1), graceMs).unref();
    stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('停止时出错：', e);
        process.exit(1);
      },
    );
  };
  for (const s of SIGNALS) process.on(s, () => shutdown(s));
  const gone = starterGone();
  // Unref'd: the poll never keeps the process alive on its own.
  setInterval(() => gone() && shutdown('启动它的进程已退出'), pollMs).unref();
  return shutdown;
}
