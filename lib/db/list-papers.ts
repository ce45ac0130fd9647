import type { PaperRecord } from '../model/paper';
import type { ListedPaper, PopupView, Request, Responses } from '../messages/protocol';
import { paperState } from '../visits/new-since-last-visit';
import type { Db } from './open-db';
import { inTransaction, type Tx } from './transaction';

type ReadTx = Tx<'papers'[], 'readonly'>;
type IndexName = 'firstSeenAt' | 'starredAt' | 'hiddenAt';

interface ViewSource {
  index: IndexName;
  range(visitStart: number): IDBKeyRange | null;
  /** 'new', 'starred' and 'all' leave hidden papers out; 'hidden' lists only them (its index). */
  keep(record: PaperRecord): boolean;
}

const notHidden = (r: PaperRecord) => r.hiddenAt === undefined;

/** Each view walks one index newest first, so a page never loads the whole store. */
const VIEWS: Record<PopupView, ViewSource> = {
  new: { index: 'firstSeenAt', range: (start) => IDBKeyRange.lowerBound(start), keep: notHidden },
  starred: { index: 'starredAt', range: () => null, keep: notHidden },
  all: { index: 'firstSeenAt', range: () => null, keep: notHidden },
  hidden: { index: 'hiddenAt', range: () => null, keep: () => true },
};

export type PaperCounts = Responses['getStatus']['counts'];

/**
 * One page of a view, newest first ('all' by firstSeenAt, so new papers come first). Every word of
 * `query` must occur (case-insensitively) in the title, authors, organization or summary. The
 * cursor stops at the first match past the page, which is how `hasMore` is known.
 * `total` is the size of the view without the query (index counts; a query's total would need a
 * scan of the whole store, which the per-keystroke budget does not allow).
 * `visitStart` is the latest visit's start; undefined when there was no visit: nothing is new.
 */
export function listPapers(
  db: Db,
  request: Request<'listPapers'>,
  visitStart: number | undefined,
): Promise<Responses['listPapers']> {
  const start = visitStart ?? Infinity;
  const source = VIEWS[request.view];
  const matches = queryMatcher(request.query);
  return inTransaction(db, ['papers'], 'readonly', async (tx) => {
    const index = tx.objectStore('papers').index(source.index);
    const papers: ListedPaper[] = [];
    let skipped = 0;
    let hasMore = false;
    let cursor = await index.openCursor(source.range(start), 'prev');
    while (cursor) {
      const record = cursor.value;
      if (source.keep(record) && matches(record)) {
        if (papers.length === request.limit) {
          hasMore = true;
          break;
        }
        if (skipped < request.offset) skipped++;
        else papers.push({ ...record, state: paperState(record, start).state });
      }
      cursor = await cursor.continue();
    }
    const total = await countView(tx, request.view, start);
    return { papers, total, hasMore };
  });
}

/** The size of every view (what the popup's tabs show). */
export function countPapers(db: Db, visitStart: number | undefined): Promise<PaperCounts> {
  const start = visitStart ?? Infinity;
  return inTransaction(db, ['papers'], 'readonly', async (tx) => ({
    all: await countView(tx, 'all', start),
    new: await countView(tx, 'new', start),
    starred: await countView(tx, 'starred', start),
    hidden: await countView(tx, 'hidden', start),
  }));
}

async function countView(tx: ReadTx, view: PopupView, visitStart: number): Promise<number> {
  const store = tx.objectStore('papers');
  if (view === 'hidden') return store.index('hiddenAt').count();
  if (view === 'all') return (await store.count()) - (await store.index('hiddenAt').count());
  // New papers of one visit and starred papers are few: walk them to leave the hidden ones out.
  const source = VIEWS[view];
  let count = 0;
  let cursor = await store.index(source.index).openCursor(source.range(visitStart));
  while (cursor) {
    if (source.keep(cursor.value)) count++;
    cursor = await cursor.continue();
  }
  return count;
}

/** A predicate true when every word of `query` occurs in the paper's searchable text. */
export function queryMatcher(query: string): (record: PaperRecord) => boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  return (record) => {
    const text = [record.title, record.authors.join(' '), record.organization, record.summary]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  };
}
