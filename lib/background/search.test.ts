import { describe, expect, it, vi } from 'vitest';
import { recordReport } from '../db/papers-repo';
import { hasQueued, INDEX_BATCH, indexQueued, queuedCount } from '../db/search-index';
import { GAP, paperId, paperInfo, T0 } from '../db/test-papers';
import { INDEX_AFTER_SEARCH_MS, INDEX_DELAY_MS, INDEX_SOON_MS, indexInBackground } from './search';
import { contentSender, popup, report, setupBackground } from './test-background';

const realTimeout = setTimeout;
/** Real time for a run already started to finish (fake-indexeddb works on real time). */
const realPause = (ms: number) => new Promise((resolve) => realTimeout(resolve, ms));

const withFakeTimers = async (body: () => Promise<void>) => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  try {
    await body();
  } finally {
    vi.useRealTimers();
  }
};

describe('search while papers wait to be indexed', () => {
  it('answers from the queued papers without indexing them first, and indexes them after', () =>
    withFakeTimers(async () => {
      const bg = setupBackground();
      const db = await bg.db();
      await recordReport(db, { papers: [paperInfo(1, { summary: 'An okapi.' })] }, T0, GAP);
      await recordReport(db, { papers: [paperInfo(2), paperInfo(3)] }, T0 + 1, GAP);
      await indexQueued(db);
      await recordReport(db, { papers: [paperInfo(4, { summary: 'Okapis again.' })] }, T0 + 2, GAP);
      const query = { view: 'all' as const, query: 'okapi', offset: 0, limit: 5 };
      const { papers } = await bg.send('listPapers', query, popup);
      // Paper 4 from the queue, paper 1 from the index: newest first all the same.
      expect(papers.map((p) => p.id)).toEqual([paperId(4), paperId(1)]);
      expect(await queuedCount(db)).toBe(1);
      await vi.advanceTimersByTimeAsync(INDEX_AFTER_SEARCH_MS);
      await vi.waitFor(async () => expect(await queuedCount(db)).toBe(0));
      expect((await bg.send('listPapers', query, popup)).papers).toEqual(papers);
    }));

  it(
    'answers at once over a backlog (a library just upgraded), and indexes it at once',
    { timeout: 60_000 },
    () =>
      withFakeTimers(async () => {
        const bg = setupBackground();
        const db = await bg.db();
        const many = Array.from({ length: INDEX_BATCH + 10 }, (_, i) => paperInfo(i + 1));
        many[3] = paperInfo(4, { summary: 'A rare okapi.' });
        await recordReport(db, { papers: many }, T0, GAP);
        const query = { view: 'all' as const, query: 'okapi', offset: 0, limit: 5 };
        const { papers } = await bg.send('listPapers', query, popup);
        // Found by walking the records: the backlog is still queued…
        expect(papers.map((p) => p.id)).toEqual([paperId(4)]);
        expect(await queuedCount(db)).toBe(INDEX_BATCH + 10);
        // …and its run starts now, not once the reader stops typing.
        await vi.advanceTimersByTimeAsync(0);
        await indexQueued(db, () => true);
        expect(await queuedCount(db)).toBe(0);
      }),
  );
});

describe('indexing after page reports', () => {
  it('waits until reports pause, then indexes what they queued', () =>
    withFakeTimers(async () => {
      const bg = setupBackground();
      await bg.send('reportPage', report([1, 3]), contentSender(1));
      await bg.send('reportPage', report([4, 6]), contentSender(1));
      const db = await bg.db();
      expect(await queuedCount(db)).toBe(6);
      vi.advanceTimersByTime(INDEX_DELAY_MS);
      await vi.waitFor(async () => expect(await queuedCount(db)).toBe(0));
    }));

  it('leaves a burst of page views a few seconds apart alone (an index run would delay them)', () =>
    withFakeTimers(async () => {
      const bg = setupBackground();
      const db = await bg.db();
      for (const [tab, ids] of [
        [1, [1, 3]],
        [2, [4, 6]],
        [1, [7, 9]],
      ] as const) {
        await bg.send('reportPage', report([...ids]), contentSender(tab));
        await vi.advanceTimersByTimeAsync(3000);
        // Joins a run that may be going, and takes nothing itself: then the queue tells.
        await indexQueued(db, () => true);
        expect(await hasQueued(db)).toBe(true);
      }
      await vi.advanceTimersByTimeAsync(INDEX_DELAY_MS);
      await vi.waitFor(async () => expect(await queuedCount(db)).toBe(0));
    }));

  it('gives way to a page view that comes as a run starts, and indexes once views pause', () =>
    withFakeTimers(async () => {
      const bg = setupBackground();
      const db = await bg.db();
      await bg.send('reportPage', report([1, 3]), contentSender(1));
      // The run is due and starts (its batches follow in microtasks)…
      vi.advanceTimersByTime(INDEX_DELAY_MS);
      // …when another write comes: the run takes no batch.
      indexInBackground(db);
      await indexQueued(db, () => true);
      expect(await queuedCount(db)).toBe(3);
      await vi.advanceTimersByTimeAsync(INDEX_DELAY_MS);
      await vi.waitFor(async () => expect(await queuedCount(db)).toBe(0));
    }));

  it('is not put off by details that change nothing (a page seen again)', () =>
    withFakeTimers(async () => {
      const bg = setupBackground();
      const db = await bg.db();
      await bg.send('reportPage', report([1, 3]), contentSender(1));
      await vi.advanceTimersByTimeAsync(INDEX_DELAY_MS - 1000);
      const { papers } = report([1, 3]);
      const same = await bg.send('paperDetails', { papers }, contentSender(1));
      expect(same.updated).toBe(0);
      await vi.advanceTimersByTimeAsync(1000);
      await vi.waitFor(async () => expect(await queuedCount(db)).toBe(0));
    }));

  it('does not index while the reader types, and indexes once they pause', () =>
    withFakeTimers(async () => {
      const bg = setupBackground();
      const db = await bg.db();
      await bg.send('reportPage', report([1, 3]), contentSender(1));
      const list = { view: 'all' as const, query: '', offset: 0, limit: 5 };
      await bg.send('listPapers', list, popup);
      for (const query of ['pa', 'pap', 'paper']) {
        await vi.advanceTimersByTimeAsync(INDEX_SOON_MS - 100);
        const { papers } = await bg.send('listPapers', { ...list, query }, popup);
        expect(papers).toHaveLength(3);
        expect(await queuedCount(db)).toBe(3);
      }
      await vi.advanceTimersByTimeAsync(INDEX_AFTER_SEARCH_MS);
      await vi.waitFor(async () => expect(await queuedCount(db)).toBe(0));
    }));

  it('does not index when the reader clears the box to type another query', () =>
    withFakeTimers(async () => {
      const bg = setupBackground();
      const db = await bg.db();
      await bg.send('reportPage', report([1, 3]), contentSender(1));
      await vi.advanceTimersByTimeAsync(INDEX_DELAY_MS - 500);
      const list = { view: 'all' as const, query: '', offset: 0, limit: 5 };
      await bg.send('listPapers', { ...list, query: 'paper' }, popup);
      await vi.advanceTimersByTimeAsync(200);
      expect((await bg.send('listPapers', list, popup)).papers).toHaveLength(3);
      // Past the run the report asked for, and past "soon": still no run, even given time.
      await vi.advanceTimersByTimeAsync(INDEX_SOON_MS + 500);
      await realPause(300);
      expect(await queuedCount(db)).toBe(3);
      await vi.advanceTimersByTimeAsync(INDEX_AFTER_SEARCH_MS);
      await vi.waitFor(async () => expect(await queuedCount(db)).toBe(0));
    }));

  it('indexes soon once the popup lists papers, so a search finds the index ready', () =>
    withFakeTimers(async () => {
      const bg = setupBackground();
      const db = await bg.db();
      await bg.send('reportPage', report([1, 3]), contentSender(1));
      const list = { view: 'new' as const, query: '', offset: 0, limit: 5 };
      expect((await bg.send('listPapers', list, popup)).papers).toHaveLength(3);
      expect(await queuedCount(db)).toBe(3);
      await vi.advanceTimersByTimeAsync(INDEX_SOON_MS);
      await vi.waitFor(async () => expect(await queuedCount(db)).toBe(0));
    }));
});
