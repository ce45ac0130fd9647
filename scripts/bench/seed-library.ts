/**
 * Bulk seeding of the PRODUCT's database, in one place so that it can follow schema changes.
 *
 * `seedPapers(from, to, seeds)` (JavaScript source, run in the extension's service worker) writes
 * the synthetic records `recordFor(from … to-1)` (records.ts) as raw values straight into the
 * `papers` object store of IndexedDB database `papers-radar`, 5,000 per `readwrite` transaction,
 * bypassing the product's code: going through `recordReport` 50 papers at a time would take
 * hours for 100,000 papers.
 *
 * Besides the records it does what the product's writers do for new papers: it queues each id
 * for the search index (`searchQueue`, in batches, lib/db/search-index.ts) and adds to the paper counter
 * (`meta`, lib/db/paper-count.ts). The bench then waits for the background to index the queue
 * (index-build.ts) before timing anything. Anything else the product derives from `papers` must
 * be written here too: adapt it when the schema changes.
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
        const tx = db.transaction(['papers', 'searchQueue', 'meta'], 'readwrite');
        const store = tx.objectStore('papers');
        const queue = tx.objectStore('searchQueue');
        const meta = tx.objectStore('meta');
        const end = Math.min(to, start + 5000);
        // The paper counter the product's writers keep (lib/db/paper-count.ts): ids are all new.
        const counted = meta.get('paperCount');
        counted.onsuccess = () => meta.put((counted.result || 0) + (end - start), 'paperCount');
        const ids = [];
        for (let i = start; i < end; i++) {
          const record = recordFor(i, seeds);
          store.put(record);
          ids.push(record.id);
        }
        // Queued for the search index as the product queues what it writes: batches of ids
        // (lib/db/search-schema.ts, at most INDEX_BATCH = 2048 each).
        for (let i = 0; i < ids.length; i += 2048) queue.add(ids.slice(i, i + 2048));
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
