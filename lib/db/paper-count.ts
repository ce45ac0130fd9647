/**
 * The number of stored papers, kept in the `meta` store by the only writers that add papers
 * (recordReport, importLibrary). Chromium's IndexedDB `count()` reads every entry: half a second
 * at 100,000 papers, on every popup open. Papers are never deleted, so the counter only grows.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { PapersRadarDB } from './open-db';
import type { LibraryTx } from './visits-repo';

const KEY = 'paperCount';

type ReadTx = IDBPTransaction<PapersRadarDB, ('papers' | 'meta')[], 'readonly'>;

/** The counter as stored, read in a writer's transaction (`undefined`: none, see below). */
export function readPaperCounter(tx: LibraryTx): Promise<number | undefined> {
  return tx.objectStore('meta').get(KEY);
}

/**
 * Adds `added` new papers to the counter `stored` that `readPaperCounter` read in the same
 * transaction (asked with the writer's other reads, so the counter costs no round trip of its own).
 */
export async function addToPaperCount(
  tx: LibraryTx,
  stored: number | undefined,
  added: number,
): Promise<void> {
  // Without a counter (never, past the upgrade) the next read counts the store instead.
  if (added > 0 && stored !== undefined) await tx.objectStore('meta').put(stored + added, KEY);
}

/** The number of stored papers: the counter, or a count of the store if it is missing. */
export async function paperCount(tx: ReadTx): Promise<number> {
  return (await tx.objectStore('meta').get(KEY)) ?? (await tx.objectStore('papers').count());
}

/** The version-2 upgrade step: the counter, from a count of the papers stored so far. */
export function createPaperCount(
  db: IDBPDatabase<PapersRadarDB>,
  tx: IDBPTransaction<PapersRadarDB, StoreNames<PapersRadarDB>[], 'versionchange'>,
): void {
  db.createObjectStore('meta');
  void tx
    .objectStore('papers')
    .count()
    .then((count) => tx.objectStore('meta').put(count, KEY))
    .catch(() => undefined);
}
