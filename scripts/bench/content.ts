/**
 * (1) The content script's main-thread time on a papers page, from a fresh tab on a same-origin
 * blank page navigated to the papers page, until every card is decorated. Two kinds of visit,
 * alternated, because a profiler running beside a trace would add its own cost to the trace:
 * - trace (the headline): cpuMs and passMs, the thread CPU time of the content script's tasks
 *   in a Chrome trace (trace-cpu.ts), all of it and its pass alone, the decoration included;
 *   and idleMs, apart: its idle-callback tasks (the page's JSON read and the papers' details sent,
 *   texts included for papers the background has none of);
 * - profile: contentScriptMs, the CPU profile samples with the content script on the stack
 *   (cpu-profile.ts), which counts the time the thread was descheduled, so it overstates on a
 *   busy machine;
 * - gcMs: the profile's garbage-collector samples (page and content script alike), for reference;
 * - ScriptDuration and TaskDuration: CDP `Performance.getMetrics` deltas of the tab. The replay
 *   serves pages without their own scripts, so ScriptDuration is the content script's, but it
 *   misses promise continuations (cpu-profile.ts); TaskDuration is all main-thread work,
 *   including the page's own HTML parsing, style and layout.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ChromeGlobal, ExtensionBrowser } from '../../e2e/support/browser';
import type { ReplayServer } from '../../e2e/support/replay-server';
import { DETAILS_PER_TASK } from '../../lib/content/radar';
import { startProfiler, stopProfiler, type ProfileFigures } from './cpu-profile';
import { startTrace } from './trace-cpu';
import { stat, type Stat } from './stats';

export const BLANK_PATH = '/bench-blank';

/** `plain`: neither, for (2): a trace streams its events to the bench while the report runs. */
export type VisitMethod = 'trace' | 'profile' | 'plain';

export interface PageSample extends Partial<ProfileFigures> {
  method: VisitMethod;
  /** Trace visits: the content script's CPU time (TraceFigures.totalMs) and its pass alone. */
  cpuMs?: number;
  passMs?: number;
  /** Trace visits: the idle-time work after the decoration (TraceFigures.idleMs). */
  idleMs?: number;
  scriptMs: number;
  taskMs: number;
  /** Navigation start → every card carries `data-papers-radar-state` (page performance.now()). */
  navToDecoratedMs: number;
}

export interface PageFigures {
  cpuMs: Stat;
  passMs: Stat;
  /**
   * The same split by visit: the first visit reports papers the library has never seen (their
   * texts sent on request); the later ones (a reload, the page again) report known papers.
   */
  firstVisitCpuMs: Stat;
  revisitCpuMs: Stat;
  /**
   * The idle-time work after the decoration: reading the page's JSON and sending the papers'
   * details (with the texts of papers never seen on a first visit), and on the later visits.
   */
  firstVisitIdleMs: Stat;
  revisitIdleMs: Stat;
  contentScriptMs: Stat;
  gcMs: Stat;
  maxSampleGapMs: Stat;
  scriptMs: Stat;
  taskMs: Stat;
  navToDecoratedMs: Stat;
}

/** The values of one field over the samples that have it. */
const values = (samples: readonly PageSample[], pick: (s: PageSample) => number | undefined) =>
  samples.map(pick).filter((v): v is number => v !== undefined);

export function summarise(samples: readonly PageSample[]): PageFigures {
  const traced = values(samples, (s) => s.cpuMs);
  return {
    cpuMs: stat(traced),
    passMs: stat(values(samples, (s) => s.passMs)),
    firstVisitCpuMs: stat(traced.slice(0, 1)),
    revisitCpuMs: stat(traced.slice(1)),
    firstVisitIdleMs: stat(values(samples, (s) => s.idleMs).slice(0, 1)),
    revisitIdleMs: stat(values(samples, (s) => s.idleMs).slice(1)),
    contentScriptMs: stat(values(samples, (s) => s.contentScriptMs)),
    gcMs: stat(values(samples, (s) => s.gcMs)),
    maxSampleGapMs: stat(values(samples, (s) => s.maxSampleGapMs)),
    scriptMs: stat(samples.map((s) => s.scriptMs)),
    taskMs: stat(samples.map((s) => s.taskMs)),
    navToDecoratedMs: stat(samples.map((s) => s.navToDecoratedMs)),
  };
}

/** Main-thread script and task time of the session's target so far, in ms. */
export async function mainThreadMs(session: CDPSession): Promise<{ script: number; task: number }> {
  const { metrics } = await session.send('Performance.getMetrics');
  const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

// Page-side code goes in as strings (records.ts explains why).
/**
 * performance.now() when `data-papers-radar-count` is set and that many cards carry
 * `data-papers-radar-state`. A MutationObserver on those two attributes, not polling: a
 * `querySelectorAll` per frame costs the page more than the content script does on a
 * 2,000-card page (1.3 s of a 2 s CPU profile, seen here) and would count in ScriptDuration.
 */
async function waitDecorated(page: Page, expected: number): Promise<number> {
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const n = ${expected};
    const root = document.documentElement;
    const decorated = new Set(document.querySelectorAll('[data-papers-radar-state]'));
    const done = () => {
      const count = root.getAttribute('data-papers-radar-count');
      if (count === null || decorated.size < Math.min(n, Number(count))) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now());
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) if (r.attributeName === 'data-papers-radar-state') decorated.add(r.target);
      done();
    });
    observer.observe(root, {
      subtree: true,
      attributeFilter: ['data-papers-radar-state', 'data-papers-radar-count'],
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('not decorated within 120 s'));
    }, 120000);
    done();
  })`)) as number;
}

/**
 * The content script's URL, from the manifest of the build being measured (BENCH_EXTENSION_DIR
 * may be an older build, whose content script had another path).
 */
async function contentScriptUrl(ext: ExtensionBrowser): Promise<string> {
  const file = await ext.serviceWorker.evaluate(
    () =>
      (globalThis as unknown as ChromeGlobal).chrome.runtime.getManifest().content_scripts?.[0]
        ?.js?.[0],
  );
  if (!file) throw new Error('the manifest declares no content script');
  return `chrome-extension://${ext.extensionId}/${file}`;
}

/** One visit of `path` in a fresh tab, timed as described above by `method`. */
export async function visitPage(
  ext: ExtensionBrowser,
  server: ReplayServer,
  path: string,
  cards: number,
  method: VisitMethod,
): Promise<PageSample> {
  const page = await ext.context.newPage();
  try {
    await page.goto(server.url(BLANK_PATH));
    const session = await ext.context.newCDPSession(page);
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    const before = await mainThreadMs(session);
    const prefix = await contentScriptUrl(ext);
    const trace = method === 'trace' ? await startTrace(session, prefix) : undefined;
    if (method === 'profile') await startProfiler(session);
    await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
    const navToDecoratedMs = await waitDecorated(page, cards);
    // Let the decoration's last tasks finish, and the idle-time work queued after it (the page's
    // JSON in one task, then the details, DETAILS_PER_TASK papers per task, each asking for the
    // next): idle callbacks run in the order they were asked for, so each one asked here runs
    // after the content script's.
    const idleTasks = Math.ceil(cards / DETAILS_PER_TASK) + 2;
    await page.evaluate(`(async () => {
      for (let i = 0; i < ${idleTasks}; i++) await new Promise((r) => requestIdleCallback(r));
    })()`);
    await page.waitForTimeout(50);
    const traced = trace ? await trace.stop() : undefined;
    const measured = traced
      ? { cpuMs: traced.totalMs, passMs: traced.passMs, idleMs: traced.idleMs }
      : method === 'profile'
        ? await stopProfiler(session, prefix)
        : {};
    const after = await mainThreadMs(session);
    await session.detach();
    return {
      method,
      ...measured,
      scriptMs: after.script - before.script,
      taskMs: after.task - before.task,
      navToDecoratedMs,
    };
  } finally {
    await page.close();
  }
}

export async function measureContent(
  ext: ExtensionBrowser,
  server: ReplayServer,
  path: string,
  cards: number,
  reps: number,
): Promise<PageFigures> {
  const samples: PageSample[] = [];
  for (let r = 0; r < reps; r++) {
    samples.push(await visitPage(ext, server, path, cards, 'trace'));
    samples.push(await visitPage(ext, server, path, cards, 'profile'));
  }
  return summarise(samples);
}
