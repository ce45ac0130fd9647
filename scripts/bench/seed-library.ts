/**
 * Bulk seeding of the PRODUCT's database, in one place so that it can follow schema changes.
 *
 * `seedPapers(from, to, seeds)` (JavaScript source, run in the extension's service worker) writes
 * the synthetic records `recordFor(from … to-1)` (records.ts) as raw values straight into the
 * `papers` object store of IndexedDB database `papers-radar`, 5,000 per `readwrite` transaction,
 * bypassing the product's code: going through `recordReport` 50 papers at a time would take
 * hours for 100,000 papers.
 *
 * It writes nothing else. Whatever the product derives from `papers` does not see these records
 * unless this function also writes or queues it: adapt it when the schema changes. In particular,
 * since DB v2 (commit 503d83f) the popup's search is answered from an index that the background
 * builds from the `searchQueue` store (lib/db/search-index.ts): seeded papers are not searchable
 * until this function queues them (`searchQueue.put(Math.random(), id)` in the same transaction)
 * AND the background has drained the queue (it indexes after each report), which the bench must
 * then wait for before timing anything, or the indexing competes with the timed work.
 *
 * It never creates the database: the product must have opened it first (any page report does),
 * or an open without a version would make an empty version-1 database that the product's upgrade
 * ladder would then skip.
 */
export const SEED_JS = String.raw`
  async function seedPapers(from, to, seeds) {
    if (to <= from) return;
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('papers-radar');
      open.onupgradeneeded = () => open.transaction.abort();
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error('seedPapers: the product has not created papers-radar yet'));
    });
    try {
      for (let start = from; start < to; start += 5000) {
        const tx = db.transaction(['papers', 'searchQueue'], 'readwrite');
        const store = tx.objectStore('papers');
        const queue = tx.objectStore('searchQueue');
        for (let i = start; i < Math.min(to, start + 5000); i++) {
          const record = recordFor(i, seeds);
          store.put(record);
          // Queued for the search index, as the product queues every paper it writes.
          queue.put(0, record.id);
        }
        await new Promise((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error || new Error('aborted'));
        });
      }
    } finally {
      db.close();
    }
  }
`;
