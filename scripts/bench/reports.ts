/**
 * (2) The background's time to handle one page report, timed by the PRODUCT: after each real
 * report (a tab navigated to a generated 50-card page), the User Timing measure
 * `papers-radar:record-report` that lib/background/page-handlers.ts records around
 * `recordReport` is read in the service worker, and `papers-radar:record-details` around
 * `recordDetails` (the fields the page sends once idle, in batches). Two cases: 50 papers never
 * seen before (a fresh page per repetition; the first one is a warm-up) and a re-report of an
 * already stored page.
 */
import type { ExtensionBrowser } from '../../e2e/support/browser';
import type { ReplayServer } from '../../e2e/support/replay-server';
import { summarise, visitPage, type PageFigures, type PageSample } from './content';
import { registerFreshPage, reportInfos } from './pages';
import { stat, type Stat } from './stats';
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
}

export interface ReportFigures {
  recordReportMs: Stat;
  recordDetailsMs: Stat;
  /** The same navigations seen from the page: content script CPU (trace) and nav → decorated. */
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
): Promise<ReportSample> {
  const before = await lastReport(ext);
  await takeDetails(ext);
  const sample = await visitPage(ext, server, path, cards, 'trace');
  const after = await lastReport(ext);
  if (!after || (before && after.startTime === before.startTime))
    throw new Error(`No new ${REPORT_MEASURE} measure in the worker after visiting ${path}`);
  if (after.papers !== cards)
    throw new Error(`${REPORT_MEASURE} after ${path} was for ${after.papers} papers, not ${cards}`);
  return {
    ...sample,
    recordReportMs: after.duration,
    reportsObserved: after.observed,
    ...(await detailsOf(ext, path, cards)),
  };
}

function figures(samples: ReportSample[], warmup?: ReportSample): ReportFigures {
  return {
    recordReportMs: stat(samples.map((s) => s.recordReportMs)),
    recordDetailsMs: stat(samples.map((s) => s.recordDetailsMs)),
    page: summarise(samples),
    samples,
    ...(warmup ? { warmup } : {}),
  };
}

export async function measureReports(
  ext: ExtensionBrowser,
  server: ReplayServer,
  reps: number,
): Promise<{ newPapers: ReportFigures; update: ReportFigures; replicaCrossCheckMs: Stat }> {
  const fresh: ReportSample[] = [];
  let lastPage: ReturnType<typeof registerFreshPage> | undefined;
  for (let r = 0; r < reps + 1; r++) {
    lastPage = registerFreshPage(server, 50);
    fresh.push(await reportedVisit(ext, server, lastPage.path, 50));
  }
  const stored = lastPage as ReturnType<typeof registerFreshPage>;
  const update: ReportSample[] = [];
  for (let r = 0; r < reps; r++) update.push(await reportedVisit(ext, server, stored.path, 50));

  // Cross-check only: the raw-IndexedDB replica on the same (stored) papers, first run dropped.
  const replica: number[] = [];
  const infos = JSON.stringify(reportInfos(stored.papers));
  for (let r = 0; r < reps + 1; r++) {
    const ms = await inWorker<number>(ext, `return globalThis.__bench.replicaReport(${infos});`);
    if (r > 0) replica.push(ms);
  }
  const [warmup, ...counted] = fresh;
  return {
    newPapers: figures(counted, warmup),
    update: figures(update),
    replicaCrossCheckMs: stat(replica),
  };
}
