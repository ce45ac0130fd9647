/**
 * The extension service worker's thread, as Linux's scheduler counts it: how long it ran on a
 * core and how long it was runnable but waiting for one (`/proc/<pid>/task/<tid>/schedstat`).
 * The bench reads it around each page view of (2): on two cores shared with the page being
 * loaded, a report's wall time is mostly that wait, which no IndexedDB measure can show.
 *
 * The thread is found from the browser launched on `profileDir`: its process (the one whose
 * command line names that profile and no `--type`), its descendants, the one among them started
 * with `--extension-process`, and in it the thread Chrome names "ServiceWorker thread" (a thread
 * name is cut at 15 characters in `comm`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ThreadTimes {
  /** The thread, so that two readings of one worker can be told from a worker restarted. */
  tid: number;
  runMs: number;
  waitMs: number;
}

const WORKER_THREAD = 'ServiceWorker t';

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // The process or thread ended meanwhile.
  }
};

const processes = (proc: string) => readdirSync(proc).filter((name) => /^\d+$/.test(name));

/** `ppid` from `/proc/<pid>/stat`: the field after the command name, which may hold spaces. */
function parentOf(proc: string, pid: string): string | undefined {
  const stat = read(join(proc, pid, 'stat'));
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
}

/** The service worker thread's times now, or undefined when it is not found (not Linux, say). */
export function serviceWorkerThread(profileDir: string, proc = '/proc'): ThreadTimes | undefined {
  let pids: string[];
  try {
    pids = processes(proc);
  } catch {
    return undefined;
  }
  // Chrome's child processes rewrite their command line as one string (setproctitle): split on
  // spaces too (only flags are looked for).
  const args = new Map(
    pids.map((pid) => [pid, (read(join(proc, pid, 'cmdline')) ?? '').split(/[\0 ]/)]),
  );
  const browser = pids.find((pid) => {
    const argv = args.get(pid) ?? [];
    return (
      argv.includes(`--user-data-dir=${profileDir}`) && !argv.some((a) => a.startsWith('--type='))
    );
  });
  if (!browser) return undefined;
  const parents = new Map(pids.map((pid) => [pid, parentOf(proc, pid)]));
  const descends = (pid: string): boolean => {
    for (let p = parents.get(pid), hops = 0; p && hops < 8; p = parents.get(p), hops++)
      if (p === browser) return true;
    return false;
  };
  for (const pid of pids) {
    if (!(args.get(pid) ?? []).includes('--extension-process') || !descends(pid)) continue;
    let tids: string[];
    try {
      tids = processes(join(proc, pid, 'task'));
    } catch {
      continue;
    }
    for (const tid of tids) {
      const task = join(proc, pid, 'task', tid);
      if (read(join(task, 'comm'))?.trim() !== WORKER_THREAD) continue;
      const [run, wait] = (read(join(task, 'schedstat')) ?? '').split(' ').map(Number);
      if (run === undefined || wait === undefined || Number.isNaN(run + wait)) continue;
      return { tid: Number(tid), runMs: run / 1e6, waitMs: wait / 1e6 };
    }
  }
  return undefined;
}

/** What the thread did between two readings; undefined unless both are of the same thread. */
export function threadDelta(
  before: ThreadTimes | undefined,
  after: ThreadTimes | undefined,
): { runMs: number; waitMs: number } | undefined {
  if (!before || !after || before.tid !== after.tid) return undefined;
  return { runMs: after.runMs - before.runMs, waitMs: after.waitMs - before.waitMs };
}
