/**
 * (1) The content script's main-thread time on a papers page, from a fresh tab on a same-origin
 * blank page navigated to the papers page, until every card is decorated:
 * - contentScriptMs (the headline): CPU profile samples with the content script on the stack
 *   (cpu-profile.ts: bundle evaluation, parse, report, decorate, and the DOM work they cause);
 * - gcMs: the profile's garbage-collector samples (page and content script alike), for reference;
 * - ScriptDuration and TaskDuration: CDP `Performance.getMetrics` deltas of the tab. The replay
 *   serves pages without their own scripts, so ScriptDuration is the content script's, but it
 *   misses promise continuations (cpu-profile.ts); TaskDuration is all main-thread work,
 *   including the page's own HTML parsing, style and layout.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../e2e/support/browser';
import type { ReplayServer } from '../../e2e/support/replay-server';
import { startProfiler, stopProfiler, type ProfileFigures } from './cpu-profile';
import { stat, type Stat } from './stats';

export const BLANK_PATH = '/bench-blank';

export interface PageSample extends ProfileFigures {
  scriptMs: number;
  taskMs: number;
  /** Navigation start → every card carries `data-papers-radar-state` (page performance.now()). */
  navToDecoratedMs: number;
}

export interface PageFigures {
  contentScriptMs: Stat;
  gcMs: Stat;
  maxSampleGapMs: Stat;
  scriptMs: Stat;
  taskMs: Stat;
  navToDecoratedMs: Stat;
}

export function summarise(samples: readonly PageSample[]): PageFigures {
  return {
    contentScriptMs: stat(samples.map((s) => s.contentScriptMs)),
    gcMs: stat(samples.map((s) => s.gcMs)),
    maxSampleGapMs: stat(samples.map((s) => s.maxSampleGapMs)),
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

/** One visit of `path` in a fresh tab, timed as described above. */
export async function visitPage(
  ext: ExtensionBrowser,
  server: ReplayServer,
  path: string,
  cards: number,
): Promise<PageSample> {
  const page = await ext.context.newPage();
  try {
    await page.goto(server.url(BLANK_PATH));
    const session = await ext.context.newCDPSession(page);
    await session.send('Performance.enable');
    const before = await mainThreadMs(session);
    await startProfiler(session);
    await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
    const navToDecoratedMs = await waitDecorated(page, cards);
    // Let the decoration's last tasks finish.
    await page.waitForTimeout(50);
    const profile = await stopProfiler(
      session,
      `chrome-extension://${ext.extensionId}/content-scripts/`,
    );
    const after = await mainThreadMs(session);
    await session.detach();
    return {
      ...profile,
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
  for (let r = 0; r < reps; r++) samples.push(await visitPage(ext, server, path, cards));
  return summarise(samples);
}
