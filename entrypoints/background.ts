import { browser } from 'wxt/browser';
import { createHandlers } from '@/lib/background/handlers';
import { createRouter } from '@/lib/background/router';
import { removeTabPage, setStorageError } from '@/lib/background/session-state';
import { forgetTab, isPapersUrl } from '@/lib/background/tabs';
import { connectDb } from '@/lib/db/open-db';
import { getVisitGapMs } from '@/lib/settings';

export default defineBackground(() => {
  // Opened on the first message and again whenever the connection closes (see connectDb).
  const db = connectDb();
  const handlers = createHandlers({ db: db.get, now: () => Date.now(), visitGapMs: getVisitGapMs });
  const router = createRouter(handlers, { onStorageError: setStorageError });
  browser.runtime.onMessage.addListener(router.listener);
  browser.tabs.onRemoved.addListener((tabId) => {
    void removeTabPage(tabId);
  });
  // A tab that left the papers pages keeps no badge and no page record.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url && !isPapersUrl(change.url)) void forgetTab(tabId);
  });
});
