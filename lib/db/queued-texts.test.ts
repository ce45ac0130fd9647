import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaperRecord } from '../model/paper';
import { listPapers } from './list-papers';
import { openDb, type Db } from './open-db';
import { recordReport } from './papers-repo';
import { MAX_REMEMBERED, recallEntry, rememberOnCommit } from './queued-texts';
import { indexQueued } from './search-index';
import { freshDb, GAP, paperInfo, papers, T0 } from './test-papers';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Records of the papers store read while `work` runs (fake-indexeddb's own requests). */
async function papersRead(work: () => Promise<unknown>): Promise<number> {
  const get = vi.spyOn(IDBObjectStore.prototype, 'get');
  await work();
  const reads = get.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'papers');
  get.mockRestore();
  return reads.length;
}

async function search(db: Db, query: string): Promise<number[]> {
  const request = { view: 'all' as const, query, offset: 0, limit: 50 };
  const found = await listPapers(db, request, T0, { indexed: true, walkFirst: 0 });
  return found.papers.map((p) => Number(p.id.slice(5)));
}

const record = (n: number): PaperRecord => ({ ...paperInfo(n), firstSeenAt: T0, lastSeenAt: T0 });

describe('the texts of queued papers, remembered by the worker', () => {
  it('let a search check the papers of the last page views without reading their records', async () => {
    const db = await freshDb();
    const page = papers(1, 20);
    page[6] = paperInfo(7, { summary: 'The okapi, a forest giraffe.' });
    await recordReport(db, { papers: page }, T0, GAP);

    expect(await papersRead(() => search(db, 'zqx'))).toBe(0);
    let found: number[] = [];
    // Only the paper that matches is read: its row shows the record as it is now.
    expect(await papersRead(async () => (found = await search(db, 'okapi')))).toBe(1);
    expect(found).toEqual([7]);

    // Another connection (a worker started again) remembers nothing: it reads the records.
    const cold = await openDb(db.name);
    expect(await papersRead(async () => (found = await search(cold, 'okapi')))).toBe(20);
    expect(found).toEqual([7]);
    cold.close();
  });

  it('judge a paper queued twice by its latest text', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1, { summary: 'About cats.' })] }, T0, GAP);
    await recordReport(db, { papers: [paperInfo(1, { summary: 'About dogs.' })] }, T0 + 1, GAP);
    expect(await db.count('searchQueue')).toBe(2);
    expect(await search(db, 'dogs')).toEqual([1]);
    expect(await search(db, 'cats')).toEqual([]);
  });

  it('keep one text per paper: a paper queued again drops the older one', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: papers(1, 3) }, T0, GAP);
    await recordReport(db, { papers: [paperInfo(2, { summary: 'Now about okapis.' })] }, T0, GAP);
    const [first, second] = (await db.getAllKeys('searchQueue')) as number[];
    const older = recallEntry(
      db,
      first as number,
      papers(1, 3).map((p) => p.id),
    );
    expect([...(older?.values() ?? [])].map((text) => text !== null)).toEqual([true, false, true]);
    expect(recallEntry(db, second as number, [paperInfo(2).id])?.get(paperInfo(2).id)).toBeTruthy();
    expect(await search(db, 'okapis')).toEqual([2]);
    expect(await search(db, 'summary')).toEqual([3, 1]);
  });

  it('are forgotten once indexed', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: papers(1, 3) }, T0, GAP);
    const [key] = await db.getAllKeys('searchQueue');
    const ids = papers(1, 3).map((p) => p.id);
    expect(recallEntry(db, key as number, ids)?.size).toBe(3);
    await indexQueued(db);
    expect(recallEntry(db, key as number, ids)).toBeUndefined();
  });

  it('are not remembered when the write that queued them was aborted', async () => {
    const db = await freshDb();
    const tx = db.transaction('searchQueue', 'readwrite');
    const key = await tx.store.add([record(1).id]);
    rememberOnCommit(tx, key, [record(1)]);
    tx.abort();
    await tx.done.catch(() => undefined);
    expect(recallEntry(db, key, [record(1).id])).toBeUndefined();
  });

  it('are not used for an entry that holds other papers than the write remembered', async () => {
    const db = await freshDb();
    const tx = db.transaction('searchQueue', 'readwrite');
    rememberOnCommit(tx, 1, [record(1), record(2)]);
    await tx.done;
    expect(recallEntry(db, 1, [record(1).id, record(2).id])?.size).toBe(2);
    expect(recallEntry(db, 1, [record(1).id])).toBeUndefined();
    expect(recallEntry(db, 1, [record(1).id, record(3).id])).toBeUndefined();
  });

  it(`keep at most ${MAX_REMEMBERED} papers, dropping the oldest entries`, async () => {
    const db = await freshDb();
    const half = MAX_REMEMBERED / 2;
    const batch = (from: number) => Array.from({ length: half }, (_, i) => record(from + i));
    const tx = db.transaction('searchQueue', 'readwrite');
    rememberOnCommit(tx, 1, batch(1));
    rememberOnCommit(tx, 2, batch(half + 1));
    rememberOnCommit(tx, 3, batch(2 * half + 1));
    await tx.done;
    const ids = (from: number) => batch(from).map((r) => r.id);
    expect(recallEntry(db, 1, ids(1))).toBeUndefined();
    expect(recallEntry(db, 2, ids(half + 1))?.size).toBe(half);
    expect(recallEntry(db, 3, ids(2 * half + 1))?.size).toBe(half);
  });
});
