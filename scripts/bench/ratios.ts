/**
 * Ratios baseline / ours, per library size, from medians. When the baseline could only be timed
 * as its in-memory lower bound (storage.local refused the object), the ratio is a lower bound too.
 *
 * (1) The usual content script does the same parse and decorate work as ours, and instead of our
 * report message it gets, merges and sets the library object itself: baseline(1) = our content
 * script's main-thread time (CPU profile, content.ts) + the storage step's main-thread time
 * measured in an idle extension page (its TaskDuration: the value conversions of get() and set()
 * run in the extension bindings, outside any JavaScript stack, and ScriptDuration reads 0 there).
 * That counts our report message on the baseline's side too, a small overstatement of the
 * baseline. The storage step merges 50 papers; for bigger pages it is used as is (the merge is a
 * small part of it), which if anything understates the baseline.
 */
import type { PageFigures } from './content';
import type { LibraryEntry } from './library';
import type { ReportFigures } from './reports';
import type { Stat } from './stats';

export interface Ratio {
  /** baseline / ours, or null when either side is missing. */
  value: number | null;
  /** The baseline side is a lower bound, so the true ratio is at least `value`. */
  atLeast: boolean;
}

function ratio(baseline: number | undefined, ours: number | undefined, atLeast: boolean): Ratio {
  if (baseline === undefined || ours === undefined || !(ours > 0) || Number.isNaN(baseline))
    return { value: null, atLeast };
  return { value: Math.round((baseline / ours) * 100) / 100, atLeast };
}

const med = (s: Stat | undefined) => (s && s.n > 0 ? s.median : undefined);

/** A report and the details the page sends after it: what one page view writes. */
const pageViewWrites = (r: ReportFigures) => {
  const report = med(r.recordReportMs);
  const details = med(r.recordDetailsMs);
  return report === undefined || details === undefined ? undefined : report + details;
};

/** The storage step's main-thread time used in baseline(1). */
export function storageStepMs(e: LibraryEntry): number | undefined {
  return med(e.baseline.contentStorageStep.taskMs);
}

/** (1) for a page whose content script took `ours` (main-thread time), at library `e`. */
export function contentRatio(ours: PageFigures, e: LibraryEntry): Ratio {
  const mine = med(ours.cpuMs);
  const step = storageStepMs(e);
  return ratio(
    mine === undefined || step === undefined ? undefined : mine + step,
    mine,
    e.baseline.contentStorageStep.lowerBound,
  );
}

export interface SizeRatios {
  content50: Ratio;
  reportNew: Ratio;
  reportUpdate: Ratio;
  popupOpen: Ratio;
  keystroke: Ratio;
  keystrokeNoMatch: Ratio;
}

export function sizeRatios(e: LibraryEntry): SizeRatios {
  const b = e.baseline;
  const reportBase = b.seed.ok ? med(b.report.storageLocalMs) : med(b.report.inMemoryLowerBoundMs);
  const popupLower = b.popup?.lowerBound ?? false;
  return {
    content50: contentRatio(e.report.newPapers.page, e),
    // Against the report and the details it is followed by: the baseline writes both at once.
    reportNew: ratio(reportBase, pageViewWrites(e.report.newPapers), !b.seed.ok),
    reportUpdate: ratio(reportBase, pageViewWrites(e.report.update), !b.seed.ok),
    popupOpen: ratio(med(b.popup?.openToFirstRowMs), med(e.popup?.openToFirstRowMs), popupLower),
    keystroke: ratio(med(b.popup?.keystrokeMs), med(e.popup?.keystrokeMs), false),
    keystrokeNoMatch: ratio(
      med(b.popup?.keystrokeNoMatchFullScanMs),
      med(e.popup?.keystrokeNoMatchFullScanMs),
      false,
    ),
  };
}
