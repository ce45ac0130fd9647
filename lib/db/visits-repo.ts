import type { Visit } from '../model/paper';
import type { Db } from './open-db';
import { together, type Tx } from './transaction';

/** The visits store stays bounded: older visits are pruned when a new one starts. */
export const MAX_VISITS = 1000;

/**
 * Visits change together with papers, papers whose text changes are queued for the search index,
 * and new papers are counted: every writer of page data opens these four stores.
 */
export const LIBRARY_STORES: ('papers' | 'visits' | 'searchQueue' | 'meta')[] = [
  'papers',
  'visits',
  'searchQueue',
  'meta',
];
export type LibraryTx = Tx<typeof LIBRARY_STORES, 'readwrite'>;

/** The latest visit (the current one, or the last one when none is going on). */
export async function latestVisit(db: Db): Promise<Visit | undefined> {
  const cursor = await db.transaction('visits').store.openCursor(null, 'prev');
  return cursor?.value;
}

/** The latest visit, read inside a writer's transaction. */
export async function latestVisitIn(tx: LibraryTx): Promise<Visit | undefined> {
  return (await tx.objectStore('visits').openCursor(null, 'prev'))?.value;
}

/** Stores `visit`, which follows `latest`; a visit that starts anew prunes the oldest ones. */
export async function writeVisit(
  tx: LibraryTx,
  latest: Visit | undefined,
  visit: Visit,
): Promise<void> {
  const starts = visit.start === latest?.start ? [] : [() => pruneVisits(tx)];
  await together(() => tx.objectStore('visits').put(visit), ...starts);
}

/** Deletes the oldest visits beyond `MAX_VISITS`, inside `tx`. */
export async function pruneVisits(tx: LibraryTx, max = MAX_VISITS): Promise<void> {
  const store = tx.objectStore('visits');
  let excess = (await store.count()) - max;
  let cursor = excess > 0 ? await store.openCursor() : null;
  while (cursor && excess > 0) {
    await cursor.delete();
    excess--;
    cursor = await cursor.continue();
  }
}
