import { describe, expect, it, vi } from 'vitest';
import type { PaperRecord } from '../model/paper';
import { recordReport, setHidden, setStarred, getPapers } from './papers-repo';
import { freshDb, GAP, MINUTE, paperInfo, paperId, papers, T0 } from './test-papers';
import { latestVisit, MAX_VISITS } from './visits-repo';

describe('recordReport', () => {
  it('stores new papers with the report time and answers states in report order', async () => {
    const db = await freshDb();
    const result = await recordReport(db, { papers: [paperInfo(2), paperInfo(1)] }, T0, GAP);
    expect(result.visitStart).toBe(T0);
    expect(result.states.map((s) => [s.id, s.state])).toEqual([
      [paperId(2), 'new'],
      [paperId(1), 'new'],
    ]);
    const [stored] = await getPapers(db, [paperId(1)]);
    expect(stored).toMatchObject({ firstSeenAt: T0, lastSeenAt: T0, title: 'Paper number 1' });
  });

  it('finds stored papers however far apart the ids of a page lie', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: papers(1, 300) }, T0, GAP);
    // A search page: ids spread over the library, with hundreds of stored ids between them.
    const later = T0 + 2 * GAP;
    const page = [paperInfo(300), paperInfo(1), paperInfo(301), paperInfo(150), paperInfo(299)];
    const result = await recordReport(db, { papers: page }, later, GAP);
    expect(result.states.map((s) => [s.id, s.state, s.firstSeenAt])).toEqual([
      [paperId(300), 'seen', T0],
      [paperId(1), 'seen', T0],
      [paperId(301), 'new', later],
      [paperId(150), 'seen', T0],
      [paperId(299), 'seen', T0],
    ]);
    expect(await db.get('meta', 'paperCount')).toBe(301);
  });

  it('asks for every read before any answer, stored papers included: two round trips', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: papers(1, 50) }, T0, GAP);
    const asked = watchPaperRequests();
    // The same page in a later visit: 50 stored papers, each read and rewritten.
    await recordReport(db, { papers: papers(1, 50) }, T0 + 2 * GAP, GAP);
    const reads = asked.filter((request) => request.method !== 'put');
    expect(reads.map((request) => request.method)).toEqual(Array(50).fill('get'));
    expect(reads.every((request) => request.answeredBefore === 0)).toBe(true);
    expect(asked.filter((request) => request.method === 'put')).toHaveLength(50);
  });

  it('keeps firstSeenAt and every flag while refreshing page fields', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1)], openedId: paperId(1) }, T0, GAP);
    await setStarred(db, paperId(1), true, T0 + 1);
    await setHidden(db, paperId(1), true, T0 + 2);
    const later = T0 + 2 * GAP;
    const update = paperInfo(1, { title: 'Renamed', upvotes: 99, summary: undefined, authors: [] });
    const result = await recordReport(db, { papers: [update] }, later, GAP);
    const [stored] = await getPapers(db, [paperId(1)]);
    expect(stored).toEqual({
      ...paperInfo(1),
      title: 'Renamed',
      upvotes: 99,
      firstSeenAt: T0,
      lastSeenAt: later,
      openedAt: T0,
      starredAt: T0 + 1,
      hiddenAt: T0 + 2,
    });
    expect(result.states[0]).toMatchObject({ state: 'seen', starred: true, hidden: true });
  });

  it('sets openedAt only for the opened paper', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: papers(1, 2), openedId: paperId(2) }, T0, GAP);
    const [one, two] = await getPapers(db, [paperId(1), paperId(2)]);
    expect(one?.openedAt).toBeUndefined();
    expect(two?.openedAt).toBe(T0);
  });

  it('writes a paper seen again in the visit only when the page shows it changed', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: papers(1, 3) }, T0, GAP);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const changed = [paperInfo(1), paperInfo(2, { upvotes: 50 }), paperInfo(3)];
    await recordReport(db, { papers: changed, openedId: paperId(3) }, T0 + 60_000, GAP);
    const stores = put.mock.contexts as IDBObjectStore[];
    const written = put.mock.calls.filter((_, i) => stores[i]?.name === 'papers');
    put.mockRestore();
    expect(written.map(([record]) => (record as PaperRecord).id)).toEqual([paperId(2), paperId(3)]);
    const [one, two, three] = await getPapers(db, [paperId(1), paperId(2), paperId(3)]);
    // Paper 1 was already seen in this visit, as it is: its lastSeenAt is the visit's first view.
    expect(one?.lastSeenAt).toBe(T0);
    expect(two).toMatchObject({ upvotes: 50, lastSeenAt: T0 + 60_000 });
    expect(three).toMatchObject({ openedAt: T0 + 60_000, lastSeenAt: T0 + 60_000 });

    // The next visit's first view moves lastSeenAt, changed or not.
    await recordReport(db, { papers: papers(1, 1) }, T0 + 2 * GAP, GAP);
    expect((await getPapers(db, [paperId(1)]))[0]?.lastSeenAt).toBe(T0 + 2 * GAP);
  });

  it('keeps papers new on a reload within the visit, seen on the next visit', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: papers(1, 2) }, T0, GAP);
    const reload = await recordReport(db, { papers: papers(1, 2) }, T0 + GAP, GAP);
    expect(reload.states.map((s) => s.state)).toEqual(['new', 'new']);
    const next = await recordReport(db, { papers: papers(2, 3) }, T0 + 2 * GAP + 1, GAP);
    expect(next.states.map((s) => s.state)).toEqual(['seen', 'new']);
    expect(await latestVisit(db)).toEqual({
      start: T0 + 2 * GAP + 1,
      end: T0 + 2 * GAP + 1,
      views: 1,
    });
  });

  it('stamps papers first seen while the clock runs backwards inside the visit', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1)] }, T0 + 10 * MINUTE, GAP);
    const back = await recordReport(db, { papers: [paperInfo(2)] }, T0 - 5 * GAP, GAP);
    expect(back.visitStart).toBe(T0 + 10 * MINUTE);
    expect(back.states[0]).toMatchObject({ state: 'new', firstSeenAt: T0 + 10 * MINUTE });
  });

  it('writes nothing when one paper in the middle cannot be stored', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1)] }, T0, GAP);
    // A function cannot be cloned into IndexedDB: the put of the second paper throws.
    const poisoned = { ...paperInfo(2), title: (() => 'x') as unknown as string };
    const report = { papers: [paperInfo(1, { title: 'Changed' }), poisoned, paperInfo(3)] };
    await expect(recordReport(db, report, T0 + 3 * GAP, GAP)).rejects.toThrow(/Storage error/);
    const stored = await getPapers(db, [paperId(1), paperId(2), paperId(3)]);
    expect(stored.map((p) => p?.title)).toEqual(['Paper number 1', undefined, undefined]);
    expect(await latestVisit(db)).toEqual({ start: T0, end: T0, views: 1 });
  });

  it('loses no update under 10 concurrent reports of overlapping pages', async () => {
    const db = await freshDb();
    // Report i shows papers 5i+1 … 5i+20 at T0 + i s, with i upvotes each (every report changes
    // every paper it shows); a star and a hide land in between.
    const reports = Array.from({ length: 10 }, (_, i) => {
      const page = papers(i * 5 + 1, i * 5 + 20).map((p) => ({ ...p, upvotes: i }));
      return recordReport(db, { papers: page }, T0 + i * 1000, GAP);
    });
    const flags = (async () => {
      await reports[0];
      await Promise.all([
        setStarred(db, paperId(3), true, T0 + 5),
        setHidden(db, paperId(4), true, T0 + 5),
      ]);
    })();
    await Promise.all([...reports, flags]);
    const ids = Array.from({ length: 65 }, (_, i) => paperId(i + 1));
    const stored = await getPapers(db, ids);
    stored.forEach((record, i) => {
      const n = i + 1;
      expect(record?.firstSeenAt).toBe(T0 + Math.max(0, Math.ceil((n - 20) / 5)) * 1000);
      const last = Math.min(9, Math.floor((n - 1) / 5));
      expect(record?.lastSeenAt).toBe(T0 + last * 1000);
      expect(record?.upvotes).toBe(last);
    });
    expect(stored[2]?.starredAt).toBe(T0 + 5);
    expect(stored[3]?.hiddenAt).toBe(T0 + 5);
    expect(await latestVisit(db)).toEqual({ start: T0, end: T0 + 9000, views: 10 });
  });

  it('keeps at most MAX_VISITS visits, pruning the oldest', async () => {
    const db = await freshDb();
    for (let i = 0; i < MAX_VISITS + 5; i++) {
      await recordReport(db, { papers: [] }, T0 + i * (GAP + 1), GAP);
    }
    const starts = await db.getAllKeys('visits');
    expect(starts).toHaveLength(MAX_VISITS);
    expect(starts[0]).toBe(T0 + 5 * (GAP + 1));
  });
});

describe('setStarred / setHidden', () => {
  it('sets and clears flags as timestamps, keeping the first timestamp', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1)] }, T0, GAP);
    await setStarred(db, paperId(1), true, T0 + 1);
    expect((await setStarred(db, paperId(1), true, T0 + 2)).starredAt).toBe(T0 + 1);
    const cleared = await setStarred(db, paperId(1), false, T0 + 3);
    expect('starredAt' in cleared).toBe(false);
    expect((await setHidden(db, paperId(1), true, T0 + 4)).hiddenAt).toBe(T0 + 4);
  });

  it('refuses an unknown id with a clear error', async () => {
    const db = await freshDb();
    await expect(setStarred(db, paperId(7), true, T0)).rejects.toThrow(
      `Unknown paper ${paperId(7)}`,
    );
    await expect(setHidden(db, paperId(7), true, T0)).rejects.toThrow(/never seen/);
  });
});

/**
 * Logs the requests made on the `papers` store from now on, each with how many requests of any
 * store had been answered when it was asked: requests asked before the first answer share one
 * round trip to the browser's IndexedDB.
 */
function watchPaperRequests(): { method: string; answeredBefore: number }[] {
  const asked: { method: string; answeredBefore: number }[] = [];
  let answered = 0;
  const methods = [
    'get',
    'getAll',
    'getAllKeys',
    'getKey',
    'count',
    'openCursor',
    'openKeyCursor',
    'put',
    'add',
  ] as const;
  for (const method of methods) {
    const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      const request = original.apply(this, args);
      if (this.name === 'papers') asked.push({ method, answeredBefore: answered });
      request.addEventListener('success', () => (answered += 1));
      return request;
    } as never);
  }
  return asked;
}
