/**
 * What the background must remember between messages lives in `storage.session`: the worker is
 * killed at any time, so nothing may live only in its memory. Session storage is closed to
 * content scripts by default, and cleared when the browser quits.
 */
import { browser } from 'wxt/browser';
import type { TabPage } from '../messages/protocol';

/** A tab's page, with the visit its states were computed in (the cards show that visit). */
export interface StoredTabPage extends TabPage {
  visitStart: number;
}

const tabKey = (tabId: number) => `tab:${tabId}`;
const STORAGE_ERROR_KEY = 'storageError';

export async function getTabPage(tabId: number): Promise<StoredTabPage | undefined> {
  const key = tabKey(tabId);
  return (await browser.storage.session.get(key))[key] as StoredTabPage | undefined;
}

export async function setTabPage(tabId: number, page: StoredTabPage): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: page });
}

const tabWork = new Map<number, Promise<unknown>>();

/**
 * Runs `work` once every earlier `forTab` work of the same tab has finished. A tab's page and
 * badge are read and written by its reports and by refreshes after a star or hide elsewhere;
 * without this, a refresh that read the tab's old page could write it back over the page the
 * tab reported meanwhile, badge included. The worker is the only writer, so an in-memory queue
 * is enough (a worker that is stopped takes its pending work with it).
 */
export function forTab<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const next = (tabWork.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(work);
  tabWork.set(tabId, next);
  const forget = () => {
    if (tabWork.get(tabId) === next) tabWork.delete(tabId);
  };
  next.then(forget, forget);
  return next;
}

export async function removeTabPage(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

/** The last storage error, for the popup; null once storage works again. */
export async function getStorageError(): Promise<string | null> {
  const value = (await browser.storage.session.get(STORAGE_ERROR_KEY))[STORAGE_ERROR_KEY];
  return typeof value === 'string' ? value : null;
}

export async function setStorageError(message: string | null): Promise<void> {
  if (message === null) await browser.storage.session.remove(STORAGE_ERROR_KEY);
  else await browser.storage.session.set({ [STORAGE_ERROR_KEY]: message });
}
