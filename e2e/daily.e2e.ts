/** Scenarios 1 and 2: the saved daily page, first visit, reload, next visit. */
import { describe, expect, it, vi } from 'vitest';
import { badgeText, tabIdForUrl } from './support/browser';
import { startNewVisit } from './support/clock';
import { buildListPage, fixtureDailyPapers } from './support/page-builder';
import { readLibrary } from './support/library';
import { PapersPage } from './support/papers-page';
import { PopupPage } from './support/popup-page';
import { loadSeedVisits } from './support/seeds';
import { useExtension } from './support/session';

const e2e = useExtension();

describe('the daily page', () => {
  const fixture = fixtureDailyPapers();

  it('first visit: every card is new, the count is the papers on the page, the badge says so', async () => {
    const { ext, server } = e2e;
    const page = await PapersPage.open(ext.context, server.url('/papers'));
    const marks = await page.marks();

    expect(fixture).toHaveLength(28);
    expect(marks.kind).toBe('daily');
    expect(marks.count).toBe(fixture.length);
    expect(marks.cards.map((c) => c.id)).toEqual(fixture.map((p) => p.id));
    for (const card of marks.cards) {
      expect(card).toMatchObject({ state: 'new', starred: false, hidden: false, newBadges: 1 });
    }
    expect(marks.newBadges).toBe(28);
    expect(await badgeText(ext, await tabIdForUrl(ext, page.url()))).toBe('28');

    // The cards were reported by id and title; the JSON's fields follow once the page is idle.
    const stored = async () => new Map((await readLibrary(ext)).papers.map((p) => [p.id, p]));
    await vi.waitFor(
      async () => expect((await stored()).get(fixture[27]?.id ?? '')?.summary).toBeTruthy(),
      { timeout: 10_000 },
    );
    const library = await stored();
    for (const paper of fixture) {
      expect(library.get(paper.id)).toMatchObject({ title: paper.title, upvotes: paper.upvotes });
      expect(library.get(paper.id)?.authors.length).toBeGreaterThan(0);
    }

    // Idempotent: a change elsewhere on the page makes another pass, which changes no card.
    const cardMutations = await page.page.evaluate(async () => {
      const records: MutationRecord[] = [];
      const observer = new MutationObserver((batch) => records.push(...batch));
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      const unrelated = document.createElement('div');
      unrelated.textContent = 'An unrelated change';
      document.body.append(unrelated);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      observer.disconnect();
      return records.filter((r) => r.target instanceof Element && r.target.closest('article'))
        .length;
    });
    expect(cardMutations).toBe(0);
    expect(await page.marks()).toEqual(marks);
  });

  it('a reload within the visit keeps the cards new; after the visit gap they are seen, and only unseen papers are new', async () => {
    const { ext, server } = e2e;
    const page = await PapersPage.open(ext.context, server.url('/papers/date/2026-09-28'));
    const tabId = await tabIdForUrl(ext, page.url());
    expect(await page.newIds()).toHaveLength(28);

    // Reloading must not eat the new marks.
    await page.reload();
    expect(await page.newIds()).toEqual(fixture.map((p) => p.id));
    expect(await badgeText(ext, tabId)).toBe('28');

    // The visit is over: until the next page view, the popup's New view still lists the last
    // visit's new papers (design.md, "the current one, or the last one when no visit is going on").
    await startNewVisit(ext);
    const popup = await PopupPage.open(ext);
    expect(await popup.selectedView()).toBe('New');
    expect(await popup.rowTitles()).toHaveLength(28);
    await popup.close();

    // The next visit: the same papers are seen now, and the badge is empty.
    await page.reload();
    const seen = await page.marks();
    expect(seen.count).toBe(28);
    expect(seen.cards.every((c) => c.state === 'seen')).toBe(true);
    expect(seen.newBadges).toBe(0);
    expect(await badgeText(ext, tabId)).toBe('');
    const after = await PopupPage.open(ext);
    // Nothing is new in this visit: the popup falls back to All.
    expect(await after.selectedView()).toBe('All');
    expect(await after.viewCount('new')).toBe(0);
    await after.close();

    // Another day's page in the same visit: some papers already met, some never seen.
    const unseen = (loadSeedVisits()[0]?.papers ?? []).slice(0, 5);
    const mixed = [fixture[3], unseen[0], fixture[10], unseen[1], unseen[2], fixture[20]]
      .concat(unseen.slice(3))
      .filter((p) => p !== undefined)
      .map((p, i) => ({ ...p, upvotes: i }));
    server.setPage('/papers/date/2026-09-29', buildListPage(mixed, { date: '2026-09-29' }));
    await page.goto(server.url('/papers/date/2026-09-29'));
    const marks = await page.marks();
    expect(marks.count).toBe(mixed.length);
    expect(new Set(await page.newIds())).toEqual(new Set(unseen.map((p) => p.id)));
    expect(marks.newBadges).toBe(unseen.length);
    expect(await badgeText(ext, tabId)).toBe(String(unseen.length));
  });
});
