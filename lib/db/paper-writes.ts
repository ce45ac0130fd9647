import type { PaperRecord } from '../model/paper';
import { addToPaperCount } from './paper-count';
import { needsIndexing, queueForSearch } from './search-index';
import { together } from './transaction';
import type { LibraryTx } from './visits-repo';

/**
 * What every writer of page data owes after putting papers, in its own transaction: papers new or
 * with changed text are queued for the search index (a page seen again queues nothing), and new
 * papers are counted. `before[i]` is the stored record `after[i]` replaced, if any. `counter` is
 * the paper counter as read in this transaction; a writer asks for it with its own reads.
 * The writes are started together: requests of one transaction run in order, so none waits for
 * the one before to come back.
 */
export async function noteWrittenPapers(
  tx: LibraryTx,
  before: readonly (PaperRecord | undefined)[],
  after: readonly PaperRecord[],
  counter: number | undefined,
): Promise<void> {
  const toIndex = after.filter((record, i) => needsIndexing(before[i], record));
  const added = before.filter((record) => !record).length;
  await together(
    () => queueForSearch(tx, toIndex),
    () => addToPaperCount(tx, counter, added),
  );
}
