/**
 * `npm run bench`: builds the extension, launches Chromium with it (as the e2e tests do) and
 * measures the performance budgets of design.md, with the storage.local baseline on the same data
 * in the same run. Prints a table and writes test-results/bench.json (every sample, median, min,
 * max). It measures; it never fails on slowness. docs/performance.md describes the methods.
 *
 * Knobs: BENCH_QUICK=1 (fewer repetitions, libraries up to 10,000), BENCH_NO_BUILD=1 (reuse the
 * build), BENCH_EXTENSION_DIR (measure another build directory than .output/chrome-mv3).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildListPage, closePageBuilder } from '../e2e/support/page-builder';
import { EXTENSION_DIR, REPO_ROOT } from '../e2e/support/paths';
import { startReplayServer } from '../e2e/support/replay-server';
import { bundleSizes } from './bench/bundles';
import { BLANK_PATH, measureContent } from './bench/content';
import { launchBench } from './bench/launch';
import { measureLibrary, type LibraryEntry } from './bench/library';
import { settle } from './bench/settle';
import { listPapers } from './bench/pages';
import { contentRatio, sizeRatios } from './bench/ratios';
import { round } from './bench/stats';
import { bytesPerPaper, formatTable, type BenchResults } from './bench/table';

const QUICK = process.env.BENCH_QUICK === '1';
const REPS = QUICK ? 2 : 3;
const REPS_BIG = QUICK ? 1 : 2;
/** Page reports per library size: cheap (a page view each) and the noisiest figure. */
const REPORT_REPS = QUICK ? 3 : 8;
const SIZES = QUICK ? [0, 1000, 10_000] : [0, 1000, 10_000, 100_000];
const BUILT_DIR = process.env.BENCH_EXTENSION_DIR ?? EXTENSION_DIR;

const METHODS = {
  content:
    'Each section starts once the search queue is empty and 3 s more have passed (the background indexes the papers of earlier visits 10 s after their last write). A fresh tab on a same-origin blank page navigated to the papers page, until every card carries data-papers-radar-state, then until the idle callbacks queued by then have run (one per 25 cards, + 2), + 50 ms; trace visits and profile visits alternate. cpuMs (headline): thread CPU time (tdur) of the renderer main-thread tasks of a Chrome trace (toplevel, devtools.timeline, v8.execute) that hold an event of chrome-extension://<id>/papers-page.js (its evaluation and first pass) or run microtasks without parsing HTML or evaluating another script, and the top-level microtask checkpoints after the evaluation (where the continuation of the reply decorates the cards), less the calls of other scripts in them (the MutationObserver of the bench) (scripts/bench/trace-cpu.ts); passMs: of that, the microtask checkpoints (the pass: list the cards, read their ids and titles, send the report, decorate; the JSON too on a page whose cards are not enough), without compiling and evaluating the bundle. idleMs (firstVisitIdleMs, revisitIdleMs): apart from both, the idle-callback tasks (FireIdleCallback) that run the bundle: the page JSON read in one task, then the details of the papers (their fields, and the texts the background asked for) sent 25 papers per task. contentScriptMs: V8 CPU profile (CDP Profiler, 200 µs sampling), the samples with a frame of the content script on the stack, decoration included, but a sample lasts until the next one, so descheduled time counts on a busy machine. scriptMs/taskMs: CDP Performance.getMetrics ScriptDuration/TaskDuration deltas in thread time (timeDomain threadTicks); ScriptDuration does not count promise continuations, TaskDuration is all main-thread work of the page including its own HTML parsing and layout. navToDecorated: page performance.now() at that moment.',
  report:
    "The product's own User Timing measure papers-radar:record-report (lib/background/page-handlers.ts, around recordReport: one IndexedDB transaction over papers + visits), read with performance.getEntriesByName in the service worker after each real report: a tab navigated to a generated 50-card page, with no trace or profiler running, so that no instrument of the bench works beside the report (three interleaved labs of 2026-11-24, trace against plain, medians: 46.1 / 33.6, 35.6 / 38.6, and 62.1 / 54.3 at 100,000 papers: no steady difference). Fresh pages are visited as often traced, in turn with the plain views, for the content script CPU at each library size; their reports are reported apart (recordReportTracedMs). workerRunMs / workerWaitMs: the service worker thread over each plain view, on a core and runnable but waiting for one (Linux /proc/<pid>/task/<tid>/schedstat of the extension process). recordDetails: the measure papers-radar:record-details around recordDetails, one transaction per batch of 25 papers the page sends once idle (their fields from the JSON, texts for papers never seen), summed per page view. newPapers: a fresh page of never-seen ids per view (8 plain and 8 traced, or 3 and 3 with BENCH_QUICK; the first one, a warm-up, is kept apart); update: the last fresh page again, as often, in the same visit (the whole run is one visit: nothing changed, nothing but the visit is written); earlierVisit: pages of 50 papers of the synthetic library seeded for this size (stored, last seen in 2025), as many, every record rewritten. Measured once the search queue is empty and 10 s more have passed after the index build (page views, not the aftermath of a bulk import). replicaCrossCheck: a raw-IndexedDB replica of the transaction on the stored page that rewrites every record (as in a later visit), first run dropped.",
  popup:
    'popup.html in a tab; performance.now() (since navigation start) in the animation frame after the first li.paper-row exists; 5 opens, the first (right after the reports) reported apart (firstOpenToFirstRowMs), the others as openToFirstRowMs; openToLiveListMs: when the first listPapers reply reaches the page (a first row before it was painted from the page the background keeps in storage.session). Search, in the first open (the papers of the reports still queued for the index): All view, one more character per input event ("model t…"), time until nothing is aria-busy/.loading, minus the 150 ms debounce; the median and the slowest keystroke; no-match: "zq"/"zqx".',
  memory:
    'JS heap used after a forced GC (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage): the popup page after its searches (page CDP session); the service worker after the reports and the popup (browser CDP session, Target.attachToTarget flatten:false, Target.sendMessageToTarget). IndexedDB usage: navigator.storage.estimate() in the worker after seeding; bytes per paper = usage delta / papers delta between consecutive sizes.',
  baseline:
    'The whole library (as many records as the product database holds) as one object under one storage.local key, read and rewritten per page view. (2) in the service worker: get + merge of the 50 papers + set, performance.now(). (1) the same storage step in an idle extension page of the bench (bench-baseline.html, added to a copy of the built extension): main-thread time = the CDP TaskDuration delta in thread time (the value conversions run in the extension bindings, outside JavaScript, so ScriptDuration reads ~0), also performance.now(); baseline(1) = ours cpuMs + storage step TaskDuration (thread time). (3) a baseline popup in the same page: get the object, sort newest first, render 50 rows (plain DOM), open→first rows as for ours; per keystroke: filter the in-memory array (title, authors, summary), render 50, input event → next frame. When storage.local refuses the object (quota), the in-memory lower bound: structuredClone (standing in for get) + merge (+ JSON.stringify for a set), the library built untimed.',
};

function log(msg: string): void {
  process.stdout.write(`[bench] ${msg}\n`);
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const loadStart = loadavg();
  if (process.env.BENCH_NO_BUILD !== '1') {
    log('building: npx wxt build');
    execSync('npx wxt build', { cwd: REPO_ROOT, stdio: 'ignore' });
  }
  const bundles = bundleSizes(BUILT_DIR);

  const server = await startReplayServer();
  server.setPage(BLANK_PATH, '<!DOCTYPE html><title>blank</title><p>blank</p>');
  const pages: Record<string, { path: string; cards: number }> = {
    'real daily': { path: '/papers/date/2026-09-28', cards: 28 },
    // The saved trending card (one paper, laid out twice).
    'real trending': { path: '/papers/trending', cards: 1 },
  };
  for (const [n, day] of [
    [50, '01'],
    [500, '02'],
    [2000, '03'],
  ] as const) {
    const path = `/papers/date/2026-11-${day}`;
    server.setPage(path, buildListPage(listPapers(n), { date: path.slice(-10) }));
    pages[`generated ${n}`] = { path, cards: n };
  }

  const ext = await launchBench(server.port, BUILT_DIR);
  const content: BenchResults['content'] = {};
  const library: Record<string, LibraryEntry> = {};
  let chromium = '';
  try {
    chromium = ext.context.browser()?.version() ?? '';
    let seeded = 0;
    const atSize = async (size: number) => {
      const big = size >= 100_000;
      library[String(size)] = await measureLibrary(ext, server, size, {
        seededSoFar: seeded,
        reps: big ? REPS_BIG : REPS,
        reportReps: REPORT_REPS,
        popup: size >= 1000,
        keystrokes: big ? 6 : 8,
        log,
      });
      seeded = size;
    };
    // The empty library first, before the content-script pages store theirs.
    await atSize(0);
    for (const [name, { path, cards }] of Object.entries(pages)) {
      log(`content script: ${name}`);
      const reps = cards >= 2000 ? REPS_BIG : REPS;
      await settle(ext);
      content[name] = { cards, ...(await measureContent(ext, server, path, cards, reps)) };
    }
    for (const size of SIZES.filter((s) => s > 0)) await atSize(size);
  } finally {
    await ext.close();
    await server.close();
    await closePageBuilder();
  }

  const results: BenchResults = {
    bundles,
    content,
    library,
    totalSeconds: round((Date.now() - t0) / 1000),
  };
  const entries = Object.values(library);
  const json = {
    date: new Date().toISOString(),
    conditions: {
      cpus: cpus().length,
      loadAverageAtStart: loadStart.map(round),
      loadAverageAtEnd: loadavg().map(round),
      chromium,
      quick: QUICK,
      reps: REPS,
      repsBig: REPS_BIG,
      reportReps: REPORT_REPS,
      extensionDir: BUILT_DIR,
    },
    methods: METHODS,
    ...results,
    derived: {
      bytesPerPaper: Object.fromEntries(
        entries.map((e, i) => [String(e.synthetic), bytesPerPaper(entries[i - 1], e)]),
      ),
      ratios: Object.fromEntries(entries.map((e) => [String(e.synthetic), sizeRatios(e)])),
      contentRatios: Object.fromEntries(
        Object.entries(content).map(([name, c]) => [
          name,
          Object.fromEntries(entries.map((e) => [String(e.synthetic), contentRatio(c, e)])),
        ]),
      ),
    },
  };
  mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'test-results/bench.json'), JSON.stringify(json, null, 2));
  process.stdout.write(formatTable(results));
}

await main();
