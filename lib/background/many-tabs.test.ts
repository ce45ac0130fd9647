/**
 * Many tabs at once, through the real router and handlers: ten tabs report overlapping pages
 * concurrently (one IndexedDB transaction each, serialised by IndexedDB), then a star lands while
 * they report again. No report is lost, each tab keeps its own page and badge, and the visit counts
 * every view. (lib/db/papers-repo.test.ts checks the same at the repository level.)
 */
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GAP, paperId, T0 } from '../db/test-papers';
import { getTabPage } from './session-state';
import { badge, contentSender, openTabs, popup, report, setupBackground } from './test-background';

const TABS = Array.from({ length: 10 }, (_, i) => i + 1);
/** Tab t shows papers 5t-4 … 5t+15: each paper is on up to four tabs. */
const range = (tab: number): [number, number] => [5 * tab - 4, 5 * tab + 15];

describe('ten tabs reporting at once', () => {
  it('stores every paper once, answers each tab its own states and badge', async () => {
    const bg = setupBackground();
    const replies = await Promise.all(
      TABS.map((tab) => bg.send('reportPage', report(range(tab)), contentSender(tab))),
    );
    replies.forEach((reply, i) => {
      const [from, to] = range(i + 1);
      expect(reply.states.map((s) => s.id)).toEqual(
        Array.from({ length: to - from + 1 }, (_, k) => paperId(from + k)),
      );
      // All of the first visit: new everywhere, even a paper first seen in four tabs at once.
      expect(reply.states.every((s) => s.state === 'new' && s.firstSeenAt === T0)).toBe(true);
      expect(reply.visitStart).toBe(T0);
    });
    const db = await bg.db();
    expect(await db.count('papers')).toBe(65);
    expect(await db.getAll('visits')).toEqual([{ start: T0, end: T0, views: 10 }]);
    for (const tab of TABS) {
      expect(await badge(tab)).toBe('20');
      const page = (await fakeBrowser.storage.session.get(`tab:${tab}`))[`tab:${tab}`];
      expect(page).toMatchObject({
        count: 20,
        newCount: 20,
        ids: replies[tab - 1]?.states.map((s) => s.id),
      });
    }
  });

  it('loses no star or hide that lands while the tabs report again after the gap', async () => {
    const bg = setupBackground();
    await Promise.all(
      TABS.map((tab) => bg.send('reportPage', report(range(tab)), contentSender(tab))),
    );
    const { sent } = openTabs(...TABS);
    bg.advance(GAP + 1);
    const [replies] = await Promise.all([
      Promise.all(TABS.map((tab) => bg.send('reportPage', report(range(tab)), contentSender(tab)))),
      bg.send('setStarred', { id: paperId(12), starred: true }, popup),
      bg.send('setHidden', { id: paperId(13), hidden: true }, popup),
    ]);
    // A new visit: everything seen; the flags are stored whatever the order of the transactions.
    for (const reply of replies) expect(reply.states.every((s) => s.state === 'seen')).toBe(true);
    const db = await bg.db();
    expect((await db.get('papers', paperId(12)))?.starredAt).toBe(T0 + GAP + 1);
    expect((await db.get('papers', paperId(13)))?.hiddenAt).toBe(T0 + GAP + 1);
    expect(await db.count('papers')).toBe(65);
    expect(await db.getAll('visits')).toEqual([
      { start: T0, end: T0, views: 10 },
      { start: T0 + GAP + 1, end: T0 + GAP + 1, views: 10 },
    ]);
    // Papers 12 and 13 are on tabs 1, 2 and 3; tab 3 has no listener (openTabs), so is skipped.
    const told = [...new Set(sent.map(([tab]) => tab))].sort((a, b) => a - b);
    expect(told).toEqual([1, 2]);
    for (const tab of TABS) expect(await badge(tab)).toBe('');
  });
});

describe('a tab that moves to another page while its old page is refreshed', () => {
  it('keeps the new page and its badge, whichever lands first', async () => {
    const pageA = 'https://huggingface.co/papers/date/2025-10-01';
    const pageB = 'https://huggingface.co/papers/date/2025-10-02';
    // However far the hide (and the refresh of the tab it starts) has got when the tab reports
    // its next page: without one queue per tab, a refresh that read page A wrote it back over B.
    for (let ticks = 0; ticks < 40; ticks++) {
      const bg = setupBackground();
      openTabs(1);
      vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [
        { id: 1, url: (await getTabPage(1))?.url ?? pageA } as Browser.tabs.Tab,
      ]);
      await bg.send('reportPage', report([1, 5], pageA), contentSender(1));
      const hiding = bg.send('setHidden', { id: paperId(2), hidden: true }, popup);
      for (let i = 0; i < ticks; i++) await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([hiding, bg.send('reportPage', report([11, 13], pageB), contentSender(1))]);
      expect(await getTabPage(1), `after ${ticks} ticks`).toMatchObject({
        url: pageB,
        ids: [paperId(11), paperId(12), paperId(13)],
        newCount: 3,
      });
      expect(await badge(1), `after ${ticks} ticks`).toBe('3');
      vi.restoreAllMocks();
    }
  });
});
