import { describe, expect, it } from 'vitest';
import type { PopupView } from '../messages/protocol';
import { countPapers, listPapers, queryMatcher } from './list-papers';
import type { Db } from './open-db';
import { recordReport, setHidden, setStarred } from './papers-repo';
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
const list = (db: Db, view: PopupView, query = '', offset = 0, limit = 50) =>
  listPapers(db, { view, query, offset, limit }, NEXT);

describe('listPapers', () => {
  it('lists the new papers of the latest visit, newest first, without hidden ones', async () => {
    const db = await library();
    const result = await list(db, 'new');
    expect(ids(result)).toEqual([16, 15, 14, 12, 11]);
    expect(result.papers.every((p) => p.state === 'new')).toBe(true);
    expect(result).toMatchObject({ total: 5, hasMore: false });
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

describe('queryMatcher', () => {
  it('matches organization and ignores extra whitespace', () => {
    const record = { ...paperInfo(1), organization: 'DeepMind', firstSeenAt: T0, lastSeenAt: T0 };
    expect(queryMatcher('  deepmind  ')(record)).toBe(true);
    expect(queryMatcher('')(record)).toBe(true);
    expect(queryMatcher('openai')(record)).toBe(false);
  });
});
