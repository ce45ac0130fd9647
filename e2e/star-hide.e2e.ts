/**
 * Scenario 4: star and hide from the popup (opened as a page in another tab); every open papers
 * tab follows at once, without a reload, and the open popup follows an undo made on a page. Also saves the screenshots of the decorated page and of
 * the popup (light and dark).
 */
import { expect, it } from 'vitest';
import { MARK } from '../lib/content/marks';
import { badgeText, tabIdForUrl } from './support/browser';
import { buildListPage, fixtureDailyPapers, type ListPaper } from './support/page-builder';
import { PapersPage } from './support/papers-page';
import { PopupPage } from './support/popup-page';
import { loadSeedVisits, normaliseTitle } from './support/seeds';
import { screenshotPath, useExtension } from './support/session';

const e2e = useExtension();

/** Sets a marker in the page's own window: it vanishes if the page reloads. */
const markWindow = (page: PapersPage) =>
  page.page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
const windowKept = (page: PapersPage) => page.page.evaluate(() => 'e2eNoReload' in window);

it('starring and hiding in the popup updates the open papers tabs without a reload; unhide restores them', async () => {
  const { ext, server } = e2e;
  const fixture = fixtureDailyPapers();
  const pick = (i: number): ListPaper => {
    const paper = fixture[i];
    if (!paper) throw new Error('The fixture has fewer papers than expected');
    return paper;
  };
  const [starred, hidden, undone] = [pick(1), pick(2), pick(5)];
  const page = await PapersPage.open(ext.context, server.url('/papers'));
  const tabId = await tabIdForUrl(ext, page.url());
  // A second papers tab showing the starred and hidden papers among others.
  const others = (loadSeedVisits()[0]?.papers ?? []).slice(0, 3);
  server.setPage(
    '/papers/date/2026-09-30',
    buildListPage([others[0], hidden, others[1], starred, others[2]] as ListPaper[], {
      date: '2026-09-30',
    }),
  );
  const second = await PapersPage.open(ext.context, server.url('/papers/date/2026-09-30'));
  const secondTabId = await tabIdForUrl(ext, second.url());
  await markWindow(page);
  await markWindow(second);

  const popup = await PopupPage.open(ext);
  expect(await popup.selectedView()).toBe('New');
  const newTitles = (await popup.rowTitles()).map(normaliseTitle);
  const expectedNew = [...fixture, ...others].map((p) => normaliseTitle(p.title));
  expect(newTitles.slice().sort()).toEqual(expectedNew.sort());

  // Star: the cards are marked at once, on both tabs.
  await popup.toggleStar(starred.title);
  await page.waitForCardAttribute(starred.id, MARK.starred, true);
  await second.waitForCardAttribute(starred.id, MARK.starred, true);
  expect(await page.card(starred.id)).toMatchObject({ starred: true, hidden: false, state: 'new' });

  // Hide: the cards collapse to their strip, the badges count one fewer.
  await popup.toggleHidden(hidden.title);
  await page.waitForCardAttribute(hidden.id, MARK.hidden, true);
  await second.waitForCardAttribute(hidden.id, MARK.hidden, true);
  for (const p of [page, second]) {
    expect(await p.hiddenStrip(hidden.id).isVisible()).toBe(true);
    expect(await p.hiddenStrip(hidden.id).textContent()).toContain('Hidden by Papers Radar');
    expect(await p.titleLink(hidden.id).isVisible()).toBe(false);
    expect(await p.titleLink(starred.id).isVisible()).toBe(true);
  }
  await expect.poll(() => badgeText(ext, tabId)).toBe('27');
  await expect.poll(() => badgeText(ext, secondTabId)).toBe('4');

  // A third card hidden, then undone from the page's own strip: the open popup follows too.
  const undoneRow = popup.row(undone.title);
  await popup.toggleHidden(undone.title);
  await page.waitForCardAttribute(undone.id, MARK.hidden, true);
  const rowState = async () =>
    (await undoneRow.count()) === 0
      ? 'gone'
      : await undoneRow.getByRole('button', { name: /^(Hide|Unhide)$/ }).textContent();
  const hiddenInPopup = await rowState();
  await page.clickUndo(undone.id);
  await page.waitForCardAttribute(undone.id, MARK.hidden, false);
  expect(await page.titleLink(undone.id).isVisible()).toBe(true);
  expect(hiddenInPopup).not.toBe('Hide');
  await expect.poll(rowState).toBe('Hide');
  expect(await windowKept(page)).toBe(true);
  expect(await windowKept(second)).toBe(true);

  // The first cards: a new one, the starred one, the hidden one's strip, new ones.
  await page.page.evaluate(() => window.scrollTo(0, 0));
  await page.cardLocator(pick(0).id).scrollIntoViewIfNeeded();
  await page.screenshot(screenshotPath('daily-starred-hidden.png'));

  // The popup's views follow: Starred and Hidden list the right papers.
  await popup.selectView('starred');
  expect((await popup.rowTitles()).map(normaliseTitle)).toEqual([normaliseTitle(starred.title)]);
  await popup.selectView('hidden');
  expect((await popup.rowTitles()).map(normaliseTitle)).toEqual([normaliseTitle(hidden.title)]);

  // A reload keeps the star and the collapsed card.
  await page.reload();
  expect(await page.card(starred.id)).toMatchObject({ starred: true, hidden: false });
  expect(await page.card(hidden.id)).toMatchObject({ starred: false, hidden: true });
  expect(await page.hiddenStrip(hidden.id).isVisible()).toBe(true);
  await markWindow(page);

  // Unhide from the popup: the cards are whole again, on both tabs.
  await popup.toggleHidden(hidden.title);
  for (const p of [page, second]) {
    await p.waitForCardAttribute(hidden.id, MARK.hidden, false);
    expect(await p.hiddenStrip(hidden.id).isVisible()).toBe(false);
    expect(await p.titleLink(hidden.id).isVisible()).toBe(true);
    expect(await windowKept(p)).toBe(true);
  }
  await expect.poll(() => badgeText(ext, tabId)).toBe('28');
  await expect.poll(() => badgeText(ext, secondTabId)).toBe('5');

  // Screenshots of the popup over the papers tab, light and dark.
  const over = await PopupPage.openOver(ext, tabId);
  await over.page.setViewportSize({ width: 400, height: 600 });
  expect(await over.waitForStatus(/This page:/)).toBe('This page: 28 papers, 28 new');
  await over.screenshot(screenshotPath('popup-light.png'));
  await over.page.emulateMedia({ colorScheme: 'dark' });
  await over.screenshot(screenshotPath('popup-dark.png'));
});
