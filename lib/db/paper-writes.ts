import type { PaperRecord } from '../model/paper';
import { addToPaperCount } from './paper-count';
import { needsIndexing, queueForSearch } from './search-index';
import type { LibraryTx } from './visits-repo';

/**
 * What every writer of page data owes after putting papers, in its own transaction: papers new or
 * with changed text are queued for the search index (a page seen again queues nothing), and new
 * papers are counted. `before[i]` is the stored record `after[i]` replaced, if any.
 */
export async function noteWrittenPapers(
  tx: LibraryTx,
  before: readonly (PaperRecord | undefined)[],
  after: readonly PaperRecord[],
): Promise<void> {
  await queueForSearch(
    tx,
    after.filter((record, i) => needsIndexing(before[i], record)).map((record) => record.id),
  );
  await addToPaperCount(tx, before.filter((record) => !record).length);
}
