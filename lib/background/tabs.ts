/** The toolbar badge and the `statesChanged` broadcast to open papers tabs and the popup. */
import { browser } from 'wxt/browser';
import type { StatesChanged } from '../messages/protocol';
import type { Db } from '../db/open-db';
import { getPapers } from '../db/papers-repo';
import { latestVisit } from '../db/visits-repo';
import type { PaperRecord } from '../model/paper';
import { countNewVisible, paperState } from '../visits/new-since-last-visit';
import { forTab, getTabPage, removeTabPage, setTabPage } from './session-state';
import { PAPERS_URL } from './sender';

export const PAPERS_TABS = '*://huggingface.co/papers*';
export const BADGE_COLOR = '#d9480f';

/** Shows the number of new, not hidden papers on a tab's page; empty when there are none. */
export async function setBadge(tabId: number, newCount: number): Promise<void> {
  // Firefox's MV2 build has `browserAction` where Chrome's MV3 build has `action`.
  const action = browser.action ?? browser.browserAction;
  try {
    await action.setBadgeText({ tabId, text: newCount > 0 ? String(newCount) : '' });
    await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  } catch {
    // The tab closed meanwhile: there is no badge left to set.
  }
}

/**
 * Tells every open papers tab about changed papers (all of its papers when `changed` is omitted)
 * and updates its badge. A tab hears only about papers it reported itself, with the states of
 * the visit its cards show; tabs without a listener are skipped. An open popup hears about the
 * changed papers too.
 */
export async function refreshTabs(db: Db, changed?: ReadonlySet<string>): Promise<void> {
  await Promise.all([refreshPapersTabs(db, changed), changed && tellPages(db, changed)]);
}

/**
 * The extension's own pages (an open popup) get the changed papers with the states of the latest
 * visit, the one the popup lists: an Undo pressed on a page's hidden strip shows in the popup at
 * once. With no page open, nobody listens, which is the usual case.
 */
async function tellPages(db: Db, changed: ReadonlySet<string>): Promise<void> {
  const records = (await getPapers(db, [...changed])).filter((r): r is PaperRecord => !!r);
  const visitStart = (await latestVisit(db))?.start ?? Infinity;
  const message: StatesChanged = {
    type: 'statesChanged',
    states: records.map((record) => paperState(record, visitStart)),
  };
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No extension page open: "Receiving end does not exist".
  }
}

async function refreshPapersTabs(db: Db, changed?: ReadonlySet<string>): Promise<void> {
  const tabs = await browser.tabs.query({ url: PAPERS_TABS });
  await Promise.all(
    tabs.map(async ({ id: tabId, url }) => {
      if (tabId === undefined || (url !== undefined && !PAPERS_URL.test(url))) return;
      // The tab's page is read and its count written back with no report of the tab in between.
      const states = await forTab(tabId, async () => {
        const page = await getTabPage(tabId);
        if (!page || (changed && !page.ids.some((id) => changed.has(id)))) return undefined;
        const records = (await getPapers(db, page.ids)).filter((r): r is PaperRecord => !!r);
        const states = records.map((record) => paperState(record, page.visitStart));
        const newCount = countNewVisible(states);
        if (newCount !== page.newCount) await setTabPage(tabId, { ...page, newCount });
        await setBadge(tabId, newCount);
        return states;
      });
      if (!states) return;
      const message: StatesChanged = {
        type: 'statesChanged',
        states: changed ? states.filter((s) => changed.has(s.id)) : states,
      };
      await sendToTab(tabId, message);
    }),
  );
}

async function sendToTab(tabId: number, message: StatesChanged): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // No content script listening (still loading, or the page was left): it reports on its own.
  }
}

/** A tab that left the papers pages: no badge, no page record. */
export function forgetTab(tabId: number): Promise<void> {
  return forTab(tabId, async () => {
    await setBadge(tabId, 0);
    await removeTabPage(tabId);
  });
}

export const isPapersUrl = (url: string): boolean => PAPERS_URL.test(url);
