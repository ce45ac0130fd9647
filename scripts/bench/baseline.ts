/**
 * The usual design of other extensions, on the same data: the whole library as one object under
 * one `chrome.storage.local` key, read and rewritten on every page view. Seeded with as many
 * records as the product's database holds (same record shape, records.ts).
 *
 * - (2) background report: in the service worker, get + merge of the 50 papers + set, timed
 *   with performance.now().
 * - (1) the content script's storage step (the usual content script does it itself): the same
 *   get + merge + set in an idle extension page (baseline-page.ts); its main-thread time is the
 *   page's CDP TaskDuration delta (the value conversions run in the extension bindings, outside
 *   JavaScript); performance.now() around it (which includes waiting for the browser process)
 *   is kept too.
 * - (3) the baseline popup: popup.ts.
 *
 * When storage.local refuses the object (10 MB quota without `unlimitedStorage`, past about
 * 6,000 papers), that design stops recording; each figure is then the in-memory lower bound of
 * the same work: a structured clone (what get() deserialises), the merge and, for a write, a
 * JSON serialisation (what set() writes).
 */
import type { ExtensionBrowser } from '../../e2e/support/browser';
import { BASELINE_PAGE } from './baseline-page';
import { mainThreadMs } from './content';
import { SEED_TEXTS } from './pages';
import { stat, type Stat } from './stats';
import { inWorker } from './worker-code';

export interface BaselineSeed {
  papers: number;
  /** JSON length of the library object. */
  objectBytes: number;
  ok: boolean;
  error: string | null;
}

export function seedBaseline(ext: ExtensionBrowser, papers: number): Promise<BaselineSeed> {
  return inWorker<{ ok: boolean; error?: string; bytes: number }>(
    ext,
    `return globalThis.__bench.baselineSeed(${papers}, ${JSON.stringify(SEED_TEXTS)});`,
  ).then((r) => ({ papers, objectBytes: r.bytes, ok: r.ok, error: r.ok ? null : (r.error ?? '') }));
}

export function clearBaseline(ext: ExtensionBrowser): Promise<void> {
  return inWorker(ext, 'await globalThis.__bench.baselineClear();');
}

export interface BaselineReport {
  /** get + merge + set in the worker; empty when the object does not fit. */
  storageLocalMs: Stat;
  /** Set when a set() failed during the repetitions. */
  error: string | null;
  /** clone + merge + JSON in the worker; only when the object does not fit. */
  inMemoryLowerBoundMs: Stat;
}

/** (2) baseline. `infos`: what the page reports, as JSON. */
export async function baselineReport(
  ext: ExtensionBrowser,
  seed: BaselineSeed,
  infos: string,
  reps: number,
): Promise<BaselineReport> {
  const ms: number[] = [];
  const lower: number[] = [];
  let error: string | null = null;
  for (let r = 0; r < reps; r++) {
    if (seed.ok) {
      const res = await inWorker<{ ms: number; error: string | null }>(
        ext,
        `return globalThis.__bench.baselineReport(${infos});`,
      );
      ms.push(res.ms);
      error ??= res.error;
    } else {
      const res = await inWorker<{ ms: number }>(
        ext,
        `return globalThis.__bench.baselineInMemory(${seed.papers}, ${JSON.stringify(SEED_TEXTS)}, ${infos});`,
      );
      lower.push(res.ms);
    }
  }
  return { storageLocalMs: stat(ms), error, inMemoryLowerBoundMs: stat(lower) };
}

export interface StorageStep {
  /** performance.now() around the step (includes waiting for the browser process). */
  wallMs: Stat;
  /**
   * CDP ScriptDuration delta of the page: ~0, because neither code run through CDP nor promise
   * continuations are counted (cpu-profile.ts); kept for the record.
   */
  scriptMs: Stat;
  /** CDP TaskDuration delta of the (otherwise idle) page: the step's main-thread time. */
  taskMs: Stat;
  /** TaskDuration of the same measurement around an empty evaluation: the harness's share. */
  emptyStepTaskMs: Stat;
  /** True when the object does not fit and the in-memory lower bound was timed instead. */
  lowerBound: boolean;
  error: string | null;
}

/** (1) baseline: the usual content script's storage step, in an extension page. */
export async function baselineStorageStep(
  ext: ExtensionBrowser,
  seed: BaselineSeed,
  infos: string,
  reps: number,
): Promise<StorageStep> {
  const page = await ext.context.newPage();
  const wall: number[] = [];
  const script: number[] = [];
  const task: number[] = [];
  const empty: number[] = [];
  let error: string | null = null;
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/${BASELINE_PAGE}?mode=idle`);
    if (!seed.ok)
      await page.evaluate(
        `window.__baseline.buildLibrary(${seed.papers}, ${JSON.stringify(SEED_TEXTS)})`,
      );
    const session = await ext.context.newCDPSession(page);
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    for (let r = 0; r < reps; r++) {
      const before = await mainThreadMs(session);
      const res = (await page.evaluate(
        seed.ok
          ? `window.__baseline.storageStep(${infos})`
          : `window.__baseline.storageStepInMemory(${infos})`,
      )) as { ms: number; error?: string | null };
      const after = await mainThreadMs(session);
      wall.push(res.ms);
      script.push(after.script - before.script);
      task.push(after.task - before.task);
      error ??= res.error ?? null;
      const idle = await mainThreadMs(session);
      await page.evaluate('Promise.resolve({ ms: 0 })');
      empty.push((await mainThreadMs(session)).task - idle.task);
    }
    await session.detach();
  } finally {
    await page.close();
  }
  return {
    wallMs: stat(wall),
    scriptMs: stat(script),
    taskMs: stat(task),
    emptyStepTaskMs: stat(empty),
    lowerBound: !seed.ok,
    error,
  };
}
