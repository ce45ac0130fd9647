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

/** How long the reader must stop typing in the popup's search before indexing starts. */
export const INDEX_AFTER_SEARCH_MS = 3_000;

let timer: ReturnType<typeof setTimeout> | undefined;
let dueAt = Infinity;
/** The run due was put off by a search: the reader is typing (clearing the box too). */
let typing = false;
/** Writes so far: a background run stops between batches when one comes (a page view). */
let writes = 0;

/** After a write that may have queued papers: index them once writes pause, off the reply's path. */
export function indexInBackground(db: Db, delayMs = INDEX_DELAY_MS): void {
  writes++;
  schedule(db, delayMs);
}

/**
 * The popup is open: index what is queued soon, so a search finds the index ready. Never later
 * than a run already due; page views still stop it between batches.
 */
export function indexSoon(db: Db): void {
  // A list while the reader types is the box cleared before the next query: not a pause.
  if (typing) return;
  if (performance.now() + INDEX_SOON_MS < dueAt) schedule(db, INDEX_SOON_MS);
}

/**
 * After a search: the reader is typing. A run now would hold up the next keystroke for the whole of
 * its index write (0.4–0.5 s for the bench's 850 queued papers), so the run waits until they pause;
 * meanwhile searches check the queued papers one by one. Never earlier than a run already due.
 * A search that met a backlog (an import, an upgrade) walked the records, slower than any wait
 * for the index: the backlog is indexed at once.
 */
export function indexAfterSearch(db: Db, backlog = false): void {
  if (backlog) return schedule(db, 0);
  const due = Number.isFinite(dueAt) ? dueAt - performance.now() : 0;
  schedule(db, Math.max(INDEX_AFTER_SEARCH_MS, due), true);
}

function schedule(db: Db, delayMs: number, afterSearch = false): void {
  clearTimeout(timer);
  dueAt = performance.now() + delayMs;
  typing = afterSearch;
  timer = setTimeout(() => {
    dueAt = Infinity;
    typing = false;
    const started = writes;
    indexQueued(db, () => writes !== started).catch((error: unknown) => {
      // Search stays correct without the index (it walks the records): nothing for the reader to do.
      console.warn('[Papers Radar] Search indexing failed; search will scan instead', error);
    });
  }, delayMs);
}
