import { describe, expect, it, vi } from 'vitest';
import type { PopupView } from '../messages/protocol';
import { countPapers, listPapers } from './list-papers';
import type { Db } from './open-db';
import { recordReport, setHidden, setStarred } from './papers-repo';
import { indexQueued } from './search-index';
import { freshDb, GAP, paperId, paperInfo, papers, T0 } from './test-papers';

const NEXT = T0 + 2 * GAP;

/** Papers 1–10 seen in a first visit, 11–15 new in the second; some starred and hidden. */
async function library(): Promise<Db> {
  const db = await freshDb();
  for (let n = 1; n <= 10; n++) await recordReport(db, { papers: [paperInfo(n)] }, T0 + n, GAP);
  await recordReport(db, { papers: papers(11, 15) }, NEXT, GAP);
  await recordReport(
    db,
    { papers: [paperInfo(16, { title: 'Diffusion for Video' })] },
    NEXT + 1,
    GAP,
  );
  await setStarred(db, paperId(2), true, NEXT + 10);
  await setStarred(db, paperId(12), true, NEXT + 11);
  await setStarred(db, paperId(3), true, NEXT + 12);
  await setHidden(db, paperId(3), true, NEXT + 13);
  await setHidden(db, paperId(13), true, NEXT + 14);
  return db;
}

const ids = (result: { papers: { id: string }[] }) =>
  result.papers.map((p) => Number(p.id.slice(5)));
/**
 * Lists through the search index (brought up to date first) and checks that a walk of the records
 * gives the same page: the two ways of answering a query must never disagree.
 */
async function list(db: Db, view: PopupView, query = '', offset = 0, limit = 50) {
  await indexQueued(db);
  const request = { view, query, offset, limit };
  const indexed = await listPapers(db, request, NEXT, { indexed: true, walkFirst: 0 });
  expect(await listPapers(db, request, NEXT, { indexed: false })).toEqual(indexed);
  return indexed;
}

describe('listPapers', () => {
  it('lists the new papers of the latest visit, newest first, without hidden ones', async () => {
    const db = await library();
    const result = await list(db, 'new');
    expect(ids(result)).toEqual([16, 15, 14, 12, 11]);
    expect(result.papers.every((p) => p.state === 'new')).toBe(true);
    expect(result).toMatchObject({ total: 5, hasMore: false });
  });

  it('lists each paper with what its row shows, without its abstract or AI summary', async () => {
    const db = await freshDb();
    const paper = paperInfo(1, { summary: 'A long abstract.', aiSummary: 'An AI summary.' });
    await recordReport(db, { papers: [paper] }, T0, GAP);
    const [listed] = (await list(db, 'all')).papers;
    const { summary, aiSummary, ...shown } = paper;
    expect([summary, aiSummary]).toEqual(['A long abstract.', 'An AI summary.']);
    expect(listed).toEqual({ ...shown, firstSeenAt: T0, lastSeenAt: T0, state: 'seen' });
    // Search still looks in the abstract.
    expect(ids(await list(db, 'all', 'abstract'))).toEqual([1]);
  });

  it('lists starred papers by starredAt, without hidden ones', async () => {
    const result = await list(await library(), 'starred');
    expect(ids(result)).toEqual([12, 2]);
    expect(result.total).toBe(2);
  });

  it('lists all papers by firstSeenAt, new first, with their state', async () => {
    const result = await list(await library(), 'all');
    expect(ids(result)).toEqual([16, 15, 14, 12, 11, 10, 9, 8, 7, 6, 5, 4, 2, 1]);
    expect(result.papers.map((p) => p.state).indexOf('seen')).toBe(5);
    expect(result.total).toBe(14);
  });

  it('lists hidden papers by hiddenAt', async () => {
    const result = await list(await library(), 'hidden');
    expect(ids(result)).toEqual([13, 3]);
    expect(result.papers[0]).toMatchObject({ hiddenAt: NEXT + 14, state: 'new' });
  });

  it('pages with offset and limit and says whether more follow', async () => {
    const db = await library();
    expect(ids(await list(db, 'all', '', 0, 5))).toEqual([16, 15, 14, 12, 11]);
    const second = await list(db, 'all', '', 5, 5);
    expect(ids(second)).toEqual([10, 9, 8, 7, 6]);
    expect(second.hasMore).toBe(true);
    const last = await list(db, 'all', '', 10, 4);
    expect(ids(last)).toEqual([5, 4, 2, 1]);
    expect(last.hasMore).toBe(false);
    expect(ids(await list(db, 'all', '', 20, 5))).toEqual([]);
  });

  it('filters by every word of the query in title, authors, organization or summary', async () => {
    const db = await library();
    expect(ids(await list(db, 'all', 'VIDEO diffusion'))).toEqual([16]);
    // Words are matched from their start: "diff" finds "Diffusion", "fusion" does not.
    expect(ids(await list(db, 'all', 'diff vid'))).toEqual([16]);
    expect(ids(await list(db, 'all', 'fusion'))).toEqual([]);
    expect(ids(await list(db, 'new', 'summary'))).toEqual([16, 15, 14, 12, 11]);
    expect(ids(await list(db, 'starred', 'paper'))).toEqual([12, 2]);
    expect(ids(await list(db, 'hidden', 'number 1'))).toEqual([13]);
    expect(ids(await list(db, 'all', 'author 1'))).toEqual([16, 15, 14, 12, 11, 10, 1]);
    expect(ids(await list(db, 'all', 'summary paper 7.'))).toEqual([7]);
    expect(ids(await list(db, 'all', 'video nothing'))).toEqual([]);
    const filtered = await list(db, 'all', 'paper', 2, 3);
    expect(ids(filtered)).toEqual([14, 12, 11]);
    expect(filtered).toMatchObject({ hasMore: true, total: 14 });
  });

  it('has nothing new before the first visit', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1)] }, T0, GAP);
    const result = await listPapers(db, { view: 'new', query: '', offset: 0, limit: 5 }, undefined);
    expect(result).toEqual({ papers: [], total: 0, hasMore: false });
  });
});

describe('countPapers', () => {
  it('counts each view as listPapers shows it', async () => {
    expect(await countPapers(await library(), NEXT)).toEqual({
      all: 14,
      new: 5,
      starred: 2,
      hidden: 2,
    });
  });
});

describe('search by organization', () => {
  it('matches the organization, whatever the case and the spaces around the words', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1, { organization: 'DeepMind' })] }, T0, GAP);
    await recordReport(db, { papers: [paperInfo(2)] }, T0, GAP);
    expect(ids(await list(db, 'all', '  deepmind  '))).toEqual([1]);
    expect(ids(await list(db, 'all', ''))).toEqual([2, 1]);
    expect(ids(await list(db, 'all', 'openai'))).toEqual([]);
  });
});

describe('a search: the newest records first, or the index', () => {
  /** 300 papers, newest last; `okapi` in the summary of those `hasOkapi` picks. */
  async function okapis(hasOkapi: (n: number) => boolean): Promise<Db> {
    const db = await freshDb();
    const all = Array.from({ length: 300 }, (_, i) =>
      paperInfo(i + 1, hasOkapi(i + 1) ? { summary: 'An okapi.' } : {}),
    );
    await recordReport(db, { papers: all }, T0, GAP);
    await indexQueued(db);
    return db;
  }

  /** The page of `query`, with the batches of newest records it read and the index reads. */
  async function searched(db: Db, query: string, limit = 50) {
    // IndexedDB 3.0's getAllRecords is not yet in TypeScript's DOM types.
    const raw = IDBIndex.prototype as unknown as { getAllRecords: () => unknown };
    const batches = vi.spyOn(raw, 'getAllRecords');
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const request = { view: 'all' as const, query, offset: 0, limit };
    const found = await listPapers(db, request, NEXT, { indexed: true });
    const indexReads = getAll.mock.contexts.filter(
      (store) => (store as IDBObjectStore).name === 'searchTerms',
    ).length;
    const walked = batches.mock.calls.length;
    vi.restoreAllMocks();
    expect(await listPapers(db, request, NEXT, { indexed: false })).toEqual(found);
    return { ids: ids(found), walked, indexReads };
  }

  it('turns to the index after one batch when the newest papers hardly match', async () => {
    const db = await okapis((n) => n % 100 === 1);
    expect(await searched(db, 'okapi')).toEqual({ ids: [201, 101, 1], walked: 1, indexReads: 1 });
    expect(await searched(db, 'zqx')).toEqual({ ids: [], walked: 1, indexReads: 1 });
  });

  it('walks on, without the index, when the first batch promises a page', async () => {
    const db = await okapis((n) => n % 3 === 0);
    const found = await searched(db, 'okapi', 50);
    // The newest 51 matches (a page and one more) lie within the newest 153 papers: 3 batches.
    expect(found).toMatchObject({ walked: 3, indexReads: 0 });
    expect(found.ids).toEqual(Array.from({ length: 50 }, (_, i) => 300 - 3 * i));
  });

  it('turns to the index when the walk it went on with falls short of a page', async () => {
    // The newest 64 papers hold 14 matches: enough to walk on; the newest 250 hold 17, not 51.
    const db = await okapis((n) => n > 287 || n % 50 === 0);
    const found = await searched(db, 'okapi', 50);
    expect(found).toMatchObject({ walked: 4, indexReads: 1 });
    expect(found.ids.slice(-5)).toEqual([250, 200, 150, 100, 50]);
  });
});
