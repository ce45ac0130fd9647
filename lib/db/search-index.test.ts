import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PopupView } from '../messages/protocol';
import { importLibrary } from './backup';
import { listPapers } from './list-papers';
import { openDb, type Db } from './open-db';
import { recordReport, setHidden } from './papers-repo';
import { hasQueued, INDEX_BATCH, indexQueued } from './search-index';
import { BLOCK_SIZE } from './search-schema';
import { freshDb, GAP, paperId, paperInfo, T0 } from './test-papers';

const queued = async (db: Db) => (await db.getAll('searchQueue')).flat().map((id) => id.slice(5));

async function search(db: Db, query: string, view: PopupView = 'all', offset = 0, limit = 50) {
  const request = { view, query, offset, limit };
  const indexed = await listPapers(db, request, T0, { indexed: true, walkFirst: 0 });
  return indexed.papers.map((p) => Number(p.id.slice(5)));
}

describe('the search queue', () => {
  it('queues new papers and changed text, not a page seen again', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1), paperInfo(2)] }, T0, GAP);
    expect(await queued(db)).toEqual(['00001', '00002']);
    await indexQueued(db);
    expect(await hasQueued(db)).toBe(false);

    await recordReport(db, { papers: [paperInfo(1), paperInfo(2)] }, T0 + 5, GAP);
    expect(await queued(db)).toEqual([]);
    await setHidden(db, paperId(1), true, T0 + 6);
    expect(await queued(db)).toEqual([]);
    await recordReport(
      db,
      { papers: [paperInfo(2, { summary: 'Now about robots.' })] },
      T0 + 7,
      GAP,
    );
    expect(await queued(db)).toEqual(['00002']);
  });

  it('finds a paper by its new text once indexed again, and no longer by the old', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1, { summary: 'About cats.' })] }, T0, GAP);
    await indexQueued(db);
    expect(await search(db, 'cats')).toEqual([1]);
    await recordReport(db, { papers: [paperInfo(1, { summary: 'About dogs.' })] }, T0 + 1, GAP);
    await indexQueued(db);
    expect(await search(db, 'dogs')).toEqual([1]);
    // The index still lists "cats" for it; the check against the record drops it.
    expect(await search(db, 'cats')).toEqual([]);
  });

  it('keeps a paper queued again while it was being indexed', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1, { summary: 'About cats.' })] }, T0, GAP);
    const indexing = indexQueued(db);
    await recordReport(db, { papers: [paperInfo(1, { summary: 'About dogs.' })] }, T0 + 1, GAP);
    await indexing;
    await indexQueued(db);
    expect(await hasQueued(db)).toBe(false);
    expect(await search(db, 'dogs')).toEqual([1]);
  });

  it('indexes imported papers', async () => {
    const db = await freshDb();
    const paper = {
      ...paperInfo(7, { summary: 'Imported zebra.' }),
      firstSeenAt: T0,
      lastSeenAt: T0,
    };
    await importLibrary(db, {
      format: 'papers-radar-backup',
      version: 1,
      exportedAt: T0,
      papers: [paper],
      visits: [],
    });
    expect(await queued(db)).toEqual(['00007']);
    await indexQueued(db);
    expect(await search(db, 'zebra')).toEqual([7]);
  });

  it('stops between batches when asked (a page view), leaving the rest queued for the next run', async () => {
    const db = await freshDb();
    // Two reports whose batches do not fit in one run together.
    const half = INDEX_BATCH / 2 + 100;
    const page = (from: number) => Array.from({ length: half }, (_, i) => paperInfo(from + i));
    await recordReport(db, { papers: page(1) }, T0, GAP);
    await recordReport(db, { papers: page(half + 1) }, T0 + 1, GAP);
    expect(await indexQueued(db, () => true)).toBe(0);
    expect((await queued(db)).length).toBe(2 * half);

    let asked = 0;
    expect(await indexQueued(db, () => asked++ > 0)).toBe(half);
    expect(await queued(db)).toEqual(page(half + 1).map((p) => p.id.slice(5)));
    expect(await indexQueued(db)).toBe(half);
    expect(await hasQueued(db)).toBe(false);
  });
});

describe('search through the index', () => {
  it('spans blocks: papers past the first block are found, newest first', async () => {
    const db = await freshDb();
    const count = BLOCK_SIZE + 10;
    const all = Array.from({ length: count }, (_, i) => paperInfo(i + 1));
    await recordReport(db, { papers: all.slice(0, BLOCK_SIZE - 5) }, T0 - 10, GAP);
    await recordReport(db, { papers: all.slice(BLOCK_SIZE - 5) }, T0 - 5, GAP);
    await indexQueued(db);
    expect((await db.getAllKeys('searchBlocks')).length).toBe(2);
    // "4100" starts paper 4100's number only; "summary" is in every paper.
    expect(await search(db, 'paper 4100')).toEqual([4100]);
    expect(await search(db, 'summary', 'all', 0, 3)).toEqual([4106, 4105, 4104]);
    // Ties of firstSeenAt (one report) come by id, descending, as in a walk of the index.
    expect(await search(db, '409')).toEqual([
      4099, 4098, 4097, 4096, 4095, 4094, 4093, 4092, 4091, 4090, 409,
    ]);
  });

  it('finds the papers of many page views not indexed yet, newest first', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1, { summary: 'An okapi.' })] }, T0 - 20, GAP);
    await indexQueued(db);
    // Twelve reports: twelve queue entries, more than a search reads at first.
    for (let n = 2; n <= 13; n++) {
      const summary = n % 4 === 0 ? 'Okapis, again.' : 'Nothing of the kind.';
      await recordReport(db, { papers: [paperInfo(n, { summary })] }, T0 - 20 + n, GAP);
    }
    expect((await queued(db)).length).toBe(12);
    expect(await search(db, 'okapi')).toEqual([12, 8, 4, 1]);
  });

  it('agrees with a walk of the records on any library and query, however much is indexed', async () => {
    const vocabulary = [
      'graph',
      'graphs',
      'grape',
      'vision',
      'video',
      'llm',
      'agent',
      'agents',
      'ä',
    ];
    const text = fc.array(fc.constantFrom(...vocabulary), { maxLength: 4 }).map((w) => w.join(' '));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ title: text, summary: text, hidden: fc.boolean(), at: fc.nat(3) }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.constantFrom('gr', 'grap', 'graphs', 'vi', 'v', 'agent', 'a', 'zz', 'll'), {
          maxLength: 3,
        }),
        fc.constantFrom<PopupView>('all', 'new'),
        // Papers past this one are still queued; a rewrite changes a paper's text once indexed.
        fc.nat(12),
        fc.option(fc.record({ paper: fc.nat(11), summary: text }), { nil: undefined }),
        // Records read newest first before the index: its records are reused by the check.
        fc.constantFrom(0, 1, 3, 8, 12),
        // Records of the first look, which decides whether the walk goes on.
        fc.constantFrom(1, 2, 4),
        // Whether the rewrite comes once the paper is indexed, or while it is still queued.
        fc.boolean(),
        // Whether the search runs in the worker that wrote (it remembers the queued papers'
        // texts) or in one started since (it reads their records).
        fc.boolean(),
        async (
          papers,
          query,
          view,
          indexedUpTo,
          rewrite,
          walkFirst,
          lookFirst,
          indexFirst,
          restarted,
        ) => {
          const db = await freshDb();
          for (const [n, p] of papers.entries()) {
            if (n === indexedUpTo) await indexQueued(db);
            const info = paperInfo(n + 1, { title: `T ${p.title}`, summary: p.summary });
            await recordReport(db, { papers: [info] }, T0 + p.at * GAP * 2, GAP);
            if (p.hidden) await setHidden(db, info.id, true, T0 + 10 * GAP);
          }
          const rewritten = rewrite && papers[rewrite.paper];
          if (rewrite && rewritten) {
            if (indexFirst) await indexQueued(db);
            const info = paperInfo(rewrite.paper + 1, {
              title: `T ${rewritten.title}`,
              summary: rewrite.summary,
            });
            await recordReport(db, { papers: [info] }, T0 + 9 * GAP, GAP);
          }
          const request = { view, query: query.join(' '), offset: 0, limit: 5 };
          const start = T0 + 2 * GAP * 2;
          const reader = restarted ? await openDb(db.name) : db;
          const viaIndex = await listPapers(reader, request, start, {
            indexed: true,
            walkFirst,
            lookFirst,
          });
          const viaWalk = await listPapers(reader, request, start, { indexed: false });
          expect(viaIndex).toEqual(viaWalk);
          reader.close();
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
