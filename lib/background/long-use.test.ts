/**
 * Long use: a library of 100,000 papers (years of daily reading), with 1,000 starred, 400 hidden
 * and the visits store full, written in bulk in a few transactions. Through the real router and
 * handlers: a page report, a star and the first page of every popup view (and a search) still
 * answer correctly, and the visits store stays bounded. Correctness only: the timing budgets are
 * measured in real Chromium by the benchmark (design.md), never by a unit test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperInfo, PaperRecord, Visit } from '../model/paper';
import type { Request } from '../messages/protocol';
import { GAP, T0 } from '../db/test-papers';
import { indexQueued } from '../db/search-index';
import { inBatches } from '../db/search-schema';
import { MAX_VISITS } from '../db/visits-repo';
import { contentSender, popup, setupBackground } from './test-background';

const SIZE = 100_000;
const MINUTE = 60_000;
const BATCH = 25_000;
/** Paper i of the library, i in [0, SIZE): arXiv-style ids 2301.00000 … 2310.09999. */
const idOf = (i: number) =>
  `${2301 + Math.floor(i / 10_000)}.${String(i % 10_000).padStart(5, '0')}`;
/** Paper i was first seen i minutes after the first one: the newest is the last. */
const seenAt = (i: number) => T0 - (SIZE - i) * MINUTE;
const isStarred = (i: number) => i % 100 === 7;
const isHidden = (i: number) => i % 250 === 3;

function record(i: number): PaperRecord {
  const paper: PaperRecord = {
    id: idOf(i),
    title: `Stored paper ${i}`,
    authors: [`Author ${i % 997}`],
    summary: `Summary of stored paper ${i}.`,
    upvotes: i % 300,
    firstSeenAt: seenAt(i),
    lastSeenAt: seenAt(i) + MINUTE / 2,
  };
  if (isStarred(i)) paper.starredAt = seenAt(i) + 1;
  if (isHidden(i)) paper.hiddenAt = seenAt(i) + 2;
  return paper;
}

/** The visits store full: MAX_VISITS visits, one a day, the last ending before T0. */
const visits: Visit[] = Array.from({ length: MAX_VISITS }, (_, k) => {
  const start = T0 - (MAX_VISITS - k) * 24 * 60 * MINUTE;
  return { start, end: start + 10 * MINUTE, views: 3 };
});

function writeInBulk(db: IDBDatabase): Promise<void> {
  const batches = Array.from({ length: SIZE / BATCH }, (_, b) => b);
  return batches.reduce<Promise<void>>(
    (previous, b) =>
      previous.then(
        () =>
          new Promise<void>((resolve, reject) => {
            const tx = db.transaction(['papers', 'visits', 'searchQueue', 'meta'], 'readwrite');
            const store = tx.objectStore('papers');
            const ids: string[] = [];
            for (let i = b * BATCH; i < (b + 1) * BATCH; i++) {
              store.put(record(i));
              ids.push(idOf(i));
            }
            // Queued for the search index, as the upgrade to version 3 queues a library.
            for (const batch of inBatches(ids)) tx.objectStore('searchQueue').add(batch);
            if (b === 0) for (const visit of visits) tx.objectStore('visits').put(visit);
            // The counter the product's writers keep (lib/db/paper-count.ts); the store was empty.
            tx.objectStore('meta').put((b + 1) * BATCH, 'paperCount');
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          }),
      ),
    Promise.resolve(),
  );
}

const bg = setupBackground();
const list = (view: Request<'listPapers'>['view'], query = '') =>
  bg.send('listPapers', { view, query, offset: 0, limit: 50 }, popup);

/** Indexes of the stored papers, newest first, that a view lists. */
const newestFirst = (keep: (i: number) => boolean, count: number) => {
  const found: number[] = [];
  for (let i = SIZE - 1; i >= 0 && found.length < count; i--) if (keep(i)) found.push(i);
  return found;
};

const STARRED = SIZE / 100;
const HIDDEN = SIZE / 250;

describe(`a library of ${SIZE.toLocaleString('en')} papers`, { timeout: 180_000 }, () => {
  beforeAll(async () => {
    const db = await bg.db();
    // Raw IndexedDB in a few big transactions: as a long use would have left it.
    await writeInBulk(db as unknown as IDBDatabase);
    expect(await db.count('papers')).toBe(SIZE);
  }, 60_000);

  it('records a page: old papers seen with their flags, new ones new, visits bounded', async () => {
    // A 50-card page: 25 papers met long ago (one starred, one hidden) and 25 never seen.
    const old = Array.from({ length: 25 }, (_, k) => 1003 + k * 4); // 1003 hidden, 1007 starred
    const fresh: PaperInfo[] = Array.from({ length: 25 }, (_, k) => ({
      id: `2511.${String(k).padStart(5, '0')}`,
      title: `Fresh paper ${k}`,
      authors: ['Someone New'],
    }));
    const page = [
      ...old.map((i) => ({ id: idOf(i), title: `Stored paper ${i}`, authors: [] })),
      ...fresh,
    ];
    const reply = await bg.send(
      'reportPage',
      { url: 'https://huggingface.co/papers', kind: 'daily', papers: page, skipped: 0 },
      contentSender(1),
    );
    expect(reply.visitStart).toBe(T0);
    expect(reply.states.slice(0, 25).every((s) => s.state === 'seen')).toBe(true);
    expect(reply.states.slice(25).every((s) => s.state === 'new' && s.firstSeenAt === T0)).toBe(
      true,
    );
    expect(reply.states.find((s) => s.id === idOf(1007))).toMatchObject({ starred: true });
    expect(reply.states.find((s) => s.id === idOf(1003))).toMatchObject({ hidden: true });
    const db = await bg.db();
    expect(await db.count('papers')).toBe(SIZE + 25);
    // A new visit started and the oldest one was pruned: still MAX_VISITS.
    const starts = await db.getAllKeys('visits');
    expect(starts).toHaveLength(MAX_VISITS);
    expect(starts[0]).toBe(visits[1]?.start);
    expect(starts.at(-1)).toBe(T0);
    // The stored authors of the old papers were kept (the page showed none).
    expect((await db.get('papers', idOf(1007)))?.authors).toEqual(record(1007).authors);
  });

  it('lists the first page of every view, newest first, with the right totals', async () => {
    const fresh = Array.from({ length: 25 }, (_, k) => `2511.${String(k).padStart(5, '0')}`);
    const newView = await list('new');
    expect(newView.total).toBe(25);
    expect(newView.hasMore).toBe(false);
    expect(newView.papers.map((p) => p.id).sort()).toEqual(fresh);

    const all = await list('all');
    expect(all.total).toBe(SIZE + 25 - HIDDEN);
    expect(all.hasMore).toBe(true);
    expect(all.papers.slice(0, 25).every((p) => p.state === 'new')).toBe(true);
    expect(all.papers.slice(25).map((p) => p.id)).toEqual(
      newestFirst((i) => !isHidden(i), 25).map(idOf),
    );

    const starred = await list('starred');
    expect(starred.total).toBe(STARRED);
    expect(starred.papers.map((p) => p.id)).toEqual(newestFirst(isStarred, 50).map(idOf));

    const hidden = await list('hidden');
    expect(hidden.total).toBe(HIDDEN);
    expect(hidden.papers.map((p) => p.id)).toEqual(newestFirst(isHidden, 50).map(idOf));

    // A search, every word starting a word of the title, authors or summary: "999" starts the
    // numbers of 99900…99999 and more. The first search indexes the whole library.
    await indexQueued(await bg.db());
    const search = await list('all', 'STORED paper 999');
    expect(search.hasMore).toBe(true);
    expect(search.papers.map((p) => p.title)).toEqual(
      newestFirst((i) => !isHidden(i) && String(i).startsWith('999'), 50).map(
        (i) => `Stored paper ${i}`,
      ),
    );
  });

  it('stars an old paper: it leads Starred, and the counts follow', async () => {
    const { paper } = await bg.send('setStarred', { id: idOf(5), starred: true }, popup);
    expect(paper).toMatchObject({ id: idOf(5), starredAt: T0, state: 'seen' });
    const starred = await list('starred');
    expect(starred.papers[0]?.id).toBe(idOf(5));
    expect(starred.total).toBe(STARRED + 1);
    const status = await bg.send('getStatus', {}, popup);
    expect(status.counts).toEqual({
      all: SIZE + 25 - HIDDEN,
      new: 25,
      starred: STARRED + 1,
      hidden: HIDDEN,
    });
    expect(status.visit).toEqual({ start: T0, end: T0, views: 1 });
  });

  it('keeps working on the next visit', async () => {
    bg.advance(GAP + 1);
    const page = [{ id: idOf(SIZE - 1), title: 'Renamed newest', authors: [] }];
    const reply = await bg.send(
      'reportPage',
      { url: 'https://huggingface.co/papers', kind: 'daily', papers: page, skipped: 0 },
      contentSender(1),
    );
    expect(reply.states).toEqual([
      {
        id: idOf(SIZE - 1),
        state: 'seen',
        starred: false,
        hidden: false,
        firstSeenAt: seenAt(SIZE - 1),
      },
    ]);
    expect((await list('new')).total).toBe(0);
    const db = await bg.db();
    expect((await db.get('papers', idOf(SIZE - 1)))?.title).toBe('Renamed newest');
    expect(await db.count('papers')).toBe(SIZE + 25);
    expect(await db.count('visits')).toBe(MAX_VISITS);
  });
});
