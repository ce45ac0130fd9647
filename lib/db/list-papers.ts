import type { PaperRecord } from '../model/paper';
import type { ListedPaper, PopupView, Request, Responses } from '../messages/protocol';
import { readQuery, type Query } from '../search/terms';
import { paperState } from '../visits/new-since-last-visit';
import type { Db } from './open-db';
import { newestFirst, WALK_BATCH } from './newest-first';
import { paperCount } from './paper-count';
import {
  isIndexedWord,
  LIST_STORES,
  queuedPapers,
  searchCandidates,
  type ListTx,
} from './search-index';
import { allRequests, inTransaction, together, type Tx } from './transaction';

type ReadTx = ListTx;
type CountTx = Tx<('papers' | 'meta')[], 'readonly'>;
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

export interface ListOptions {
  /**
   * Whether a query may use the search index (with the papers still queued for it, checked one
   * by one). Without it a query walks the view's records, which is slower but never misses a
   * paper.
   */
  indexed?: boolean;
  /**
   * Records a query may read newest first before it turns to the index, when its first batch
   * says they likely hold the page (tests set 0: the index at once).
   */
  walkFirst?: number;
  /** Records of the first look, which decides (tests vary it; a batch by default). */
  lookFirst?: number;
  /** Called when a query walked the records because thousands of papers wait for the index. */
  onBacklog?: () => void;
}

/** Records a query may read newest first before it turns to the search index (see findPage). */
const WALK_BEFORE_INDEX = 250;

/** Records read per round when checking search candidates: a page and the one after it. */
const CHECK_BATCH = 64;

/** `record` as the popup lists it, relative to the visit that started at `visitStart`. */
export function toListedPaper(record: PaperRecord, visitStart: number): ListedPaper {
  const { summary, aiSummary, ...listed } = record;
  return { ...listed, state: paperState(record, visitStart).state };
}

/**
 * One page of a view, newest first ('all' by firstSeenAt, so new papers come first). A paper
 * matches a query when every query word starts one of the words of its title, authors,
 * organization or summary (lib/search/terms.ts). 'all' and 'new' answer a query from the search
 * index; 'starred' and 'hidden' are small and walk their index. Paging stops at the first match
 * past the page, which is how `hasMore` is known.
 * `total` is the size of the view without the query (index counts; a query's total would need a
 * check of every candidate, which the per-keystroke budget does not allow).
 * `visitStart` is the latest visit's start; undefined when there was no visit: nothing is new.
 */
export function listPapers(
  db: Db,
  request: Request<'listPapers'>,
  visitStart: number | undefined,
  {
    indexed = false,
    walkFirst = WALK_BEFORE_INDEX,
    lookFirst = WALK_BATCH,
    onBacklog,
  }: ListOptions = {},
): Promise<Responses['listPapers']> {
  const start = visitStart ?? Infinity;
  const query = readQuery(request.query);
  const useIndex = indexed && query.words.some(isIndexedWord) && INDEXED_VIEWS.has(request.view);
  // Without the index (a plain list, a query of one-letter words), the transaction leaves its
  // stores out: the indexer writing them (after a page report, say) must not hold it up.
  const stores = useIndex ? LIST_STORES : (['papers', 'meta'] as typeof LIST_STORES);
  return inTransaction(db, stores, 'readonly', async (tx) => {
    // The view's size is asked for with the page's first requests, not after the walk: each
    // request waits a round trip to the browser's IndexedDB, and requests made together share one.
    const [total, found] = await together(
      () => countView(tx, request.view, start),
      () =>
        findPage(tx, request, start, query, useIndex ? { walkFirst, lookFirst, onBacklog } : null),
    );
    return { papers: found.papers, total, hasMore: found.hasMore };
  });
}

/**
 * The page of matches. Without the index, a walk of the view. With it, a look at the newest
 * records first: a common word fills the page within a few hundred, which is cheaper than
 * gathering its thousands of index entries. The first batch tells whether the word is common
 * enough; if not, the index answers, from the top again (`read` keeps the records walked).
 */
async function findPage(
  tx: ReadTx,
  request: Request<'listPapers'>,
  start: number,
  query: Query,
  index:
    | (Required<Pick<ListOptions, 'walkFirst' | 'lookFirst'>> & Pick<ListOptions, 'onBacklog'>)
    | null,
): Promise<PageCollector> {
  const page = new PageCollector(request, start);
  const read = new Map<string, PaperRecord>();
  const walk = new ViewWalk(tx, query, page, read);
  if (!index) {
    await walk.advance();
    return page;
  }
  const first = Math.min(index.lookFirst, index.walkFirst);
  if (await walk.advance(first)) return page;
  const wanted = request.offset + request.limit + 1;
  const likely = first > 0 && (page.matched * index.walkFirst) / first >= wanted;
  if (likely && (await walk.advance(index.walkFirst - first))) return page;
  const candidates = await indexCandidates(tx, query, read, index.onBacklog);
  if (!candidates) {
    await walk.advance(); // A backlog: the walk goes on to the end.
    return page;
  }
  const fresh = new PageCollector(request, start);
  await checkCandidates(tx, candidates, query, fresh, read);
  return fresh;
}

const INDEXED_VIEWS = new Set<PopupView>(['all', 'new']);

/** Takes matching records in order: skips `offset` of them, keeps `limit`, notes one more. */
class PageCollector {
  readonly papers: ListedPaper[] = [];
  hasMore = false;
  private skipped = 0;
  readonly source: ViewSource;

  constructor(
    private readonly request: Request<'listPapers'>,
    readonly visitStart: number,
  ) {
    this.source = VIEWS[request.view];
  }

  /** Matches offered so far (skipped, kept, and the one past the page). */
  matched = 0;

  /** Offers the next match; false once the page is full (and `hasMore` is known). */
  take(record: PaperRecord): boolean {
    this.matched++;
    if (this.papers.length === this.request.limit) {
      this.hasMore = true;
      return false;
    }
    if (this.skipped < this.request.offset) this.skipped++;
    else this.papers.push(toListedPaper(record, this.visitStart));
    return true;
  }
}

/**
 * A walk of the view's index newest first, checking each record against the query and offering
 * the matches to `page`; it can stop and go on. `read` keeps the records read, for the
 * candidates' check after it.
 */
class ViewWalk {
  private readonly records: AsyncGenerator<PaperRecord>;

  constructor(
    tx: ReadTx,
    private readonly query: Query,
    private readonly page: PageCollector,
    private readonly read: Map<string, PaperRecord>,
  ) {
    const { source, visitStart } = page;
    this.records = newestFirst(
      tx.objectStore('papers').index(source.index),
      source.range(visitStart),
    );
  }

  /** Walks at most `budget` more records; true once the page is complete (full, or the view ended). */
  async advance(budget = Infinity): Promise<boolean> {
    const { source } = this.page;
    // Pulled one by one: a record more than the budget would make the walk read its next batch.
    for (let count = 0; count < budget; count++) {
      const next = await this.records.next();
      if (next.done) return true;
      const record = next.value;
      this.read.set(record.id, record);
      if (source.keep(record) && this.query.matches(record) && !this.page.take(record)) return true;
    }
    return false;
  }
}

type Candidate = { id: string; firstSeenAt: number };

/**
 * The papers that may match: the index's candidates and the papers still queued for it (papers
 * of the last page views, indexed a little later off the reply's path), newest first; null when
 * the query must walk the records instead (no word long enough for the index, or a backlog).
 * A search never waits for the indexer to write (a few hundred queued papers take it 0.6–1 s).
 * A queued paper whose text the worker remembers is checked against it; the others' records are
 * read, and added to `read`.
 */
async function indexCandidates(
  tx: ReadTx,
  query: Query,
  read: Map<string, PaperRecord>,
  onBacklog: (() => void) | undefined,
): Promise<Candidate[] | null> {
  const [indexed, queued] = await together(
    () => searchCandidates(tx, query.words),
    async () => {
      const papers = await queuedPapers(tx);
      if (!papers) return null;
      const unknown = papers.filter((paper) => !paper.text).map(({ id }) => id);
      return { papers, records: await readRecords(tx, unknown, read) };
    },
  );
  if (!queued) onBacklog?.();
  if (!indexed || !queued) return null;
  for (const record of queued.records) read.set(record.id, record);
  // A queued paper may be indexed too (its text changed since): the queue has its text.
  const inQueue = new Set(queued.papers.map(({ id }) => id));
  const candidates = indexed.filter(({ id }) => !inQueue.has(id));
  for (const { id, text } of queued.papers) {
    if (text?.matches(query)) candidates.push({ id, firstSeenAt: text.firstSeenAt });
  }
  for (const { id, firstSeenAt } of queued.records) candidates.push({ id, firstSeenAt });
  // The order of a walk of the firstSeenAt index backwards: ties by id, descending.
  candidates.sort((a, b) => b.firstSeenAt - a.firstSeenAt || (a.id < b.id ? 1 : -1));
  return candidates;
}

/** The stored records of `ids`, in one round trip; those already `read` are not asked for again. */
async function readRecords(
  tx: ReadTx,
  ids: readonly string[],
  read: ReadonlyMap<string, PaperRecord>,
): Promise<PaperRecord[]> {
  const store = tx.objectStore('papers');
  const records = await allRequests(ids, (id) => {
    const known = read.get(id);
    return known ? Promise.resolve(known) : store.get(id);
  });
  return records.flatMap((record) => (record ? [record] : []));
}

/** Reads the candidates' records in order, a batch at a time, until the page is full. */
async function checkCandidates(
  tx: ReadTx,
  candidates: Candidate[],
  query: Query,
  page: PageCollector,
  read: ReadonlyMap<string, PaperRecord>,
): Promise<void> {
  const { source, visitStart } = page;
  const range = source.range(visitStart);
  const eligible = candidates.filter((c) => !range || range.includes(c.firstSeenAt));
  for (let i = 0; i < eligible.length; i += CHECK_BATCH) {
    const batch = eligible.slice(i, i + CHECK_BATCH).map(({ id }) => id);
    for (const record of await readRecords(tx, batch, read)) {
      if (!source.keep(record) || !query.matches(record)) continue;
      if (range && !range.includes(record.firstSeenAt)) continue;
      if (!page.take(record)) return;
    }
  }
}

/** The size of every view (what the popup's tabs show). */
export function countPapers(db: Db, visitStart: number | undefined): Promise<PaperCounts> {
  const start = visitStart ?? Infinity;
  return inTransaction(db, ['papers', 'meta'], 'readonly', async (tx) => {
    const [all, fresh, starred, hidden] = await Promise.all(
      (['all', 'new', 'starred', 'hidden'] as const).map((view) => countView(tx, view, start)),
    );
    return { all, new: fresh, starred, hidden } as PaperCounts;
  });
}

/**
 * Counts use index keys, never the records of the whole view: only hidden papers (for 'new') and
 * starred papers are read, each set in one request (a cursor costs a round trip per record).
 * A view's requests are made together, so they wait one round trip, not one each.
 */
async function countView(
  tx: ReadTx | CountTx,
  view: PopupView,
  visitStart: number,
): Promise<number> {
  // Both transaction types hold these stores; TypeScript cannot call a union of generic methods.
  const counting = tx as CountTx;
  const store = counting.objectStore('papers');
  const hidden = store.index('hiddenAt');
  if (view === 'hidden') return hidden.count();
  if (view === 'all') {
    const [all, hiddenCount] = await Promise.all([paperCount(counting), hidden.count()]);
    return all - hiddenCount;
  }
  if (view === 'new') {
    if (visitStart === Infinity) return 0;
    const [count, hiddenRecords] = await Promise.all([
      store.index('firstSeenAt').count(IDBKeyRange.lowerBound(visitStart)),
      hidden.getAll(),
    ]);
    return count - hiddenRecords.filter((r) => r.firstSeenAt >= visitStart).length;
  }
  return (await store.index('starredAt').getAll()).filter(notHidden).length;
}
