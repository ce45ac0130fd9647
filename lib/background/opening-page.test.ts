import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OPENING_PAGE_KEY, type OpeningPage } from '../messages/protocol';
import { paperId } from '../db/test-papers';
import { keepOpeningPage, OPENING_PAGE_DELAY_MS } from './opening-page';
import { contentSender, popup, report, setupBackground } from './test-background';

const keptPage = async () =>
  (await fakeBrowser.storage.session.get(OPENING_PAGE_KEY))[OPENING_PAGE_KEY] as
    OpeningPage | undefined;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Past the build's delay, and the build itself. */
const built = () => sleep(OPENING_PAGE_DELAY_MS + 150);
const firstPage = { query: '', offset: 0, limit: 50 };

describe("the popup's first page, kept ready in session storage", () => {
  it('is built once page views pause, as the popup would list it', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 60]), contentSender(1));
    expect(await keptPage()).toBeUndefined();
    await built();
    const live = await bg.send('listPapers', { view: 'new', ...firstPage }, popup);
    expect(await keptPage()).toEqual({ view: 'new', ...live });
    expect(live.papers).toHaveLength(50);
    expect(live.hasMore).toBe(true);
  });

  it('goes before a write lands, and comes back with the write in it', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 3]), contentSender(1));
    await built();
    expect((await keptPage())?.papers.map((p) => p.starredAt)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const starring = bg.send('setStarred', { id: paperId(2), starred: true }, popup);
    // Removed before the write's transaction: from here on a popup waits for the live page.
    await sleep(0);
    expect(await keptPage()).toBeUndefined();
    await starring;
    expect(await keptPage()).toBeUndefined();
    await built();
    const starred = (await keptPage())?.papers.find((p) => p.id === paperId(2));
    expect(starred?.starredAt).toBeDefined();
  });

  it('is not stored when a write came while it was being built', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 3]), contentSender(1));
    await built();
    const keeper = keepOpeningPage(bg.deps);
    await keeper.forget();
    const building = keeper.build();
    await keeper.forget(); // A write begins: what is being built may not have it.
    await building;
    expect(await keptPage()).toBeUndefined();
  });

  it('is built on the first list of a worker that has none: All, empty, for a new library', async () => {
    const bg = setupBackground();
    const live = await bg.send('listPapers', { view: 'new', ...firstPage }, popup);
    expect(live.total).toBe(0);
    await built();
    expect(await keptPage()).toEqual({ view: 'all', papers: [], total: 0, hasMore: false });
  });
});
