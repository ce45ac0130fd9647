/**
 * Everything measured at one library size: seed the product's database up to `size` synthetic
 * papers, then (2) the product's report timing, (3) the popup, (4) heap and storage, and the
 * storage.local baseline of (1)–(3) on a library of the same number of papers.
 */
import type { ExtensionBrowser } from '../../e2e/support/browser';
import type { ReplayServer } from '../../e2e/support/replay-server';
import {
  baselineReport,
  baselineStorageStep,
  clearBaseline,
  seedBaseline,
  type BaselineReport,
  type BaselineSeed,
  type StorageStep,
} from './baseline';
import { workerHeap, type HeapUsage } from './heap';
import { buildSearchIndex } from './index-build';
import { listPapers, reportInfos, SEED_TEXTS } from './pages';
import { measureBaselinePopup, measurePopup, type PopupFigures } from './popup';
import { measureReports } from './reports';
import { settle } from './settle';
import { inWorker } from './worker-code';

export interface LibraryEntry {
  /** Synthetic papers seeded (the label). */
  synthetic: number;
  /** Papers in the product's database when the measurements at this size start / end. */
  storedBefore: number;
  storedAfter: number;
  seedMs: number;
  /** The first search after seeding: the background indexes every seeded paper. */
  indexBuild: { ms: number };
  /** navigator.storage.estimate() in the worker, after seeding. */
  storage: { usage: number; quota: number };
  report: Awaited<ReturnType<typeof measureReports>>;
  popup?: PopupFigures;
  /** The worker's JS heap after a forced GC, after the reports and the popup's searches. */
  serviceWorkerHeap: HeapUsage;
  baseline: {
    seed: BaselineSeed;
    report: BaselineReport;
    contentStorageStep: StorageStep;
    popup?: PopupFigures & { lowerBound: boolean };
  };
}

export interface LibraryOptions {
  /** Synthetic papers already seeded by an earlier size. */
  seededSoFar: number;
  reps: number;
  /** Fresh pages reported (and re-reports of the last one). */
  reportReps: number;
  /** Measure the popups (not at 0). */
  popup: boolean;
  /** Search keystrokes ("model t…"). */
  keystrokes: number;
  log: (msg: string) => void;
}

export async function measureLibrary(
  ext: ExtensionBrowser,
  server: ReplayServer,
  size: number,
  { seededSoFar, reps, reportReps, popup, keystrokes, log }: LibraryOptions,
): Promise<LibraryEntry> {
  log(`library ${size}: seeding`);
  const seedStart = Date.now();
  await inWorker(
    ext,
    `await globalThis.__bench.seedPapers(${seededSoFar}, ${size}, ${JSON.stringify(SEED_TEXTS)});`,
  );
  const seedMs = Date.now() - seedStart;
  log(`library ${size}: search index build`);
  const indexBuild = await buildSearchIndex(ext);
  const count = () => inWorker<number>(ext, 'return globalThis.__bench.count();');
  const storedBefore = await count();
  const storage = await inWorker<{ usage: number; quota: number }>(
    ext,
    'return globalThis.__bench.estimate();',
  );

  // Measured once the index build's writes are done with: page views, not a bulk import.
  await settle(ext, { quietMs: 10_000 });
  log(`library ${size}: background reports (product measure)`);
  const report = await measureReports(ext, server, reportReps, {
    first: seededSoFar,
    count: size - seededSoFar,
  });

  let ours: PopupFigures | undefined;
  if (popup) {
    log(`library ${size}: popup`);
    ours = await measurePopup(ext, reps, keystrokes);
  }
  const serviceWorkerHeap = await workerHeap(ext);
  const storedAfter = await count();

  log(`library ${size}: storage.local baseline (${storedAfter} papers)`);
  const seed = await seedBaseline(ext, storedAfter);
  const infos = JSON.stringify(reportInfos(listPapers(50)));
  const baseline: LibraryEntry['baseline'] = {
    seed,
    report: await baselineReport(ext, seed, infos, reps),
    contentStorageStep: await baselineStorageStep(ext, seed, infos, reps),
  };
  if (popup) {
    baseline.popup = await measureBaselinePopup(
      ext,
      reps,
      keystrokes,
      seed.ok ? null : { papers: storedAfter, seeds: SEED_TEXTS },
    );
  }
  await clearBaseline(ext);
  log(`library ${size}: done`);
  return {
    synthetic: size,
    storedBefore,
    storedAfter,
    seedMs,
    indexBuild,
    storage,
    report,
    ...(ours ? { popup: ours } : {}),
    serviceWorkerHeap,
    baseline,
  };
}
