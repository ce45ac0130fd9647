/** Scenario 3: the five seed pages in order, one visit each; NEW follows from the titles. */
import { expect, it } from 'vitest';
import { badgeText, tabIdForUrl } from './support/browser';
import { startNewVisit } from './support/clock';
import { buildListPage } from './support/page-builder';
import { PapersPage } from './support/papers-page';
import { loadSeedVisits, newPerVisit, seedVisitPage } from './support/seeds';
import { useExtension } from './support/session';

const e2e = useExtension();

it('five seed pages, five visits: the new cards are exactly the papers not met on an earlier page', async () => {
  const { ext, server } = e2e;
  const visits = loadSeedVisits();
  const expectedNew = newPerVisit(visits);
  let page: PapersPage | undefined;

  for (const [i, visit] of visits.entries()) {
    const { papers, path, date } = seedVisitPage(visit, i);
    server.setPage(path, buildListPage(papers, { date }));
    if (i > 0) await startNewVisit(ext);
    if (page) await page.goto(server.url(path));
    else page = await PapersPage.open(ext.context, server.url(path));

    const marks = await page.marks();
    const fresh = expectedNew[i] ?? [];
    expect(marks.count, visit.file).toBe(papers.length);
    expect(marks.cards, visit.file).toHaveLength(papers.length);
    expect(new Set(await page.newIds()), visit.file).toEqual(new Set(fresh.map((p) => p.id)));
    expect(marks.newBadges, visit.file).toBe(fresh.length);
    const tabId = await tabIdForUrl(ext, page.url());
    expect(await badgeText(ext, tabId), visit.file).toBe(fresh.length ? String(fresh.length) : '');
  }
});
