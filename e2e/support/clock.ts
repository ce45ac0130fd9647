/**
 * Moving the extension's clock forward, without a backdoor in the product.
 *
 * The background's clock is `Date.now`, but entrypoints/background.ts hands the function itself
 * to the handlers (`now: Date.now`) when the worker starts, so replacing `Date.now` in a running
 * worker changes nothing (checked: a reload after `Date.now = () => real() + 1 h` stayed in the
 * same visit). The settings' visit gap cannot go below one minute either.
 *
 * So time moves the other way round: every timestamp the extension stored (papers' times, visits,
 * the per-tab visit start in `storage.session`) is moved back by the same amount. For every rule
 * that compares stored times with "now" this is exactly the clock jumping forward by that amount,
 * and the content script's "seen 31 min ago" labels (its own, real clock) stay coherent too.
 * The names come from the product's schema (lib/db/open-db.ts), typed against it.
 */
import { DB_NAME } from '../../lib/db/open-db';
import type { PaperRecord, Visit } from '../../lib/model/paper';
import { DEFAULT_VISIT_GAP_MINUTES, MINUTE_MS } from '../../lib/visits/new-since-last-visit';
import type { ExtensionBrowser, ChromeGlobal } from './browser';

/** The default visit gap, plus a minute: enough to start a new visit. */
export const PAST_VISIT_GAP_MS = (DEFAULT_VISIT_GAP_MINUTES + 1) * MINUTE_MS;

const PAPER_TIME_FIELDS = [
  'firstSeenAt',
  'lastSeenAt',
  'openedAt',
  'starredAt',
  'hiddenAt',
] as const satisfies readonly (keyof PaperRecord)[];
const VISIT_TIME_FIELDS = ['start', 'end'] as const satisfies readonly (keyof Visit)[];

export interface AgeResult {
  papers: number;
  visits: number;
  tabs: number;
}

/** Moves the extension's clock forward by `ms` (see above); resolves once everything is moved. */
export async function advanceClock(ext: ExtensionBrowser, ms: number): Promise<AgeResult> {
  return ext.serviceWorker.evaluate(
    // No named functions in here: this code is serialised into the worker, and tsx (esbuild's
    // keepNames) would wrap them in a `__name` helper that does not exist there.
    async ({ ms, dbName, paperFields, visitFields }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
        open.onupgradeneeded = () => {
          open.transaction?.abort();
          reject(new Error(`No ${dbName} database yet`));
        };
      });
      let papers = 0;
      let visits = 0;
      try {
        const tx = db.transaction(['papers', 'visits'], 'readwrite');
        const done = new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new Error('aborted'));
        });
        const stores = [
          { store: tx.objectStore('papers'), fields: paperFields as readonly string[] },
          // `start` is the visits' key: they are cleared and written back, moved.
          { store: tx.objectStore('visits'), fields: visitFields as readonly string[] },
        ];
        for (const { store, fields } of stores) {
          const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
            const req = store.getAll();
            req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
            req.onerror = () => reject(req.error);
          });
          if (store.name === 'visits') store.clear();
          for (const record of all) {
            for (const field of fields) {
              const value = record[field];
              if (typeof value === 'number') record[field] = value - ms;
            }
            store.put(record);
          }
          if (store.name === 'papers') papers = all.length;
          else visits = all.length;
        }
        await done;
      } finally {
        db.close();
      }
      const { chrome } = globalThis as unknown as ChromeGlobal;
      const session = await chrome.storage.session.get(null);
      const moved: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(session)) {
        if (!key.startsWith('tab:') || typeof value !== 'object' || value === null) continue;
        const page = { ...(value as Record<string, unknown>) };
        if (typeof page.visitStart === 'number') page.visitStart -= ms;
        moved[key] = page;
      }
      await chrome.storage.session.set(moved);
      return { papers, visits, tabs: Object.keys(moved).length };
    },
    { ms, dbName: DB_NAME, paperFields: PAPER_TIME_FIELDS, visitFields: VISIT_TIME_FIELDS },
  );
}

/** Ends the current visit: the next papers-page view starts a new one. */
export function startNewVisit(ext: ExtensionBrowser): Promise<AgeResult> {
  return advanceClock(ext, PAST_VISIT_GAP_MS);
}
