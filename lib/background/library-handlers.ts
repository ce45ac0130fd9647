/** Handlers for the extension's pages: list, star, hide, status, backup. */
import { browser } from 'wxt/browser';
import type { ListedPaper, Request, Responses } from '../messages/protocol';
import type { PaperRecord } from '../model/paper';
import { exportLibrary, importLibrary } from '../db/backup';
import { countPapers, listPapers as listView, toListedPaper } from '../db/list-papers';
import { setHidden as hide, setStarred as star } from '../db/papers-repo';
import { isStorageFailure } from '../db/storage-error';
import { latestVisit } from '../db/visits-repo';
import type { BackgroundDeps } from './deps';
import { PAPERS_URL } from './sender';
import { getStorageError, getTabPage, setStorageError } from './session-state';
import { indexAfterSearch, indexInBackground, indexSoon } from './search';
import { refreshTabs } from './tabs';

export async function listPapers(deps: BackgroundDeps, data: Request<'listPapers'>) {
  const db = await deps.db();
  // A search checks the papers still queued for the index one by one rather than wait for the
  // indexer to write them (0.6–1 s for the few hundred papers of a burst of page views).
  let backlog = false;
  const page = await listView(db, data, (await latestVisit(db))?.start, {
    indexed: true,
    onBacklog: () => (backlog = true),
  });
  // The popup is open and listing: a search may come next, so index the queue soon, off the
  // reply's path (what is indexed no longer has to be checked one by one); not while the reader
  // types, though (search.ts).
  if (data.query.trim() === '') indexSoon(db);
  else indexAfterSearch(db, backlog);
  return page;
}

async function changeFlag(
  deps: BackgroundDeps,
  set: typeof star,
  id: string,
  on: boolean,
): Promise<{ paper: ListedPaper }> {
  const db = await deps.db();
  const record: PaperRecord = await set(db, id, on, deps.now());
  const visitStart = (await latestVisit(db))?.start ?? Infinity;
  await refreshTabs(db, new Set([id]));
  return { paper: toListedPaper(record, visitStart) };
}

export const setStarred = (deps: BackgroundDeps, { id, starred }: Request<'setStarred'>) =>
  changeFlag(deps, star, id, starred);

export const setHidden = (deps: BackgroundDeps, { id, hidden }: Request<'setHidden'>) =>
  changeFlag(deps, hide, id, hidden);

const NO_COUNTS = { all: 0, new: 0, starred: 0, hidden: 0 };

/** Answers even when storage fails: the failure is what the popup must show then. */
export async function getStatus(
  deps: BackgroundDeps,
  { tabId }: Request<'getStatus'>,
): Promise<Responses['getStatus']> {
  // The tab's page (extension storage) and the library (IndexedDB) are read at once: the popup
  // shows nothing until this reply, and each read is a round trip to the browser process.
  const [tab, library] = await Promise.all([
    tabId === undefined ? null : currentTabPage(tabId),
    libraryStatus(deps),
  ]);
  return { tab, ...library };
}

async function libraryStatus(deps: BackgroundDeps): Promise<Omit<Responses['getStatus'], 'tab'>> {
  const storageError = getStorageError();
  // Marked handled now: a library read that throws first must not leave it unhandled.
  storageError.catch(() => undefined);
  try {
    const db = await deps.db();
    const visit = (await latestVisit(db)) ?? null;
    const counts = await countPapers(db, visit?.start);
    return { visit, counts, storageError: await storageError };
  } catch (error) {
    if (!isStorageFailure(error)) throw error;
    const message = (error as Error).message;
    await setStorageError(message);
    return { visit: null, counts: NO_COUNTS, storageError: message };
  }
}

/** The tab's last reported page, unless the tab has since left the papers pages. */
async function currentTabPage(tabId: number): Promise<Responses['getStatus']['tab']> {
  const page = await getTabPage(tabId);
  if (!page) return null;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (tab?.url !== undefined && !PAPERS_URL.test(tab.url)) return null;
  const { url, kind, count, newCount, ids } = page; // Not visitStart: the popup has `visit`.
  return { url, kind, count, newCount, ids };
}

export async function exportBackup(deps: BackgroundDeps): Promise<Responses['exportLibrary']> {
  return { backup: await exportLibrary(await deps.db(), deps.now()) };
}

export async function importBackup(
  deps: BackgroundDeps,
  { backup }: Request<'importLibrary'>,
): Promise<Responses['importLibrary']> {
  const db = await deps.db();
  const result = await importLibrary(db, backup);
  await refreshTabs(db);
  indexInBackground(db);
  return result;
}
