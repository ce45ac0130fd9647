/**
 * (3) The popup, and the baseline popup, in a tab of their extension page.
 *
 * Ours: popup.html; an init script records performance.now() (since navigation start) in the
 * animation frame after the first `li.paper-row` appears. Search: the All view, the box set one
 * more character per keystroke, one `input` event, time until nothing is `aria-busy`/`.loading`,
 * minus the search debounce. Also a query that matches nothing (`zqx`): the worst case.
 *
 * Baseline (baseline-page.ts): open → the first 50 rows painted, the same way; a keystroke is the
 * input event (filter + render, synchronous) to the next animation frame; no debounce.
 *
 * The popup's heap (heap.ts) is read after the searches, in the first repetition.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../e2e/support/browser';
import { BASELINE_PAGE } from './baseline-page';
import { pageHeap, type HeapUsage } from './heap';
import type { SeedText } from './pages';
import { stat, type Stat } from './stats';

/** lib/popup/model.ts SEARCH_DEBOUNCE_MS (not imported: the bench must not load popup code). */
const SEARCH_DEBOUNCE_MS = 150;
/** Opens of our popup per library: the first, right after the reports, is reported apart. */
const MIN_OPENS = 5;
const RESPONSE_END = "performance.getEntriesByType('navigation')[0].responseEnd";
const WORD = 'model transformer';
/** Queries that match nothing; the second only on the smaller libraries (11 s each at 100,000). */
const noMatchQueries = (keystrokes: number) => (keystrokes > 6 ? ['zq', 'zqx'] : ['zqx']);

export interface PopupFigures {
  /** Every open but the first (after the reports, the worker busy): the popup opened again. */
  openToFirstRowMs: Stat;
  /** The first open, right after the reports (one sample). */
  firstOpenToFirstRowMs?: number[];
  /**
   * Navigation → the first listPapers reply in the page (opens as openToFirstRowMs). The first row
   * comes before it when the background's kept first page (storage.session) was painted.
   */
  openToLiveListMs?: Stat;
  /**
   * The same end, from the navigation entry's responseEnd (the page's HTML received): the page's
   * own work (scripts, messages, render) without the new tab's process start and request.
   */
  documentToFirstRowMs: Stat;
  keystrokeMs: Stat;
  keystrokeNoMatchFullScanMs: Stat;
  heap: HeapUsage | null;
}

// Page-side code: strings for page.evaluate (records.ts explains why); waitForFunction takes
// anonymous functions instead, as extension pages' CSP forbids its string form (eval).
type PageGlobals = Window & {
  __firstRow?: number;
  __liveList?: number;
  __firstRows?: number;
  __baselineError?: string;
};

const FIRST_ROW_INIT = `(() => {
  const look = () => {
    if (window.__firstRow !== undefined) return;
    if (document.querySelector('li.paper-row')) {
      requestAnimationFrame(() => { window.__firstRow = performance.now(); });
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(look);
  obs.observe(document, { childList: true, subtree: true });
  // When the first listPapers reply reaches the page: the live list, which replaces (or is) the
  // first rows painted. Whether the caller passes a callback (the polyfill) or takes the promise.
  const send = chrome.runtime.sendMessage;
  const arrived = () => {
    if (window.__liveList === undefined) window.__liveList = performance.now();
  };
  chrome.runtime.sendMessage = function (...args) {
    const listing = args[0]?.type === 'listPapers';
    const i = args.findIndex((arg) => typeof arg === 'function');
    if (listing && i >= 0) {
      const callback = args[i];
      args[i] = (...reply) => (arrived(), callback(...reply));
    }
    const result = send.apply(this, args);
    if (listing && i < 0) result.then(arrived, () => undefined);
    return result;
  };
})();`;

export async function measurePopup(
  ext: ExtensionBrowser,
  reps: number,
  keystrokes: number,
): Promise<PopupFigures> {
  const open: number[] = [];
  const live: number[] = [];
  const fromDocument: number[] = [];
  const keys: number[] = [];
  const noMatch: number[] = [];
  let heap: HeapUsage | null = null;
  for (let r = 0; r < Math.max(reps, MIN_OPENS); r++) {
    const page = await ext.context.newPage();
    try {
      await page.addInitScript(FIRST_ROW_INIT);
      await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      await page.waitForSelector('li.paper-row', { timeout: 30_000 });
      await page.waitForFunction(() => {
        const w = window as PageGlobals;
        return w.__firstRow !== undefined && w.__liveList !== undefined;
      });
      open.push((await page.evaluate('window.__firstRow')) as number);
      live.push((await page.evaluate('window.__liveList')) as number);
      fromDocument.push((await page.evaluate(`window.__firstRow - ${RESPONSE_END}`)) as number);
      if (r === 0) {
        await page.getByRole('tab', { name: /^All\b/ }).click();
        await settle(page);
        await typeQueries(keystrokes, (q) => keystroke(page, q), keys, noMatch);
        heap = await pageHeap(ext, page);
      }
    } finally {
      await page.close();
    }
  }
  return {
    openToFirstRowMs: stat(open.slice(1)),
    firstOpenToFirstRowMs: open.slice(0, 1),
    openToLiveListMs: stat(live.slice(1)),
    documentToFirstRowMs: stat(fromDocument.slice(1)),
    keystrokeMs: stat(keys),
    keystrokeNoMatchFullScanMs: stat(noMatch),
    heap,
  };
}

/**
 * The searches both popups are timed on: "model t…" one character more per keystroke (`keys`),
 * the box cleared, then the queries that match nothing (`noMatch`).
 */
async function typeQueries(
  keystrokes: number,
  type: (query: string) => Promise<number>,
  keys: number[],
  noMatch: number[],
): Promise<void> {
  const word = WORD.slice(0, keystrokes);
  for (let i = 1; i <= word.length; i++) keys.push(await type(word.slice(0, i)));
  await type('');
  for (const q of noMatchQueries(keystrokes)) noMatch.push(await type(q));
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"]') && !document.querySelector('.loading'),
    undefined,
    { timeout: 60_000 },
  );
}

/** Sets the search box to `value` (one input event) and times until the list settles. */
async function keystroke(page: Page, value: string): Promise<number> {
  const ms = (await page.evaluate(`new Promise((resolve, reject) => {
    const box = document.querySelector('input.search-box');
    if (!box) return reject(new Error('no search box'));
    const t0 = performance.now();
    box.value = ${JSON.stringify(value)};
    box.dispatchEvent(new Event('input', { bubbles: true }));
    const check = () => {
      const busy = document.querySelector('[aria-busy="true"], .loading');
      if (!busy && performance.now() - t0 > ${SEARCH_DEBOUNCE_MS}) resolve(performance.now() - t0);
      else if (performance.now() - t0 > 60000) reject(new Error('search did not settle'));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`)) as number;
  return Math.max(0, ms - SEARCH_DEBOUNCE_MS);
}

/**
 * The baseline popup. `inMemory` (the library does not fit in storage.local): the page builds
 * `papers` records itself (not timed) and times a structured clone in place of get(): a lower
 * bound.
 */
export async function measureBaselinePopup(
  ext: ExtensionBrowser,
  reps: number,
  keystrokes: number,
  inMemory: { papers: number; seeds: readonly SeedText[] } | null,
): Promise<PopupFigures & { lowerBound: boolean }> {
  const open: number[] = [];
  const fromDocument: number[] = [];
  const keys: number[] = [];
  const noMatch: number[] = [];
  let heap: HeapUsage | null = null;
  const mode = inMemory ? 'popup-memory' : 'popup';
  for (let r = 0; r < reps; r++) {
    const page = await ext.context.newPage();
    try {
      await page.goto(`chrome-extension://${ext.extensionId}/${BASELINE_PAGE}?mode=${mode}`);
      if (inMemory)
        await page.evaluate(
          `window.__baseline.startInMemory(${inMemory.papers}, ${JSON.stringify(inMemory.seeds)})`,
        );
      await page.waitForFunction(
        () => {
          const w = window as PageGlobals;
          return w.__firstRows !== undefined || w.__baselineError !== undefined;
        },
        undefined,
        { timeout: 120_000 },
      );
      const error = (await page.evaluate('window.__baselineError')) as string | undefined;
      if (error) throw new Error(`baseline popup: ${error}`);
      open.push((await page.evaluate('window.__firstRows')) as number);
      fromDocument.push((await page.evaluate(`window.__firstRows - ${RESPONSE_END}`)) as number);
      if (r === 0) {
        const type = (q: string) =>
          page.evaluate(`window.__baseline.keystroke(${JSON.stringify(q)})`) as Promise<number>;
        await typeQueries(keystrokes, type, keys, noMatch);
        heap = await pageHeap(ext, page);
      }
    } finally {
      await page.close();
    }
  }
  return {
    openToFirstRowMs: stat(open),
    documentToFirstRowMs: stat(fromDocument),
    keystrokeMs: stat(keys),
    keystrokeNoMatchFullScanMs: stat(noMatch),
    heap,
    lowerBound: inMemory !== null,
  };
}
