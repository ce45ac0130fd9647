/**
 * Read-only looks at what the extension stored, from inside its service worker (the same
 * IndexedDB the background writes; names from lib/db/open-db.ts). For assertions only.
 */
import { DB_NAME } from '../../lib/db/open-db';
import type { PaperRecord, Visit } from '../../lib/model/paper';
import type { ExtensionBrowser } from './browser';

export interface StoredLibrary {
  papers: PaperRecord[];
  visits: Visit[];
}

export function readLibrary(ext: ExtensionBrowser): Promise<StoredLibrary> {
  // No named functions inside: see advanceClock (tsx's `__name` helper).
  return ext.serviceWorker.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(dbName);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
      open.onupgradeneeded = () => {
        open.transaction?.abort();
        reject(new Error(`No ${dbName} database yet`));
      };
    });
    try {
      const tx = db.transaction(['papers', 'visits'], 'readonly');
      const [papers, visits] = await Promise.all(
        ['papers', 'visits'].map(
          (name) =>
            new Promise<unknown[]>((resolve, reject) => {
              const req = tx.objectStore(name).getAll();
              req.onsuccess = () => resolve(req.result);
              req.onerror = () => reject(req.error);
            }),
        ),
      );
      return { papers, visits } as unknown as { papers: PaperRecord[]; visits: Visit[] };
    } finally {
      db.close();
    }
  }, DB_NAME);
}
