/**
 * Scenarios 8 and 9: nothing lives only in the service worker's memory. The worker is killed
 * between two page views, and the browser is relaunched with the same profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MARK } from '../lib/content/marks';
import { badgeText, killServiceWorker, launchExtension, tabIdForUrl } from './support/browser';
import { startNewVisit } from './support/clock';
import { readLibrary } from './support/library';
import { buildListPage, fixtureDailyPapers } from './support/page-builder';
import { PapersPage } from './support/papers-page';
import { PopupPage } from './support/popup-page';
import { loadSeedVisits, normaliseTitle } from './support/seeds';
import { useExtension } from './support/session';

const e2e = useExtension();
const fixture = fixtureDailyPapers();

it('the service worker killed between two page views: nothing is lost, the visit goes on', async () => {
  const { ext, server } = e2e;
  const page = await PapersPage.open(ext.context, server.url('/papers'));
  const tabId = await tabIdForUrl(ext, page.url());
  const starred = fixture[6];
  if (!starred) throw new Error('fixture too short');
  const popup = await PopupPage.open(ext);
  await popup.toggleStar(starred.title);
  await page.waitForCardAttribute(starred.id, MARK.starred, true);
  await popup.close();
  const before = await readLibrary(ext);

  await killServiceWorker(ext);

  // Another page of the same visit: part of it already met (still new: same visit), part not.
  const unseen = (loadSeedVisits()[3]?.papers ?? []).slice(0, 4);
  const mixed = [...fixture.slice(0, 5), ...unseen].map((p, i) => ({ ...p, upvotes: i }));
  server.setPage('/papers/date/2026-09-27', buildListPage(mixed, { date: '2026-09-27' }));
  await page.goto(server.url('/papers/date/2026-09-27'));
  const marks = await page.marks();
  expect(marks.count).toBe(mixed.length);
  expect(marks.cards.every((c) => c.state === 'new')).toBe(true);
  expect(await badgeText(ext, tabId)).toBe(String(mixed.length));

  await killServiceWorker(ext);
  await page.goto(server.url('/papers'));
  const daily = await page.marks();
  expect(daily.cards.filter((c) => c.state === 'new')).toHaveLength(28);
  expect(daily.cards.filter((c) => c.starred).map((c) => c.id)).toEqual([starred.id]);
  expect(await badgeText(ext, tabId)).toBe('28');

  // The stored library kept every paper, and the visit is the one it was.
  const after = await readLibrary(ext);
  expect(after.papers).toHaveLength(28 + unseen.length);
  expect(after.visits).toHaveLength(1);
  expect(after.visits[0]?.start).toBe(before.visits[0]?.start);
  expect(after.visits[0]?.views).toBe((before.visits[0]?.views ?? 0) + 2);

  // A worker woken by the popup still knows the open tab: a star reaches it without a reload.
  await killServiceWorker(ext);
  const other = fixture[9];
  if (!other) throw new Error('fixture too short');
  const popupAfter = await PopupPage.open(ext);
  await popupAfter.toggleStar(other.title);
  await page.waitForCardAttribute(other.id, MARK.starred, true);
});

it('the browser relaunched with the same profile: stars and seen states are still there', async () => {
  const { server } = e2e;
  const profileDir = mkdtempSync(join(tmpdir(), 'papers-radar-relaunch-'));
  const starred = fixture[2];
  if (!starred) throw new Error('fixture too short');
  try {
    const first = await launchExtension({ port: server.port, profileDir });
    try {
      const page = await PapersPage.open(first.context, server.url('/papers'));
      expect(await page.newIds()).toHaveLength(28);
      const popup = await PopupPage.open(first);
      await popup.toggleStar(starred.title);
      await page.waitForCardAttribute(starred.id, MARK.starred, true);
      // The visit ends: on the next view these papers are seen.
      await startNewVisit(first);
    } finally {
      await first.close();
    }

    const second = await launchExtension({ port: server.port, profileDir });
    try {
      expect(second.extensionId).toBe(first.extensionId);
      const page = await PapersPage.open(second.context, server.url('/papers'));
      const marks = await page.marks();
      expect(marks.count).toBe(28);
      expect(marks.cards.every((c) => c.state === 'seen')).toBe(true);
      expect(marks.cards.filter((c) => c.starred).map((c) => c.id)).toEqual([starred.id]);
      expect(await badgeText(second, await tabIdForUrl(second, page.url()))).toBe('');

      const popup = await PopupPage.open(second);
      await popup.selectView('starred');
      expect((await popup.rowTitles()).map(normaliseTitle)).toEqual([
        normaliseTitle(starred.title),
      ]);
      await popup.selectView('all');
      expect(await popup.rowTitles()).toHaveLength(28);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
});
