/**
 * Scenario 5: the site moves to another day client-side (history.pushState + re-rendered list,
 * new JSON); the new list is parsed and decorated, the old marks are gone.
 */
import { expect, it } from 'vitest';
import { badgeText, tabIdForUrl } from './support/browser';
import { startNewVisit } from './support/clock';
import { buildListPage, NAV_BUTTON_ID } from './support/page-builder';
import { PapersPage } from './support/papers-page';
import { loadSeedVisits } from './support/seeds';
import { useExtension } from './support/session';

const e2e = useExtension();

it('client-side navigation to another day: the new list is decorated once, old marks are gone, the count follows', async () => {
  const { ext, server } = e2e;
  const seeds = loadSeedVisits()[1]?.papers ?? [];
  const dayOne = seeds.slice(0, 6).map((p, i) => ({ ...p, upvotes: 10 + i }));
  // The next day shares two papers with the first and brings five others.
  const dayTwo = [...seeds.slice(4, 6), ...seeds.slice(10, 15)].map((p, i) => ({
    ...p,
    upvotes: i,
  }));
  server.setPage(
    '/papers/date/2026-10-01',
    buildListPage(dayOne, {
      date: '2026-10-01',
      clientSideNav: { path: '/papers/date/2026-10-02', date: '2026-10-02', papers: dayTwo },
    }),
    { keepScripts: true },
  );

  const page = await PapersPage.open(ext.context, server.url('/papers/date/2026-10-01'));
  const before = await page.marks();
  expect(before.count).toBe(dayOne.length);
  expect(before.cards.map((c) => c.id)).toEqual(dayOne.map((p) => p.id));
  const tabId = await tabIdForUrl(ext, page.url());
  expect(await badgeText(ext, tabId)).toBe(String(dayOne.length));

  await page.page.click(`#${NAV_BUTTON_ID}`);
  await page.page.waitForURL('**/papers/date/2026-10-02');
  await page.waitForPass({ ids: dayTwo.map((p) => p.id) });
  // Let any late pass (location polling, mutation observer) run before looking.
  await page.page.waitForTimeout(1500);

  const after = await page.marks();
  expect(after.kind).toBe('daily');
  expect(after.count).toBe(dayTwo.length);
  expect(after.cards.map((c) => c.id)).toEqual(dayTwo.map((p) => p.id));
  for (const card of after.cards) expect(card).toMatchObject({ state: 'new', newBadges: 1 });
  expect(after.newBadges).toBe(dayTwo.length);
  // Nothing of the first day's list is left marked, and no injected element is orphaned.
  const dayOneOnly = dayOne.filter((p) => !dayTwo.some((q) => q.id === p.id));
  for (const p of dayOneOnly) expect(await page.card(p.id)).toBeUndefined();
  expect(
    await page.page.evaluate(
      () =>
        document.querySelectorAll('[data-papers-radar-ui="badges"]').length ===
        document.querySelectorAll('article[data-papers-radar-id]').length,
    ),
  ).toBe(true);
  expect(await badgeText(ext, tabId)).toBe(String(dayTwo.length));
});

it('client-side navigation that re-renders the same <article> elements in place, in a new visit: each card shows its new paper state', async () => {
  const { ext, server } = e2e;
  const seeds = loadSeedVisits()[2]?.papers ?? [];
  const dayOne = seeds.slice(0, 6).map((p, i) => ({ ...p, upvotes: 20 + i }));
  const unseen = seeds.slice(20, 23);
  // Two papers met on day one (in another order), three never seen; one card fewer.
  const dayTwo = [dayOne[3], dayOne[0], ...unseen]
    .filter((p) => p !== undefined)
    .map((p, i) => ({ ...p, upvotes: i }));
  server.setPage(
    '/papers/date/2026-10-05',
    buildListPage(dayOne, {
      date: '2026-10-05',
      clientSideNav: {
        path: '/papers/date/2026-10-06',
        date: '2026-10-06',
        papers: dayTwo,
        mode: 'patch',
      },
    }),
    { keepScripts: true },
  );

  const page = await PapersPage.open(ext.context, server.url('/papers/date/2026-10-05'));
  expect(await page.newIds()).toHaveLength(dayOne.length);
  await startNewVisit(ext);

  await page.page.click(`#${NAV_BUTTON_ID}`);
  await page.page.waitForURL('**/papers/date/2026-10-06');
  await page.waitForPass({ ids: dayTwo.map((p) => p.id) });
  await page.page.waitForTimeout(1500);

  const after = await page.marks();
  expect(after.count).toBe(dayTwo.length);
  expect(after.cards.map((c) => c.id)).toEqual(dayTwo.map((p) => p.id));
  expect(after.cards.map((c) => [c.state, c.newBadges])).toEqual([
    ['seen', 0],
    ['seen', 0],
    ['new', 1],
    ['new', 1],
    ['new', 1],
  ]);
  expect(after.newBadges).toBe(unseen.length);
  // Each card's title is the paper its marks name (the marks moved with the content).
  for (const card of after.cards) {
    expect(await page.titleLink(card.id).count()).toBe(1);
  }
  const tabId = await tabIdForUrl(ext, page.url());
  expect(await badgeText(ext, tabId)).toBe(String(unseen.length));
});
