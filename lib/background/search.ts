/** When the background brings the search index up to date (lib/db/search-index.ts). */
import type { Db } from '../db/open-db';
import { indexQueued } from '../db/search-index';

/**
 * How long indexing waits after the last write. Page views come in bursts (a reload, the next
 * day, back again, the next tab) a few seconds apart, and one index run at 100,000 papers writes
 * for hundreds of milliseconds: a report landing then waited for it (200–630 ms in the bench,
 * docs/performance.md). Under the 30 s after which Chrome stops an idle worker.
 */
export const INDEX_DELAY_MS = 10_000;
/** After the popup lists papers: the reader may search in a moment, so index before they type. */
export const INDEX_SOON_MS = 500;

/**
 * Papers per round of a background run (a page report queues one entry of its new papers). A
 * round's write at 100,000 papers takes about 0.5 ms per paper, and a keystroke in the popup that
 * comes meanwhile waits for it: for one round, not for the whole queue (850 papers in the bench,
 * 0.4–0.5 s). A backlog's entries are full batches (INDEX_BATCH) and go one per round.
 */
export const BACKGROUND_BATCH = 64;

let timer: ReturnType<typeof setTimeout> | undefined;
let dueAt = Infinity;
/** Writes so far: a background run stops between rounds when one comes (a page view). */
let writes = 0;

/** After a write that may have queued papers: index them once writes pause, off the reply's path. */
export function indexInBackground(db: Db, delayMs = INDEX_DELAY_MS): void {
  writes++;
  schedule(db, delayMs);
}

/**
 * The popup is open: index what is queued soon, so that searches find the index ready (until then
 * they check the queued papers one by one; a backlog of thousands makes them walk the records).
 * Never later than a run already due; page views still stop it between rounds.
 */
export function indexSoon(db: Db): void {
  if (performance.now() + INDEX_SOON_MS < dueAt) schedule(db, INDEX_SOON_MS);
}

function schedule(db: Db, delayMs: number): void {
  clearTimeout(timer);
  dueAt = performance.now() + delayMs;
  timer = setTimeout(() => {
    dueAt = Infinity;
    const started = writes;
    indexQueued(db, () => writes !== started, BACKGROUND_BATCH).catch((error: unknown) => {
      // Search stays correct without the index (it walks the records): nothing for the reader to do.
      console.warn('[Papers Radar] Search indexing failed; search will scan instead', error);
    });
  }, delayMs);
}
