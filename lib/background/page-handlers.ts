/** Handlers for the content script: a page's report, and "undo" on a hidden card. */
import type { MessageType, Request, Responses } from '../messages/protocol';
import { recordDetails, recordReport, setHidden } from '../db/papers-repo';
import { indexInBackground } from './search';
import { countNewVisible, paperState } from '../visits/new-since-last-visit';
import type { BackgroundDeps } from './deps';
import type { MessageContext } from './router';
import { forTab, getTabPage, setStorageError, setTabPage } from './session-state';
import { refreshTabs, setBadge } from './tabs';

export async function reportPage(
  deps: BackgroundDeps,
  data: Request<'reportPage'>,
  { tabId, incognito }: MessageContext,
): Promise<Responses['reportPage']> {
  // Nothing is recorded in private windows (design.md, Privacy).
  if (incognito || tabId === undefined) return { states: [], visitStart: deps.now() };
  const gapMs = await deps.visitGapMs();
  const db = await deps.db();
  const started = performance.now();
  const { states, visitStart, wantTexts } = await recordReport(db, data, deps.now(), gapMs);
  markReportTime(started, data.papers.length);
  const ids = [...new Set(states.map((s) => s.id))];
  const newCount = countNewVisible(states);
  await forTab(tabId, async () => {
    await setTabPage(tabId, {
      url: data.url,
      kind: data.kind,
      count: ids.length,
      newCount,
      ids,
      visitStart,
    });
    await setBadge(tabId, newCount);
  });
  await setStorageError(null); // Storage works again.
  indexInBackground(db);
  return { states, visitStart, ...(wantTexts.length > 0 ? { wantTexts } : {}) };
}

/**
 * The fields a page sends once idle after its report (`paperDetails`); only for papers on the page
 * this tab reported.
 */
export async function paperDetails(
  deps: BackgroundDeps,
  { papers }: Request<'paperDetails'>,
  { tabId }: MessageContext,
): Promise<Responses['paperDetails']> {
  await reportedPage(
    'paperDetails',
    tabId,
    papers.map((p) => p.id),
  );
  const db = await deps.db();
  const started = performance.now();
  const updated = await recordDetails(db, papers);
  markDetailsTime(started, papers.length, updated);
  // A page seen again mostly changes nothing: no write, no reason to put off the indexer.
  if (updated > 0) indexInBackground(db);
  return { updated };
}

/** User Timing name of the last report's storage time; `npm run bench` reads it in the worker. */
export const REPORT_MEASURE = 'papers-radar:record-report';

/** User Timing name of the last `paperDetails` storage time, read by the bench too. */
export const DETAILS_MEASURE = 'papers-radar:record-details';

/** Keeps only the latest measure, so a long-lived worker does not accumulate entries. */
function markReportTime(start: number, papers: number): void {
  performance.clearMeasures(REPORT_MEASURE);
  performance.measure(REPORT_MEASURE, { start, detail: { papers } });
}

function markDetailsTime(start: number, papers: number, updated: number): void {
  performance.clearMeasures(DETAILS_MEASURE);
  performance.measure(DETAILS_MEASURE, { start, detail: { papers, updated } });
}

export async function undoHide(
  deps: BackgroundDeps,
  { id }: Request<'undoHide'>,
  { tabId }: MessageContext,
): Promise<Responses['undoHide']> {
  const page = await reportedPage('undoHide', tabId, [id]);
  const db = await deps.db();
  const record = await setHidden(db, id, false, deps.now());
  await refreshTabs(db, new Set([id]));
  return { state: paperState(record, page.visitStart) };
}

/**
 * The page this tab reported, if it shows every one of `ids`: a content script may act only on
 * papers of its own page. Otherwise the request (`type`) is refused.
 */
async function reportedPage(type: MessageType, tabId: number | undefined, ids: string[]) {
  const page = tabId === undefined ? undefined : await getTabPage(tabId);
  const onPage = new Set(page?.ids);
  const stray = ids.find((id) => !onPage.has(id));
  if (stray !== undefined) {
    throw new Error(`Refused ${type}: paper ${stray} is not on the page this tab reported`);
  }
  if (!page) throw new Error(`Refused ${type}: this tab reported no papers page`);
  return page;
}
