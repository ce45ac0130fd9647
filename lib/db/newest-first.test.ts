import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newestFirst } from './newest-first';
import type { Db } from './open-db';
import { recordReport } from './papers-repo';
import { freshDb, GAP, papers, T0 } from './test-papers';

/** Three reports: 7 papers at T0, 5 at T0 + 1 min, 9 at T0 + 2 min (ties within each). */
async function library(): Promise<Db> {
  const db = await freshDb();
  await recordReport(db, { papers: papers(1, 7) }, T0, GAP);
  await recordReport(db, { papers: papers(8, 12) }, T0 + 60_000, GAP);
  await recordReport(db, { papers: papers(13, 21) }, T0 + 120_000, GAP);
  return db;
}

/** What a 'prev' cursor gives: key descending, then primary key descending within a key. */
async function cursorOrder(db: Db, range: IDBKeyRange | null): Promise<string[]> {
  const ids: string[] = [];
  const index = db.transaction('papers').store.index('firstSeenAt');
  let cursor = await index.openCursor(range, 'prev');
  while (cursor) {
    ids.push(cursor.value.id);
    cursor = await cursor.continue();
  }
  return ids;
}

async function walk(db: Db, range: IDBKeyRange | null, batch: number) {
  const ids: string[] = [];
  const index = db.transaction('papers').store.index('firstSeenAt');
  for await (const record of newestFirst(index, range, batch)) ids.push(record.id);
  return ids;
}

describe('newestFirst', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([1, 2, 3, 4, 5, 9, 64])(
    'gives every record once, in cursor order, with batches of %i across tied keys',
    async (batch) => {
      const db = await library();
      const expected = await cursorOrder(db, null);
      expect(expected).toHaveLength(21);
      expect(await walk(db, null, batch)).toEqual(expected);
    },
  );

  it('keeps to a lower-bounded range (the New view) across batches', async () => {
    const db = await library();
    const range = IDBKeyRange.lowerBound(T0 + 60_000);
    const expected = await cursorOrder(db, range);
    expect(expected).toHaveLength(14);
    expect(await walk(db, range, 4)).toEqual(expected);
  });

  it('can be left early, and the transaction still serves requests', async () => {
    const db = await library();
    const tx = db.transaction('papers');
    const got: string[] = [];
    for await (const record of newestFirst(tx.store.index('firstSeenAt'), null, 3)) {
      got.push(record.id);
      if (got.length === 5) break;
    }
    expect(await tx.store.count()).toBe(21);
    expect(got).toEqual((await cursorOrder(db, null)).slice(0, 5));
  });

  it('reads whole batches in one request each where getAllRecords exists', async () => {
    const db = await library();
    const index = db.transaction('papers').store.index('firstSeenAt');
    const raw = unwrap(index);
    const getAllRecords = vi.spyOn(
      raw as unknown as { getAllRecords: () => unknown },
      'getAllRecords',
    );
    const openCursor = vi.spyOn(raw, 'openCursor');
    const ids: string[] = [];
    for await (const record of newestFirst(index, null, 4)) ids.push(record.id);
    expect(ids).toHaveLength(21);
    // Batches of 4: 21 records take 6 requests (the last one short).
    expect(getAllRecords).toHaveBeenCalledTimes(6);
    expect(openCursor).not.toHaveBeenCalled();
  });

  it('walks a cursor where the browser has no getAllRecords', async () => {
    const db = await library();
    const expected = await cursorOrder(db, null);
    const proto = Object.getPrototypeOf(
      unwrap(db.transaction('papers').store.index('firstSeenAt')),
    );
    const original = Object.getOwnPropertyDescriptor(proto, 'getAllRecords');
    delete (proto as { getAllRecords?: unknown }).getAllRecords;
    try {
      expect(await walk(db, null, 4)).toEqual(expected);
    } finally {
      if (original) Object.defineProperty(proto, 'getAllRecords', original);
    }
  });
});
