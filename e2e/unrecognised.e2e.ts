/**
 * Scenario 10: a page under /papers whose layout is not recognised is left untouched, and the
 * popup over that tab says so.
 */
import { expect, it } from 'vitest';
import { MARK } from '../lib/content/marks';
import { badgeText, tabIdForUrl } from './support/browser';
import { buildUnrecognisedPage } from './support/page-builder';
import { PapersPage } from './support/papers-page';
import { PopupPage } from './support/popup-page';
import { screenshotPath, useExtension } from './support/session';

const e2e = useExtension();

it('an unrecognised layout under /papers is left untouched and the popup says so', async () => {
  const { ext, server } = e2e;
  server.setPage('/papers/date/2026-10-07', buildUnrecognisedPage());
  const page = await PapersPage.open(ext.context, server.url('/papers/date/2026-10-07'));
  // Let a late pass (mutation observer, location polling) happen if there is one.
  await page.page.waitForTimeout(1000);

  const marks = await page.marks();
  expect(marks.kind).toBe('daily');
  expect(marks.count).toBe(0);
  expect(marks.cards).toEqual([]);
  expect(marks.injected).toBe(0);
  const stray = await page.page.evaluate(
    (names) => names.reduce((n, name) => n + document.querySelectorAll(`body [${name}]`).length, 0),
    [MARK.kind, MARK.count, MARK.id, MARK.state, MARK.starred, MARK.hidden, MARK.ui],
  );
  expect(stray).toBe(0);
  const tabId = await tabIdForUrl(ext, page.url());
  expect(await badgeText(ext, tabId)).toBe('');

  const popup = await PopupPage.openOver(ext, tabId);
  expect(await popup.waitForStatus(/layout was not recognised/)).toContain(
    "This page's layout was not recognised",
  );
  await popup.page.setViewportSize({ width: 400, height: 400 });
  await popup.screenshot(screenshotPath('popup-unrecognised.png'));
});
