/**
 * (2) The background's time to handle one page report, timed by the PRODUCT: after each real
 * report (a tab navigated to a generated 50-card page), the User Timing measure
 * `papers-radar:record-report` that lib/background/page-handlers.ts records around
 * `recordReport` is read in the service worker, and `papers-radar:record-details` around
 * `recordDetails` (the fields the page sends once idle, in batches). Three cases: 50 papers never
 * seen before (a fresh page per repetition; the first one is a warm-up), a re-report of an
 * already stored page in the same visit (a reload: only what changed is written), and pages of
 * stored papers last seen long ago (a later visit: every record is written).
 *
 * The headline comes from plain page views, with no instrument of the bench at work beside the
 * report (a Chrome trace streams its events to the bench as it goes; interleaved labs showed no
 * steady cost of it, but none is needed there). Fresh pages are also visited traced, in turn with
 * the plain ones, for the content script's CPU at each library size; their reports are kept
 * apart. Around every view, the service worker thread's time on a core and waiting for one
 * (thread-time.ts).
 */
import type { ExtensionBrowser } from '../../e2e/support/browser';
import type { ReplayServer } from '../../e2e/support/replay-server';
import {
  summarise,
  visitPage,
  type PageFigures,
  type PageSample,
  type VisitMethod,
} from './content';
import { registerFreshPage, registerSeededPage, reportInfos } from './pages';
import { stat, type Stat } from './stats';
import { serviceWorkerThread, threadDelta } from './thread-time';
import { DETAILS_MEASURE, inWorker, REPORT_MEASURE } from './worker-code';

export interface ReportSample extends PageSample {
  /** The product's measure: `recordReport`'s duration in the worker. */
  recordReportMs: number;
  /** Measures a PerformanceObserver saw during this navigation (1 expected). */
  reportsObserved: number;
  /**
   * The product's measure of the details the page sent once idle (`recordDetails`, one
   * transaction per batch of 25): their sum, and how many papers they wrote.
   */
  recordDetailsMs: number;
  detailsUpdated: number;
  /** The service worker thread over the page view: on a core, and runnable but waiting for one. */
  workerRunMs?: number;
  workerWaitMs?: number;
}

export interface ReportFigures {
  /** Of the plain page views. */
  recordReportMs: Stat;
  recordDetailsMs: Stat;
  workerRunMs: Stat;
  workerWaitMs: Stat;
  /** The reports of the traced views (fresh pages only), apart. */
  recordReportTracedMs?: Stat;
  /** The navigations seen from the page: content script CPU (traced views), nav → decorated. */
  page: PageFigures;
  samples: ReportSample[];
  warmup?: ReportSample;
}

interface LastReport {
  duration: number;
  startTime: number;
  papers: number | null;
  observed: number;
}

const lastReport = (ext: ExtensionBrowser) =>
  inWorker<LastReport | null>(ext, 'return globalThis.__bench.lastReport();');

interface DetailsMeasure {
  ms: number;
  papers: number;
  updated: number;
}

const takeDetails = (ext: ExtensionBrowser) =>
  inWorker<DetailsMeasure[]>(ext, 'return globalThis.__bench.takeDetails();');

/** The details of `cards` papers, which the page sends in idle batches after its report. */
async function detailsOf(ext: ExtensionBrowser, path: string, cards: number) {
  const measures: DetailsMeasure[] = [];
  const deadline = Date.now() + 5000;
  while (measures.reduce((sum, m) => sum + m.papers, 0) < cards) {
    if (Date.now() > deadline)
      throw new Error(`${DETAILS_MEASURE} after ${path}: ${JSON.stringify(measures)}`);
    measures.push(...(await takeDetails(ext)));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    recordDetailsMs: measures.reduce((sum, m) => sum + m.ms, 0),
    detailsUpdated: measures.reduce((sum, m) => sum + m.updated, 0),
  };
}

async function reportedVisit(
  ext: ExtensionBrowser,
  server: ReplayServer,
  path: string,
  cards: number,
  method: VisitMethod,
): Promise<ReportSample> {
  const before = await lastReport(ext);
  await takeDetails(ext);
  const threadBefore = serviceWorkerThread(ext.profileDir);
  const sample = await visitPage(ext, server, path, cards, method);
  const worker = threadDelta(threadBefore, serviceWorkerThread(ext.profileDir));
  const after = await lastReport(ext);
  if (!after || (before && after.startTime === before.startTime))
    throw new Error(`No new ${REPORT_MEASURE} measure in the worker after visiting ${path}`);
  if (after.papers !== cards)
    throw new Error(`${REPORT_MEASURE} after ${path} was for ${after.papers} papers, not ${cards}`);
  return {
    ...sample,
    recordReportMs: after.duration,
    reportsObserved: after.observed,
    ...(worker ? { workerRunMs: worker.runMs, workerWaitMs: worker.waitMs } : {}),
    ...(await detailsOf(ext, path, cards)),
  };
}

const present = (values: (number | undefined)[]) =>
  values.filter((v): v is number => v !== undefined);

function figures(samples: ReportSample[], warmup?: ReportSample): ReportFigures {
  const plain = samples.filter((s) => s.method === 'plain');
  const traced = samples.filter((s) => s.method === 'trace');
  return {
    recordReportMs: stat(plain.map((s) => s.recordReportMs)),
    recordDetailsMs: stat(plain.map((s) => s.recordDetailsMs)),
    workerRunMs: stat(present(plain.map((s) => s.workerRunMs))),
    workerWaitMs: stat(present(plain.map((s) => s.workerWaitMs))),
    ...(traced.length ? { recordReportTracedMs: stat(traced.map((s) => s.recordReportMs)) } : {}),
    page: { ...summarise(samples), navToDecoratedMs: stat(plain.map((s) => s.navToDecoratedMs)) },
    samples,
    ...(warmup ? { warmup } : {}),
  };
}

export interface ReportsFigures {
  newPapers: ReportFigures;
  /** The last fresh page again, in the same visit. */
  update: ReportFigures;
  /** Pages of the synthetic library's papers, last seen long ago: seen again in a later visit. */
  earlierVisit?: ReportFigures;
  replicaCrossCheckMs: Stat;
}

/**
 * `seeded`: the synthetic papers seeded for this library size, not yet on any page of the run
 * (the whole run is one visit): `reps` pages of 50 of them are viewed, if there are enough.
 */
export async function measureReports(
  ext: ExtensionBrowser,
  server: ReplayServer,
  reps: number,
  seeded: { first: number; count: number },
): Promise<ReportsFigures> {
  // The warm-up, then `reps` plain views and `reps` traced ones, in turn; the last is plain.
  const fresh: ReportSample[] = [];
  let lastPage: ReturnType<typeof registerFreshPage> | undefined;
  for (let r = 0; r < 2 * reps + 1; r++) {
    lastPage = registerFreshPage(server, 50);
    const method = r % 2 === 0 ? 'plain' : 'trace';
    fresh.push(await reportedVisit(ext, server, lastPage.path, 50, method));
  }
  const stored = lastPage as ReturnType<typeof registerFreshPage>;
  const update: ReportSample[] = [];
  for (let r = 0; r < reps; r++)
    update.push(await reportedVisit(ext, server, stored.path, 50, 'plain'));

  // Cross-check only: the raw-IndexedDB replica on the same (stored) papers, first run dropped.
  const replica: number[] = [];
  const infos = JSON.stringify(reportInfos(stored.papers));
  for (let r = 0; r < reps + 1; r++) {
    const ms = await inWorker<number>(ext, `return globalThis.__bench.replicaReport(${infos});`);
    if (r > 0) replica.push(ms);
  }
  const earlier: ReportSample[] = [];
  for (let r = 0; r < reps && (r + 1) * 50 <= seeded.count; r++) {
    const page = registerSeededPage(server, 50, seeded.first + r * 50);
    earlier.push(await reportedVisit(ext, server, page.path, 50, 'plain'));
  }
  const [warmup, ...counted] = fresh;
  return {
    newPapers: figures(counted, warmup),
    update: figures(update),
    ...(earlier.length > 0 ? { earlierVisit: figures(earlier) } : {}),
    replicaCrossCheckMs: stat(replica),
  };
}
