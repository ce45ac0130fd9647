/** When the background brings the search index up to date (lib/db/search-index.ts). */
import type { Db } from '../db/open-db';
import { hasQueued, INDEX_BATCH, indexQueued, queuedCount } from '../db/search-index';

/**
 * How long indexing waits after the last write. Page views come in bursts (a reload, the next
 * day, back again): indexing then, on the worker's one thread, would delay their reports.
 */
export const INDEX_DELAY_MS = 2000;
let timer: ReturnType<typeof setTimeout> | undefined;

/** After a write that may have queued papers: index them once writes pause, off the reply's path. */
export function indexInBackground(db: Db, delayMs = INDEX_DELAY_MS): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    indexQueued(db).catch((error: unknown) => {
      // Search stays correct without the index (it walks the records): nothing for the reader to do.
      console.warn('[Papers Radar] Search indexing failed; search will scan instead', error);
    });
  }, delayMs);
}

/**
 * Before a search: indexes what is queued and says whether the index is complete. A failure, or
 * papers queued again meanwhile, makes the search walk the records instead of missing any. A
 * backlog of more than one batch (a library just upgraded or imported) is indexed in the
 * background: the search walks meanwhile rather than wait minutes.
 */
export async function indexUpToDate(db: Db): Promise<boolean> {
  try {
    if ((await queuedCount(db, INDEX_BATCH + 1)) > INDEX_BATCH) {
      indexInBackground(db, 0);
      return false;
    }
    await indexQueued(db);
    return !(await hasQueued(db));
  } catch (error) {
    console.warn('[Papers Radar] Search indexing failed; searching by scan', error);
    return false;
  }
}
