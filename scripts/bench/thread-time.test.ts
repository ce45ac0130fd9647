import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceWorkerThread, threadDelta } from './thread-time';

let proc: string;

beforeEach(() => {
  proc = mkdtempSync(join(tmpdir(), 'fake-proc-'));
});
afterEach(() => rmSync(proc, { recursive: true, force: true }));

/** A process of the fake /proc: its argv, its parent and its threads (name, run ns, wait ns). */
function processEntry(
  pid: number,
  ppid: number,
  argv: string[],
  threads: [name: string, runNs: number, waitNs: number][] = [],
) {
  const dir = join(proc, String(pid));
  mkdirSync(join(dir, 'task'), { recursive: true });
  writeFileSync(join(dir, 'cmdline'), `${argv.join('\0')}\0`);
  // The command name may hold spaces and parentheses: the parent is found after the last ')'.
  writeFileSync(join(dir, 'stat'), `${pid} (chrome (x) y) S ${ppid} ${pid} ${pid} 0 -1`);
  threads.forEach(([name, run, wait], i) => {
    const task = join(dir, 'task', String(pid * 100 + i));
    mkdirSync(task);
    writeFileSync(join(task, 'comm'), `${name}\n`);
    writeFileSync(join(task, 'schedstat'), `${run} ${wait} 42\n`);
  });
}

/** A browser on `profile` with a zygote, a tab renderer and an extension renderer. */
function browserTree(base: number, profile: string, worker: [number, number]) {
  processEntry(base, 1, ['/usr/lib/chromium/chromium', `--user-data-dir=${profile}`]);
  processEntry(base + 1, base, ['/usr/lib/chromium/chromium', '--type=zygote']);
  processEntry(
    base + 2,
    base + 1,
    ['/usr/lib/chromium/chromium', '--type=renderer'],
    [
      ['chromium', 9e9, 9e9],
      ['ServiceWorker t', 7e9, 7e9],
    ],
  );
  processEntry(
    base + 3,
    base + 1,
    // As Chrome's children show it: the whole command line rewritten as one string.
    ['/usr/lib/chromium/chromium --type=renderer --extension-process --lang=en-US'],
    [
      ['chromium', 1e6, 1e6],
      ['ServiceWorker t', ...worker],
    ],
  );
}

describe('serviceWorkerThread', () => {
  it('reads the extension worker thread of the browser on the given profile, in ms', () => {
    browserTree(100, '/tmp/other-profile', [5e9, 5e9]);
    browserTree(200, '/tmp/bench-profile', [12_500_000, 30_000_000]);
    expect(serviceWorkerThread('/tmp/bench-profile', proc)).toEqual({
      tid: 20301,
      runMs: 12.5,
      waitMs: 30,
    });
  });

  it('finds nothing when no browser runs on that profile, or it has no worker thread', () => {
    browserTree(100, '/tmp/other-profile', [5e9, 5e9]);
    expect(serviceWorkerThread('/tmp/bench-profile', proc)).toBeUndefined();
    processEntry(300, 1, ['chromium', '--user-data-dir=/tmp/idle']);
    processEntry(
      301,
      300,
      ['chromium', '--type=renderer', '--extension-process'],
      [['chromium', 1, 1]],
    );
    expect(serviceWorkerThread('/tmp/idle', proc)).toBeUndefined();
    expect(serviceWorkerThread('/tmp/bench-profile', join(proc, 'missing'))).toBeUndefined();
  });
});

describe('threadDelta', () => {
  it('is what the same thread did between two readings', () => {
    const delta = threadDelta(
      { tid: 7, runMs: 10, waitMs: 4 },
      { tid: 7, runMs: 16.5, waitMs: 24 },
    );
    expect(delta).toEqual({ runMs: 6.5, waitMs: 20 });
  });

  it('is nothing across a worker restart or a missing reading', () => {
    expect(threadDelta({ tid: 7, runMs: 10, waitMs: 4 }, { tid: 8, runMs: 1, waitMs: 1 })).toBe(
      undefined,
    );
    expect(threadDelta(undefined, { tid: 8, runMs: 1, waitMs: 1 })).toBeUndefined();
  });
});
