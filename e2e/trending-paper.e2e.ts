/** Scenarios 6 and 7: the trending page (a paper laid out twice) and a single paper page. */
import { expect, it } from 'vitest';
import { badgeText, tabIdForUrl } from './support/browser';
import { readLibrary } from './support/library';
import { fixturePaper } from './support/page-builder';
import { PapersPage } from './support/papers-page';
import { PopupPage } from './support/popup-page';
import { normaliseTitle } from './support/seeds';
import { useExtension } from './support/session';

const e2e = useExtension();

it('trending: a paper laid out twice in its card gets one badge, and the count is 1', async () => {
  const { ext, server } = e2e;
  const page = await PapersPage.open(ext.context, server.url('/papers/trending'));
  const marks = await page.marks();
  expect(marks.kind).toBe('trending');
  expect(marks.count).toBe(1);
  expect(marks.cards).toEqual([
    { id: '2006.15704', state: 'new', starred: false, hidden: false, newBadges: 1 },
  ]);
  expect(marks.newBadges).toBe(1);
  expect(await badgeText(ext, await tabIdForUrl(ext, page.url()))).toBe('1');
});

it('a paper page records the paper as opened, and the popup lists it', async () => {
  const { ext, server } = e2e;
  const paper = fixturePaper();
  const page = await PapersPage.open(ext.context, server.url(`/papers/${paper.id}`));
  const marks = await page.marks();
  expect(marks.kind).toBe('paper');
  expect(marks.count).toBe(1);

  const stored = (await readLibrary(ext)).papers.find((p) => p.id === paper.id);
  expect(stored?.openedAt).toBeTypeOf('number');
  expect(normaliseTitle(stored?.title ?? '')).toBe(normaliseTitle(paper.title));

  const popup = await PopupPage.open(ext);
  await popup.selectView('all');
  expect((await popup.rowTitles()).map(normaliseTitle)).toEqual([normaliseTitle(paper.title)]);
});
