import { describe, expect, it, vi } from 'vitest';
import type { PaperRecord, Visit } from '../model/paper';
import { listPapers } from './list-papers';
import { connectDb, DB_VERSION, openDb } from './open-db';
import { getPapers, recordReport } from './papers-repo';
import { indexQueued } from './search-index';
import { GAP, paperId, paperInfo, T0 } from './test-papers';
import { latestVisit } from './visits-repo';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Version 1 exactly as it shipped, in raw IndexedDB. Never edit: later versions upgrade from it. */
function createVersion1(db: IDBDatabase): void {
  const papers = db.createObjectStore('papers', { keyPath: 'id' });
  for (const field of ['firstSeenAt', 'lastSeenAt', 'starredAt', 'hiddenAt', 'openedAt']) {
    papers.createIndex(field, field);
  }
  db.createObjectStore('visits', { keyPath: 'start' });
}

const V1_PAPERS: PaperRecord[] = [
  { ...paperInfo(1), firstSeenAt: T0, lastSeenAt: T0 + 5, starredAt: T0 + 1 },
  { ...paperInfo(2), firstSeenAt: T0, lastSeenAt: T0, hiddenAt: T0 + 2, openedAt: T0 + 3 },
  { ...paperInfo(3), firstSeenAt: T0 + 9, lastSeenAt: T0 + 9, starredAt: T0 + 4, hiddenAt: T0 + 4 },
  { id: paperId(4), title: 'Bare', authors: [], firstSeenAt: T0 - 1, lastSeenAt: T0 - 1 },
];
const V1_VISITS: Visit[] = [
  { start: T0 - 1, end: T0 - 1, views: 1 },
  { start: T0 + 1e7, end: T0 + 1e7 + 9, views: 2 },
];

async function writeVersion1(name: string): Promise<void> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => createVersion1(open.result);
  const db = await request(open);
  const tx = db.transaction(['papers', 'visits'], 'readwrite');
  V1_PAPERS.forEach((p) => tx.objectStore('papers').put(p));
  V1_VISITS.forEach((v) => tx.objectStore('visits').put(v));
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

/** Version 2 as it shipped, in raw IndexedDB: the search stores, the queue one entry per id. */
async function writeVersion2(name: string, queued: string[]): Promise<void> {
  const open = indexedDB.open(name, 2);
  open.onupgradeneeded = () => {
    const db = open.result;
    createVersion1(db);
    for (const store of ['searchQueue', 'searchDocs', 'searchBlocks', 'searchTerms', 'meta']) {
      db.createObjectStore(store);
    }
  };
  const db = await request(open);
  const tx = db.transaction(['papers', 'searchQueue', 'meta'], 'readwrite');
  V1_PAPERS.forEach((p) => tx.objectStore('papers').put(p));
  queued.forEach((id, i) => tx.objectStore('searchQueue').put(i, id));
  tx.objectStore('meta').put(V1_PAPERS.length, 'paperCount');
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

describe('openDb', () => {
  it('keeps every record and flag of a version 1 database', async () => {
    await writeVersion1('v1');
    const db = await openDb('v1');
    expect(db.version).toBe(DB_VERSION);
    expect(
      await getPapers(
        db,
        V1_PAPERS.map((p) => p.id),
      ),
    ).toEqual(V1_PAPERS);
    expect(await db.getAll('visits')).toEqual(V1_VISITS);
    expect(await latestVisit(db)).toEqual(V1_VISITS[1]);
    const page = { query: '', offset: 0, limit: 10 };
    const starred = await listPapers(db, { ...page, view: 'starred' }, T0);
    expect(starred.papers.map((p) => p.id)).toEqual([paperId(1)]);
    const hidden = await listPapers(db, { ...page, view: 'hidden' }, T0);
    expect(hidden.papers.map((p) => p.id)).toEqual([paperId(3), paperId(2)]);
    // Version 2 counted the papers (the All count) and queued each for the search index.
    expect(await db.get('meta', 'paperCount')).toBe(V1_PAPERS.length);
    // Version 2 queued every paper for the search index, and version 3 moved them into a batch;
    // once indexed, search finds them.
    expect(await db.getAll('searchQueue')).toEqual([V1_PAPERS.map((p) => p.id)]);
    await indexQueued(db);
    const bare = await listPapers(db, { ...page, view: 'all', query: 'bare' }, T0, {
      indexed: true,
    });
    expect(bare.papers.map((p) => p.id)).toEqual([paperId(4)]);
    // The upgraded database keeps working for writes.
    const report = await recordReport(db, { papers: [paperInfo(1)] }, T0 + 2e7, GAP);
    expect(report.states[0]).toMatchObject({ state: 'seen', starred: true, firstSeenAt: T0 });
    db.close();
  });

  it('moves a version 2 search queue into batches, and indexes them', async () => {
    const unknown = Array.from({ length: 2100 }, (_, i) => `9999.${String(i).padStart(5, '0')}`);
    await writeVersion2('v2', [paperId(4), ...unknown]);
    const db = await openDb('v2');
    const batches = await db.getAll('searchQueue');
    expect(batches.map((batch) => batch.length)).toEqual([2048, 53]);
    expect(batches.flat()).toEqual([paperId(4), ...unknown].sort());
    expect(await indexQueued(db)).toBe(2101);
    const page = { view: 'all' as const, query: 'bare', offset: 0, limit: 10 };
    const bare = await listPapers(db, page, T0, { indexed: true });
    expect(bare.papers.map((p) => p.id)).toEqual([paperId(4)]);
    expect(await db.count('searchQueue')).toBe(0);
    // A report queues its new paper as one batch of its own.
    await recordReport(db, { papers: [paperInfo(5), paperInfo(1)] }, T0 + 2e7, GAP);
    expect(await db.getAll('searchQueue')).toEqual([[paperId(5)]]);
    db.close();
  });

  it('leaves a version 2 database as it was when moving its queue fails', async () => {
    await writeVersion2('v2-fail', [paperId(4)]);
    const refuse = vi.spyOn(IDBDatabase.prototype, 'createObjectStore').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(openDb('v2-fail')).rejects.toThrow(/Storage error/);
    refuse.mockRestore();
    const raw = await request(indexedDB.open('v2-fail'));
    expect(raw.version).toBe(2);
    expect(
      await request(raw.transaction('searchQueue').objectStore('searchQueue').getAllKeys()),
    ).toEqual([paperId(4)]);
    raw.close();
    // Nothing half done: the next open upgrades it.
    const db = await openDb('v2-fail');
    expect(await db.getAll('searchQueue')).toEqual([[paperId(4)]]);
    db.close();
  });

  it('closes itself when a newer version wants in, instead of blocking it forever', async () => {
    let closed = 0;
    const db = await openDb('blocking', { onClose: () => closed++ });
    const newer = await request(indexedDB.open('blocking', DB_VERSION + 1));
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(closed).toBe(1);
    expect(() => db.transaction('papers')).toThrow();
    newer.close();
  });

  it('fails with a clear error when an old connection blocks the upgrade', async () => {
    await writeVersion1('blocked');
    const old = await request(indexedDB.open('blocked', 1)); // Never closes on versionchange.
    const opening = openDb('blocked', { version: 2, blockedTimeoutMs: 20 });
    await expect(opening).rejects.toThrow(/upgrade is blocked by another open Papers Radar page/);
    old.close();
  });

  it('explains a database written by a newer version', async () => {
    (await request(indexedDB.open('future', DB_VERSION + 1))).close();
    await expect(openDb('future')).rejects.toThrow(/written by a newer version/);
  });
});

describe('connectDb', () => {
  it('reopens after its connection was closed for a newer version', async () => {
    const connection = connectDb('reopen');
    const first = await connection.get();
    expect(await connection.get()).toBe(first);
    const newer = await request(indexedDB.open('reopen', DB_VERSION + 1));
    newer.close();
    // The schema is now newer than this code: the reopen fails clearly, then retries next time.
    await expect(connection.get()).rejects.toThrow(/newer version/);
    await expect(connection.get()).rejects.toThrow(/newer version/);
    connection.close();
  });

  it('opens again after being closed', async () => {
    const connection = connectDb('again');
    const first = await connection.get();
    connection.close();
    const second = await connection.get();
    expect(second).not.toBe(first);
    expect(await second.count('papers')).toBe(0);
    connection.close();
  });
});
